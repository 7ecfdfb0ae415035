package io.paperpost.subscription;

import java.util.List;

/** A reader's validated choices: known topic ids, tidy free text and followed authors. */
public record Preferences(List<String> topics, String interests, List<String> authors) {

    public Preferences {
        topics = List.copyOf(topics);
        authors = List.copyOf(authors);
    }
}
