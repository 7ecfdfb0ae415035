package io.paperpost.ranking;

import java.util.List;
import java.util.Set;

/**
 * A reader's taste, as the ranker sees it.
 *
 * @param topics          ids of chosen {@link Topic}s
 * @param interests       free text as the reader typed it
 * @param followedAuthors author names the reader follows
 * @param trendWeight     0 = only personal relevance, 1 = only community trend
 * @param excludedPaperIds papers the reader already received
 */
public record ReaderProfile(Set<String> topics, String interests, List<String> followedAuthors, double trendWeight,
                            Set<String> excludedPaperIds) {

    public static final double DEFAULT_TREND_WEIGHT = 0.3;

    public ReaderProfile {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        interests = interests == null ? "" : interests;
        followedAuthors = followedAuthors == null ? List.of() : List.copyOf(followedAuthors);
        excludedPaperIds = excludedPaperIds == null ? Set.of() : Set.copyOf(excludedPaperIds);
        if (trendWeight < 0 || trendWeight > 1) {
            throw new IllegalArgumentException("trendWeight must be within [0, 1]: " + trendWeight);
        }
    }
}
