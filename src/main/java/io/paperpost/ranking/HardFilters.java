package io.paperpost.ranking;

import java.util.List;

/**
 * What a reader ruled out, as hard filters applied before any scoring: no paper that fails one is ever picked, not
 * even as a trending fallback or the exploration pick.
 *
 * @param mutedAuthors author names (compared as {@link AuthorNames#normalize} does) whose papers never appear
 * @param mutedTopics  topic ids: papers whose primary topic is one of them never appear
 * @param mustWords    words or phrases: when any is given, only papers whose title or abstract has one appear
 * @param neverWords   words or phrases: papers whose title or abstract has one never appear
 */
public record HardFilters(List<String> mutedAuthors, List<String> mutedTopics, List<String> mustWords,
        List<String> neverWords) {

    public static final HardFilters NONE = new HardFilters(List.of(), List.of(), List.of(), List.of());

    public HardFilters {
        mutedAuthors = mutedAuthors == null ? List.of() : List.copyOf(mutedAuthors);
        mutedTopics = mutedTopics == null ? List.of() : List.copyOf(mutedTopics);
        mustWords = mustWords == null ? List.of() : List.copyOf(mustWords);
        neverWords = neverWords == null ? List.of() : List.copyOf(neverWords);
    }

    public boolean isEmpty() {
        return mutedAuthors.isEmpty() && mutedTopics.isEmpty() && mustWords.isEmpty() && neverWords.isEmpty();
    }
}
