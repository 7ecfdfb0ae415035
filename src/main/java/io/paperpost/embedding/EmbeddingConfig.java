package io.paperpost.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Semantic ranking: embedding papers and interests (config/application.properties, "Semantic ranking"). */
@ConfigMapping(prefix = "paperpost.embedding")
public interface EmbeddingConfig {

    /**
     * Whether papers and interests are embedded and the ranker uses closeness in meaning. Off, PaperPost ranks by
     * words only (as before semantic ranking) and loads no model.
     */
    @WithDefault("true")
    boolean enabled();

    /** Texts embedded per transaction by the background worker. */
    @WithDefault("32")
    int batchSize();

    /** How often the worker looks for papers and readers without vectors (it is also woken after each import). */
    @WithDefault("30s")
    Duration pollInterval();
}
