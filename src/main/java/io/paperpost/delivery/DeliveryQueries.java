package io.paperpost.delivery;

import io.agroal.api.AgroalDataSource;
import io.paperpost.storage.LineListConverter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's read side: what it holds, for the digest run and the admin, without changing a row. The state
 * transitions of an email (claim, sent, fed, failed) are {@link DeliveryLedger}'s.
 */
@ApplicationScoped
public class DeliveryQueries {

    /** Papers sent to a reader within this many days are not sent again. */
    public static final int EXCLUDE_SENT_DAYS = 30;

    // Plain JDBC, like the ledger's claim and mark-sent: it runs for every page of readers of every run.
    // SENDING rows count too: the server may have taken the email before the process died.
    private static final String RECENTLY_SENT = "select reader_id, paper_ids from delivery where reader_id in (%s)"
            + " and status in ('SENT', 'SENDING', 'FEED') and digest_date >= ? and digest_date < ?";
    private static final LineListConverter PAPER_IDS = new LineListConverter();

    @Inject
    AgroalDataSource dataSource;

    /** RETRYING emails whose next attempt has come, the longest-waiting first. */
    public List<DueRetry> dueRetries(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", DeliveryStatus.RETRYING, now)
                .page(0, limit).list().stream()
                .map(d -> new DueRetry(d.id, d.readerId, d.digestDate)).toList());
    }

    /**
     * Ids of the papers each reader was sent (by email or in their feed), or may have been sent (a row left SENDING by
     * a crash), in the {@value #EXCLUDE_SENT_DAYS} days before the date, in one query; readers sent nothing are not in
     * the map. The second line of defence behind the watermark: no paper reaches a reader twice within that time.
     */
    public Map<Long, Set<String>> recentlySent(Collection<Long> readerIds, LocalDate date) {
        if (readerIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(readerIds.size(), "?"));
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Set<String>> sent = new HashMap<>();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(String.format(RECENTLY_SENT, marks))) {
                int i = 1;
                for (Long id : readerIds) {
                    query.setLong(i++, id);
                }
                query.setObject(i++, date.minusDays(EXCLUDE_SENT_DAYS));
                query.setObject(i, date);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sent.computeIfAbsent(rows.getLong(1), id -> new HashSet<>())
                                .addAll(PAPER_IDS.convertToEntityAttribute(rows.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceException("delivery ledger: " + e.getMessage(), e);
            }
            return sent;
        });
    }

    /** A reader's deliveries, newest first, for the admin. */
    public List<Delivery> forReader(long readerId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                "readerId = ?1 order by digestDate desc", readerId).page(0, limit).list());
    }
}
