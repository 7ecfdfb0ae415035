package io.paperpost.ranking;

import java.util.List;
import java.util.Set;

/**
 * A reader's taste, as the ranker sees it.
 *
 * @param topics           ids of chosen {@link Topic}s
 * @param interests        free text as the reader typed it
 * @param followedAuthors  author names the reader follows
 * @param trendWeight      0 = only personal relevance, 1 = only community trend
 * @param excludedPaperIds papers the reader already received
 * @param likedTexts       title and abstract (one string each) of papers the reader liked; similar papers move up
 * @param dislikedTexts    title and abstract of papers the reader disliked; similar papers move down
 * @param exploration      whether to add one pick from outside the reader's usual topics
 * @param onlyWhenMatches  true: send nothing rather than trending papers when nothing personal matches
 * @param semantic         the embedded interests and rated papers; {@link SemanticProfile#NONE} ranks by words only
 * @param filters          muted authors and topics, must-have and never words: papers they rule out are never picked
 */
public record ReaderProfile(Set<String> topics, String interests, List<String> followedAuthors, double trendWeight,
        Set<String> excludedPaperIds, List<String> likedTexts, List<String> dislikedTexts,
        boolean exploration, boolean onlyWhenMatches, SemanticProfile semantic, HardFilters filters) {

    public static final double DEFAULT_TREND_WEIGHT = 0.3;

    public ReaderProfile {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        interests = interests == null ? "" : interests;
        followedAuthors = followedAuthors == null ? List.of() : List.copyOf(followedAuthors);
        excludedPaperIds = excludedPaperIds == null ? Set.of() : Set.copyOf(excludedPaperIds);
        likedTexts = likedTexts == null ? List.of() : List.copyOf(likedTexts);
        dislikedTexts = dislikedTexts == null ? List.of() : List.copyOf(dislikedTexts);
        semantic = semantic == null ? SemanticProfile.NONE : semantic;
        filters = filters == null ? HardFilters.NONE : filters;
        if (trendWeight < 0 || trendWeight > 1) {
            throw new IllegalArgumentException("trendWeight must be within [0, 1]: " + trendWeight);
        }
    }

    /** The original form: no feedback, exploration pick on, trending fallback when nothing matches. */
    public ReaderProfile(Set<String> topics, String interests, List<String> followedAuthors, double trendWeight,
            Set<String> excludedPaperIds) {
        this(topics, interests, followedAuthors, trendWeight, excludedPaperIds, List.of(), List.of(), true, false,
                SemanticProfile.NONE, HardFilters.NONE);
    }

    /** With feedback: texts (title and abstract) of liked and disliked papers. */
    public ReaderProfile(Set<String> topics, String interests, List<String> followedAuthors, double trendWeight,
            Set<String> excludedPaperIds, List<String> likedTexts, List<String> dislikedTexts) {
        this(topics, interests, followedAuthors, trendWeight, excludedPaperIds, likedTexts, dislikedTexts, true, false,
                SemanticProfile.NONE, HardFilters.NONE);
    }

    public ReaderProfile withFeedback(List<String> liked, List<String> disliked) {
        return new ReaderProfile(topics, interests, followedAuthors, trendWeight, excludedPaperIds, liked, disliked,
                exploration, onlyWhenMatches, semantic, filters);
    }

    public ReaderProfile withExploration(boolean on) {
        return new ReaderProfile(topics, interests, followedAuthors, trendWeight, excludedPaperIds, likedTexts,
                dislikedTexts, on, onlyWhenMatches, semantic, filters);
    }

    public ReaderProfile withOnlyWhenMatches(boolean on) {
        return new ReaderProfile(topics, interests, followedAuthors, trendWeight, excludedPaperIds, likedTexts,
                dislikedTexts, exploration, on, semantic, filters);
    }

    public ReaderProfile withFollowedAuthors(List<String> authors) {
        return new ReaderProfile(topics, interests, authors, trendWeight, excludedPaperIds, likedTexts,
                dislikedTexts, exploration, onlyWhenMatches, semantic, filters);
    }

    public ReaderProfile withTrendWeight(double weight) {
        return new ReaderProfile(topics, interests, followedAuthors, weight, excludedPaperIds, likedTexts,
                dislikedTexts, exploration, onlyWhenMatches, semantic, filters);
    }

    public ReaderProfile withExcluded(Set<String> ids) {
        return new ReaderProfile(topics, interests, followedAuthors, trendWeight, ids, likedTexts, dislikedTexts,
                exploration, onlyWhenMatches, semantic, filters);
    }

    public ReaderProfile withFilters(HardFilters rules) {
        return new ReaderProfile(topics, interests, followedAuthors, trendWeight, excludedPaperIds, likedTexts,
                dislikedTexts, exploration, onlyWhenMatches, semantic, rules);
    }

    public ReaderProfile withSemantic(SemanticProfile meaning) {
        return new ReaderProfile(topics, interests, followedAuthors, trendWeight, excludedPaperIds, likedTexts,
                dislikedTexts, exploration, onlyWhenMatches, meaning, filters);
    }
}
