package io.paperpost.ranking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the day's papers a reader's {@link HardFilters} rule out. Words match as the ranker reads text (stemmed,
 * stop words dropped), so "never: diffusion model" also rules out "Diffusion Models for …"; a phrase matches when
 * all its adjacent word pairs are in the paper. Thread-safe.
 */
final class DayFilters {

    private final AnalyzedDay day;
    private final TextAnalyzer analyzer;

    DayFilters(AnalyzedDay day, TextAnalyzer analyzer) {
        this.day = day;
        this.analyzer = analyzer;
    }

    /** The ids of the papers the filters rule out; empty for readers without filters (most of them). */
    Set<String> blockedIds(HardFilters filters) {
        if (filters.isEmpty()) {
            return Set.of();
        }
        CandidatePaper[] papers = day.papers();
        boolean[] blocked = new boolean[papers.length];
        day.authors().mark(filters.mutedAuthors(), blocked);
        int[] muted = day.topics().numbers(Set.copyOf(filters.mutedTopics()));
        for (int d = 0; d < papers.length; d++) {
            int primary = day.topicsOfDay().primary(d);
            for (int t : muted) {
                blocked[d] |= primary == t;
            }
        }
        for (String words : filters.neverWords()) {
            markContaining(words, blocked);
        }
        if (!filters.mustWords().isEmpty()) {
            boolean[] wanted = new boolean[papers.length];
            boolean anyUsable = false;
            for (String words : filters.mustWords()) {
                anyUsable |= markContaining(words, wanted);
            }
            // A must word made only of stop words filters nothing rather than everything.
            for (int d = 0; anyUsable && d < papers.length; d++) {
                blocked[d] |= !wanted[d];
            }
        }
        Set<String> ids = new HashSet<>();
        for (int d = 0; d < papers.length; d++) {
            if (blocked[d]) {
                ids.add(papers[d].id());
            }
        }
        return ids;
    }

    /** Marks the papers that have the words; false when the words are only stop words. */
    private boolean markContaining(String words, boolean[] marks) {
        List<String> terms = analyzer.terms(words);
        if (terms.isEmpty()) {
            return false;
        }
        TermIndex index = day.terms();
        int first = index.id(terms.size() == 1 ? terms.get(0) : Terms.pair(terms.get(0), terms.get(1)));
        if (first < 0) {
            return true;
        }
        int[] others = new int[Math.max(0, terms.size() - 2)];
        for (int i = 2; i < terms.size(); i++) {
            others[i - 2] = index.id(Terms.pair(terms.get(i - 1), terms.get(i)));
            if (others[i - 2] < 0) {
                return true;
            }
        }
        outer : for (int d : index.docs(first)) {
            for (int pair : others) {
                if (!index.contains(pair, d)) {
                    continue outer;
                }
            }
            marks[d] = true;
        }
        return true;
    }
}
