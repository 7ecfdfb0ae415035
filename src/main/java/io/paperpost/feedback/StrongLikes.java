package io.paperpost.feedback;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Papers readers showed they want more of other than with 👍, such as saving one to their reading list: the ranker
 * counts each as a like of the given weight, beside the ratings. Another package implements it, so this one needs
 * none of them (as with the data export's parts).
 */
public interface StrongLikes {

    /**
     * One liked paper of a reader, as {@link FeedbackService#texts} reads a rating.
     *
     * @param weight how many likes it counts as
     * @param vector the paper's stored embedding ({@code SentenceEmbedder.MODEL}), null when it has none
     * @param at     when the reader liked it: the most recent likes shape the ranking
     */
    record Liked(long readerId, int weight, String title, String summary, byte[] vector, Instant at) {
    }

    /** The readers' liked papers (still stored), in any order. */
    List<Liked> of(Collection<Long> readerIds);
}
