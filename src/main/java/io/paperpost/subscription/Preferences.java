package io.paperpost.subscription;

import java.util.List;

/** A reader's validated choices: known topic ids and tidy free text. */
public record Preferences(List<String> topics, String interests) {

    public Preferences {
        topics = List.copyOf(topics);
    }
}
