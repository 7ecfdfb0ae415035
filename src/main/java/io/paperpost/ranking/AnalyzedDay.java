package io.paperpost.ranking;

import java.util.Map;

/**
 * One day's papers, analyzed once: what {@link Scorer} and {@link PickAssembler} read. Doc {@code d} is
 * {@code papers[d]}; doc numbers follow the paper ids. Immutable.
 */
record AnalyzedDay(CandidatePaper[] papers, Map<String, Integer> docById, TermIndex terms, TopicMatcher topics,
        DayTopics topicsOfDay, AuthorIndex authors, DayTrend trend, DaySemantics semantics) {
}
