package io.paperpost.subscription;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the signup and preferences forms. */
@ConfigMapping(prefix = "paperpost.subscription")
public interface SubscriptionConfig {

    /** The topic list readers choose from (JSON: id, name, description, categories, seedTerms). */
    @WithDefault("config/topics.json")
    Path topicsFile();

    /** Longest free-text interests accepted, in characters. */
    @WithDefault("500")
    int maxInterestsLength();
}
