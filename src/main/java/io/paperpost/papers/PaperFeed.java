package io.paperpost.papers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * When a paper becomes available to readers: the import batch that added it took the next number of the feed's
 * counter (table {@code paper_feed}), and a reader's email is composed against a watermark, the last batch it
 * considered. Only numbers from one counter are compared, never dates from two clocks.
 *
 * <p>The counter is taken with an update in the batch's own transaction, so its row lock holds every other batch
 * until this one commits: once a number is committed, all smaller ones are too, and "every paper up to the
 * committed counter" is a complete, stable snapshot.
 */
@ApplicationScoped
public class PaperFeed {

    private static final String TAKE_NEXT = "update paper_feed set last_batch = last_batch + 1 where id = 1";
    private static final String LAST = "select last_batch from paper_feed where id = 1";

    @Inject
    EntityManager entityManager;

    /** Takes the next batch number on a connection in the batch's transaction. */
    static long takeNextBatch(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(TAKE_NEXT)) {
            next.executeUpdate();
        }
        try (PreparedStatement last = connection.prepareStatement(LAST); ResultSet row = last.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The last committed batch: every paper of a batch up to it is visible now. */
    public long lastBatch() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(LAST).getSingleResult()).longValue());
    }

    /**
     * The papers of batches after {@code afterBatch} up to {@code throughBatch} made available at or after
     * {@code notBefore}, oldest batch first.
     */
    public List<Paper> available(long afterBatch, long throughBatch, Instant notBefore) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>list(
                "availableSeq > ?1 and availableSeq <= ?2 and availableAt >= ?3 order by availableSeq, id",
                afterBatch, throughBatch, notBefore));
    }

    /**
     * The papers of batches up to {@code throughBatch} made available from {@code notBefore} until just before
     * {@code before}: what a longer window adds to {@link #available}'s.
     */
    public List<Paper> availableBetween(long throughBatch, Instant notBefore, Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>list(
                "availableSeq <= ?1 and availableAt >= ?2 and availableAt < ?3 order by availableSeq, id",
                throughBatch, notBefore, before));
    }
}
