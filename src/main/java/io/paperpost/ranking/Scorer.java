package io.paperpost.ranking;

import java.util.Arrays;

/**
 * Scores every paper of the day for one reader and keeps the best few: the reader's queries against the
 * {@link TermIndex}, topic and author boosts, then one pass over all papers. Weights: {@code docs/ranking.md}.
 * Thread-safe; the per-reader state lives in {@link ReaderScores}.
 */
final class Scorer {

    /** The interest score is BM25 divided by this share of the query's maximal word-level BM25 score. */
    static final double INTEREST_SCALE = 0.5;
    /** Below this normalised interest score a paper does not count as matching the interests. */
    static final double MIN_INTEREST = 0.08;

    // personal score
    static final double INTEREST_WEIGHT = 1.0;
    static final double TOPIC_WEIGHT = 0.25;
    static final double AUTHOR_WEIGHT = 1.0;
    static final double FEEDBACK_WEIGHT = 0.6;

    /** Nearest-paper lists per aspect text, shared by the readers with the same interests; ~2 KB each. */
    private static final int ASPECT_CACHE = 20_000;

    private final AnalyzedDay day;
    private final int docCount;
    private final QueryParser queries;
    private final RocchioFeedback feedback;
    private final float[] trend;
    private final TextCache<DaySemantics.Expanded> nearestByAspect = new TextCache<>(ASPECT_CACHE);
    private final Fusion fusion;

    Scorer(AnalyzedDay day, QueryParser queries, RocchioFeedback feedback, Fusion fusion) {
        this.day = day;
        this.fusion = fusion;
        this.docCount = day.papers().length;
        this.queries = queries;
        this.feedback = feedback;
        this.trend = day.trend().scores();
    }

    /** Fills {@code s} with the reader's per-paper scores. */
    void score(ReaderProfile profile, ReaderScores s) {
        int n = docCount;
        Arrays.fill(s.interest, 0, n, 0f);
        Arrays.fill(s.feedback, 0, n, 0f);
        Arrays.fill(s.topic, 0, n, 0f);
        Arrays.fill(s.author, 0, n, false);

        SemanticProfile semantic = profile.semantic();
        s.semantic = semantic;
        String lexical = profile.interests();
        if (!semantic.aspects().isEmpty()) {
            // A dislike ("not interested in robotics") must not add its words as wishes.
            SemanticProfile.Aspect first = semantic.aspects().get(0);
            lexical = first.negative() ? "" : first.text();
        }
        scoreMeaning(semantic, s);
        s.interestQuery = queries.parse(lexical);
        day.terms().accumulate(s.interestQuery, s.interest);
        s.interestNorm = s.interestQuery.maxScore() * INTEREST_SCALE;
        s.feedbackQuery = feedback.query(profile.likedTexts(), profile.dislikedTexts());
        day.terms().accumulate(s.feedbackQuery, s.feedback);
        s.feedbackNorm = Math.max(1e-9, s.feedbackQuery.maxScore() * INTEREST_SCALE);

        s.readerTopics = day.topics().numbers(profile.topics());
        day.topicsOfDay().strongest(s.readerTopics, s.topic, s.topicOf);
        s.followed = day.authors().mark(profile.followedAuthors(), s.author);
    }

    private void scoreMeaning(SemanticProfile semantic, ReaderScores s) {
        DaySemantics semantics = day.semantics();
        int n = docCount;
        if (s.hasMeaning) {
            Arrays.fill(s.meaning, 0, n, 0f);
            Arrays.fill(s.matched, 0, n, 0f);
        }
        if (s.hasSimilar) {
            Arrays.fill(s.similar, 0, n, 0f);
        }
        s.hasMeaning = false;
        s.hasSimilar = false;
        if (semantics.isEmpty() || semantic.isEmpty()) {
            return;
        }
        var aspects = semantic.aspects();
        for (int a = 0; a < aspects.size(); a++) {
            SemanticProfile.Aspect aspect = aspects.get(a);
            if (!semantics.accepts(aspect.vector())) {
                continue;
            }
            DaySemantics.Expanded found = nearestByAspect.get(aspect.text());
            if (found == null) {
                found = semantics.nearestExpanded(aspect.vector(), aspect.negative() ? 0 : fusion.expansion(),
                        s.hamming);
                nearestByAspect.put(aspect.text(), found);
            }
            DaySemantics.Matches near = found.moved();
            if (!aspect.negative()) {
                DaySemantics.Matches own = found.own();
                for (int i = 0; i < own.size(); i++) {
                    int d = own.docs()[i];
                    s.matched[d] = Math.max(s.matched[d], own.cosines()[i]);
                }
            }
            for (int i = 0; i < near.size(); i++) {
                int d = near.docs()[i];
                float c = fusion.closeness(near.cosines()[i]);
                if (c <= 0) {
                    continue;
                }
                s.hasMeaning = true;
                if (aspect.negative()) {
                    s.meaning[d] -= (float) (fusion.negativeWeight() * c);
                } else if (c > s.meaning[d]) {
                    s.meaning[d] = c;
                    s.aspectOf[d] = (byte) a;
                }
            }
        }
        s.hasSimilar |= addCloseness(semantics, centroid(semantic.liked()), 1, s);
        s.hasSimilar |= addCloseness(semantics, centroid(semantic.disliked()), -fusion.dislikedWeight(), s);
    }

