package io.paperpost.preferences;

import io.paperpost.subscription.Reader;
import io.paperpost.subscription.TopicCatalog;
import java.util.List;

/**
 * The filters section of the preferences page: must-have and never words as typed, and the muted authors and
 * topics, each with a box to untick.
 */
public record FilterForm(String mustWords, String neverWords, List<String> mutedAuthors, List<Muted> mutedTopics) {

    /** A muted topic: its id (the box's value) and name. */
    public record Muted(String id, String name) {
    }

    static FilterForm saved(Reader reader, TopicCatalog catalog) {
        return new FilterForm(String.join("\n", reader.mustWords), String.join("\n", reader.neverWords),
                reader.mutedAuthors, muted(reader, catalog));
    }

    /** What was typed, kept when a line was refused. */
    static FilterForm typed(Reader reader, TopicCatalog catalog, String must, String never) {
        return new FilterForm(must == null ? "" : must, never == null ? "" : never, reader.mutedAuthors,
                muted(reader, catalog));
    }

    private static List<Muted> muted(Reader reader, TopicCatalog catalog) {
        return reader.mutedTopics.stream()
                .map(id -> new Muted(id, catalog.find(id).map(t -> t.name()).orElse(id))).toList();
    }
}
