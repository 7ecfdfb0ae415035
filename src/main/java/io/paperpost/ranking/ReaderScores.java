package io.paperpost.ranking;

import java.util.Set;

/**
 * The per-paper scores of the reader being ranked on this thread, and what the list's reasons need from
 * scoring. One per ranking thread: the arrays are reused across readers, so a reader allocates nothing per paper.
 */
final class ReaderScores {

    private static final ThreadLocal<ReaderScores> PER_THREAD = ThreadLocal.withInitial(ReaderScores::new);

    /** Raw BM25F of the interests and of the feedback query, per doc. */
    float[] interest = new float[0];
    float[] feedback = new float[0];
    /** Strength of the reader's strongest topic the doc is in, and which (index into {@link #readerTopics}). */
    float[] topic = new float[0];
    byte[] topicOf = new byte[0];
    /** By a followed author. */
    boolean[] author = new boolean[0];
    /** Kept all false between readers: set and cleared around the scoring loop. */
    boolean[] excluded = new boolean[0];
    /**
     * Closeness in meaning to the interests (best positive aspect, minus the negative ones) and to the liked papers
     * (minus the disliked), each as {@link Fusion#closeness}; which aspect was closest.
     */
    float[] meaning = new float[0];
    /** The best cosine of a positive aspect's own query (not the expanded one): what qualifies on meaning alone. */
    float[] matched = new float[0];
    float[] similar = new float[0];
    byte[] aspectOf = new byte[0];
    /** Scratch for {@link DaySemantics#nearest}. */
    int[] hamming = new int[0];

    Query interestQuery = Query.EMPTY;
    /** What a raw interest score is divided by; 0 when the interests match nothing that day. */
    double interestNorm;
    Query feedbackQuery = Query.EMPTY;
    double feedbackNorm;
    /** The reader's topics as catalog numbers, ascending. */
    int[] readerTopics = new int[0];
    /** The followed authors' normalised names. */
    Set<String> followed = Set.of();
    SemanticProfile semantic = SemanticProfile.NONE;
    /** Whether {@link #meaning} and {@link #similar} hold anything this time. */
    boolean hasMeaning;
    boolean hasSimilar;

    /** This thread's instance, with room for {@code n} docs; the caller fills it before use. */
    static ReaderScores forThisThread(int n) {
        ReaderScores scores = PER_THREAD.get();
        if (scores.interest.length < n) {
            scores.interest = new float[n];
            scores.feedback = new float[n];
            scores.topic = new float[n];
            scores.topicOf = new byte[n];
            scores.author = new boolean[n];
            scores.excluded = new boolean[n];
            scores.meaning = new float[n];
            scores.matched = new float[n];
            scores.similar = new float[n];
            scores.aspectOf = new byte[n];
            scores.hamming = new int[n];
        }
        return scores;
    }

    /** The interest score, normalised so that scores are comparable between readers. */
    double interestScore(int doc) {
        return interestNorm > 0 ? interest[doc] / interestNorm : 0;
    }

    /** The feedback score in [-1, 1]. */
    double feedbackScore(int doc) {
        return Math.max(-1, Math.min(1, feedback[doc] / feedbackNorm));
    }
}