    private boolean addCloseness(DaySemantics semantics, SemanticVector centre, double sign, ReaderScores s) {
        if (!semantics.accepts(centre)) {
            return false;
        }
        DaySemantics.Matches near = semantics.nearest(centre, s.hamming);
        boolean any = false;
        for (int i = 0; i < near.size(); i++) {
            float c = fusion.closeness(near.cosines()[i]);
            if (c > 0) {
                s.similar[near.docs()[i]] += (float) (sign * c);
                any = true;
            }
        }
        return any;
    }

    private static SemanticVector centroid(java.util.List<SemanticProfile.RatedPaper> rated) {
        return rated.isEmpty()
                ? null
                : SemanticVector.centroid(rated.stream().map(SemanticProfile.RatedPaper::vector).toList());
    }

    /**
     * The docs of the best-scored papers that qualify as personal picks, best first: more than {@code limit}, so
     * that the topic cap has papers to fall back on. Excluded papers never qualify.
     */
    int[] best(ReaderProfile profile, ReaderScores s, int limit) {
        int n = docCount;
        // Readers who said something specific (interests, authors, feedback) get personal picks only for that;
        // topics then just boost. Readers who only chose topics get their topics' papers as personal picks.
        boolean specific = !profile.interests().isBlank() || !profile.followedAuthors().isEmpty()
                || !profile.likedTexts().isEmpty() || !profile.dislikedTexts().isEmpty()
                || !profile.semantic().liked().isEmpty() || !profile.semantic().disliked().isEmpty();
        int heapSize = Math.min(n, Math.max(limit * 4, limit + 20));
        setExcluded(profile, s.excluded, true);
        TopK top = scoreAll(n, heapSize, s.interest, s.interestNorm > 0 ? 1 / s.interestNorm : 0, s.feedback,
                s.feedbackQuery.isEmpty() ? 0 : 1 / s.feedbackNorm, s.topic, s.author, s.excluded, specific,
                profile.trendWeight(), s.hasMeaning ? s.meaning : null, s.matched, s.hasSimilar ? s.similar : null);
        setExcluded(profile, s.excluded, false);
        return top.sorted();
    }

    private void setExcluded(ReaderProfile profile, boolean[] excluded, boolean value) {
        for (String id : profile.excludedPaperIds()) {
            Integer d = day.docById().get(id);
            if (d != null) {
                excluded[d] = value;
            }
        }
    }

    /** The hot loop, kept small so the JIT compiles it well. */
    private TopK scoreAll(int n, int heapSize, float[] interest, double interestScale, float[] feedback,
            double feedbackScale, float[] topic, boolean[] author, boolean[] excluded,
            boolean specific, double w, float[] meaning, float[] matched, float[] similar) {
        TopK top = new TopK(heapSize);
        float[] trend = this.trend;
        if (feedbackScale == 0 && similar == null && specific && !anyTrue(author, n)
                && (interestScale > 0 || meaning != null)) {
            // Fast path for the common reader (interests, maybe topics): only interest matches qualify.
            float minRaw = interestScale > 0 ? (float) (MIN_INTEREST / interestScale) : Float.MAX_VALUE;
            double a = (1 - w) * INTEREST_WEIGHT * interestScale;
            double t = (1 - w) * TOPIC_WEIGHT;
            double m = (1 - w) * fusion.meaningWeight();
            float match = (float) fusion.meaningMatch();
            for (int d = 0; d < n; d++) {
                float raw = interest[d];
                float close = meaning == null ? 0 : meaning[d];
                if ((raw < minRaw && (close <= 0 || matched[d] < match)) || excluded[d]) {
                    continue;
                }
                double score = a * raw + m * close + t * topic[d] + w * trend[d];
                if (top.size < heapSize || score > top.scores[0]) {
                    top.offer(d, score);
                }
            }
            return top;
        }
        float match = (float) fusion.meaningMatch();
        float alikeMatch = fusion.matchCloseness();
        for (int d = 0; d < n; d++) {
            if (excluded[d]) {
                continue;
            }
            double iScore = interest[d] * interestScale;
            double fScore = feedbackScale == 0 ? 0 : Math.max(-1, Math.min(1, feedback[d] * feedbackScale));
            float close = meaning == null ? 0 : meaning[d];
            float alike = similar == null ? 0 : similar[d];
            boolean meant = meaning != null && close > 0 && matched[d] >= match;
            if (iScore >= MIN_INTEREST || author[d] || fScore >= MIN_INTEREST || meant || alike >= alikeMatch
                    || (!specific && topic[d] > 0)) {
                double personal = INTEREST_WEIGHT * iScore + TOPIC_WEIGHT * topic[d]
                        + (author[d] ? AUTHOR_WEIGHT : 0) + FEEDBACK_WEIGHT * fScore + fusion.meaningWeight() * close
                        + fusion.similarWeight() * alike;
                top.offer(d, (1 - w) * personal + w * trend[d]);
            }
        }
        return top;
    }

    private static boolean anyTrue(boolean[] flags, int n) {
        for (int i = 0; i < n; i++) {
            if (flags[i]) {
                return true;
            }
        }
        return false;
    }
}
