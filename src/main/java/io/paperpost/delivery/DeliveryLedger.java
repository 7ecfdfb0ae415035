package io.paperpost.delivery;

import io.agroal.api.AgroalDataSource;
import io.paperpost.mail.MailConfig;
import io.paperpost.mail.MailSendException;
import io.paperpost.mail.RetryPolicy;
import io.paperpost.storage.LineListConverter;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes each reader's email for a digest date go out at most once, across reruns and instances: a send is
 * claimed by writing the (reader, date) row before anything is sent, and the database's unique key lets
 * only one claim win. Deferred emails are retried with exponential backoff from a stored time, so retries
 * survive a restart; a hard bounce suppresses the reader. What the ledger holds is read through
 * {@link DeliveryQueries}.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    // Claim and mark-sent, which every email of every run goes through, are plain JDBC: the same SQL through
    // Hibernate spent most of its time building query plans, a third of a run's CPU.
    private static final String CLAIM_READ = "select r.status, r.last_digest_date, d.id, d.status, d.next_attempt_at,"
            + " d.attempts, d.papers_through"
            + " from reader r left join delivery d on d.reader_id = r.id and d.digest_date = ? where r.id = ?";
    // The papers and the watermark are written with the claim, before sending: should the process die after the
    // server took the email, the 30-day guard still knows what it held.
    private static final String CLAIM_INSERT = "insert into delivery (reader_id, digest_date, status, attempts,"
            + " paper_ids, papers_through, created_at, updated_at) values (?, ?, 'SENDING', 1, ?, ?, ?, ?)";
    private static final String CLAIM_RETRY = "update delivery set status = 'SENDING', attempts = attempts + 1,"
            + " next_attempt_at = null, paper_ids = ?, papers_through = ?, updated_at = ? where id = ? and status = ?";
    // With what the email's web view shows again (DigestContents), in the same statement.
    private static final String MARK_SENT = "update delivery set status = 'SENT', message_id = ?, paper_ids = ?,"
            + " contents = ?, sent_at = ?, updated_at = ?, next_attempt_at = null, last_error = null where id = ?";
    // A feed-only reader's claim ends here instead of in MARK_SENT: the same row, no message.
    private static final String MARK_FED = "update delivery set status = 'FEED', message_id = null, paper_ids = ?,"
            + " contents = ?, sent_at = ?, updated_at = ?, next_attempt_at = null, last_error = null where id = ?";
    private static final String NOTHING_NEW = "insert into delivery (reader_id, digest_date, status, attempts,"
            + " paper_ids, papers_through, created_at, updated_at) values (?, ?, 'NOTHING_NEW', 0, '', ?, ?, ?)";
    // Both only move forward: a late retry of an earlier date must not move the reader back.
    private static final String ADVANCE_READER = "update reader set"
            + " last_digest_date = case when last_digest_date is null or last_digest_date < ? then ? else last_digest_date end,"
            + " papers_through = case when papers_through is not null and papers_through >= ? then papers_through"
            + " else ? end where id = ?";
    private static final String ADVANCE_DATE = "update reader set last_digest_date = ? where id = ?"
            + " and (last_digest_date is null or last_digest_date < ?)";
    private static final String SUPERSEDE_RETRIES = "update delivery set status = 'FAILED', next_attempt_at = null,"
            + " last_error = ?, updated_at = ? where reader_id = ? and status = 'RETRYING' and digest_date < ?";
    /** SQLSTATE of a unique key violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final LineListConverter PAPER_IDS = new LineListConverter();

    /** The insert of a claim lost the race for the (reader, date) key; thrown to roll the transaction back. */
    private static final class AlreadyClaimed extends RuntimeException {
        AlreadyClaimed() {
            super(null, null, false, false);
        }
    }

    @Inject
    Clock clock;
    @Inject
    MailConfig config;
    @Inject
    AgroalDataSource dataSource;

    /**
     * Claims the reader's email for the date, or returns empty when it is not to be sent now: the reader is
     * not active (checked in the same transaction, so an unsubscribe during a run takes effect at once), the
     * email was already sent, failed or suppressed, is being sent (a SENDING row left by a crash is not
     * resent: the server may have accepted it), or is RETRYING but its next attempt has not come.
     *
     * @param email what the email will hold: its papers and the paper batch it was composed against
     */
    public Optional<Claim> claim(long readerId, LocalDate digestDate, ComposedEmail email) {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> jdbc(connection -> claim(connection, readerId, digestDate, email)));
        } catch (AlreadyClaimed e) {
            // Another run or instance inserted the row between our read and our insert; the insert rolled back.
            return Optional.empty();
        }
    }

    private Optional<Claim> claim(Connection connection, long readerId, LocalDate digestDate, ComposedEmail email)
            throws SQLException {
        String readerStatus;
        LocalDate lastDigestDate;
        Long id = null;
        DeliveryStatus status = null;
        OffsetDateTime nextAttemptAt = null;
        int attempts = 0;
        Long papersThrough = null;
        try (PreparedStatement read = connection.prepareStatement(CLAIM_READ)) {
            read.setObject(1, digestDate);
            read.setLong(2, readerId);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                readerStatus = row.getString(1);
                lastDigestDate = row.getObject(2, LocalDate.class);
                long deliveryId = row.getLong(3);
                if (!row.wasNull()) {
                    id = deliveryId;
                    status = DeliveryStatus.valueOf(row.getString(4));
                    nextAttemptAt = row.getObject(5, OffsetDateTime.class);
                    attempts = row.getInt(6);
                    papersThrough = row.getObject(7, Long.class);
                }
            }
        }
        if (!ReaderStatus.ACTIVE.name().equals(readerStatus)) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (id == null) {
            try (PreparedStatement insert = connection.prepareStatement(CLAIM_INSERT, new String[]{"id"})) {
                insert.setLong(1, readerId);
                insert.setObject(2, digestDate);
                insert.setString(3, PAPER_IDS.convertToDatabaseColumn(email.paperIds()));
                insert.setLong(4, email.papersThrough());
                insert.setObject(5, now);
                insert.setObject(6, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new Claim(keys.getLong(1), readerId, digestDate, 1, email.papersThrough()));
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new AlreadyClaimed();
                }
                throw e;
            }
        }
        if ((status == DeliveryStatus.SENT || status == DeliveryStatus.FEED)
                && (lastDigestDate == null || lastDigestDate.isBefore(digestDate))) {
            // Sent, but the process died before advancing the reader: do it now, so they stop looking due.
            advance(connection, List.of(new Claim(id, readerId, digestDate, attempts, papersThrough)));
            return Optional.empty();
        }
        if (!(status == DeliveryStatus.PENDING || status == DeliveryStatus.RETRYING
                && (nextAttemptAt == null || !nextAttemptAt.isAfter(now)))) {
            return Optional.empty();
        }
        try (PreparedStatement retry = connection.prepareStatement(CLAIM_RETRY)) {
            retry.setString(1, PAPER_IDS.convertToDatabaseColumn(email.paperIds()));
            retry.setLong(2, email.papersThrough());
            retry.setObject(3, now);
            retry.setLong(4, id);
            retry.setString(5, status.name());
            if (retry.executeUpdate() == 0) {
                // Another run or instance claimed this retry between our read and our update.
                return Optional.empty();
            }
        }
        return Optional.of(new Claim(id, readerId, digestDate, attempts + 1, email.papersThrough()));
    }

    /**
     * Records that nothing new fitted the reader at their hour on the date: no email for that local date, and
     * the reader stops looking due for it; their watermark stays, so the papers wait for the next email. Does
     * nothing when the date already has a row (an email being sent, retried, or sent by another run).
     *
     * @return true when this call recorded it
     */
    public boolean recordNothingNew(long readerId, LocalDate digestDate, long papersThrough) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> jdbc(connection -> {
                OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
                try (PreparedStatement insert = connection.prepareStatement(NOTHING_NEW);
                        PreparedStatement reader = connection.prepareStatement(ADVANCE_DATE)) {
                    insert.setLong(1, readerId);
                    insert.setObject(2, digestDate);
                    insert.setLong(3, papersThrough);
                    insert.setObject(4, now);
                    insert.setObject(5, now);
                    insert.executeUpdate();
                    reader.setObject(1, digestDate);
                    reader.setLong(2, readerId);
                    reader.setObject(3, digestDate);
                    reader.executeUpdate();
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new AlreadyClaimed();
                    }
                    throw e;
                }
                return true;
            }));
        } catch (AlreadyClaimed e) {
            return false;
        }
    }

    /**
     * Records that the server accepted the email. The reader's side follows for a whole page of readers with
     * {@link #advanceReaders}: this row alone already keeps the email from being sent twice.
     *
     * @param contents what the email held, kept for its web view
     */
    public void markSent(Claim claim, String messageId, DigestContents contents) {
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            try (PreparedStatement sent = connection.prepareStatement(MARK_SENT)) {
                sent.setString(1, messageId);
                sent.setString(2, PAPER_IDS.convertToDatabaseColumn(contents.paperIds()));
                sent.setString(3, contents.column());
                sent.setObject(4, now);
                sent.setObject(5, now);
                sent.setLong(6, claim.deliveryId());
                sent.executeUpdate();
            }
            return null;
        }));
    }

    /**
     * Records a feed-only reader's picks for their feed ({@link DeliveryStatus#FEED}) instead of sending: the claim
     * already made the row the date's only one, so a rerun records nothing twice. Readers advance as after
     * {@link #markSent}, with {@link #advanceReaders}.
     */
    public void markFed(Claim claim, DigestContents contents) {
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            try (PreparedStatement fed = connection.prepareStatement(MARK_FED)) {
                fed.setString(1, PAPER_IDS.convertToDatabaseColumn(contents.paperIds()));
                fed.setString(2, contents.column());
                fed.setObject(3, now);
                fed.setObject(4, now);
                fed.setLong(5, claim.deliveryId());
                fed.executeUpdate();
            }
            return null;
        }));
    }

    /**
     * After emails were sent (a digest page's, in statement batches): each reader's next digest starts after the
     * date sent, and an earlier date's email still waiting to be retried is closed, since the email sent holds
     * everything since the last one. Should the process die before this, the readers look due again until their
     * next email, and their claims for the date are refused by the ledger, which {@link #claim} then mends.
     */
    public void advanceReaders(List<Claim> sent) {
        if (sent.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
            advance(connection, sent);
            return null;
        }));
    }

    private void advance(Connection connection, List<Claim> sent) throws SQLException {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (PreparedStatement reader = connection.prepareStatement(ADVANCE_READER);
                PreparedStatement dateOnly = connection.prepareStatement(ADVANCE_DATE);
                PreparedStatement supersede = connection.prepareStatement(SUPERSEDE_RETRIES)) {
            boolean datesOnly = false;
            for (Claim claim : sent) {
                if (claim.papersThrough() == null) {
                    // A row written before watermarks existed: only its date is known.
                    dateOnly.setObject(1, claim.digestDate());
                    dateOnly.setLong(2, claim.readerId());
                    dateOnly.setObject(3, claim.digestDate());
                    dateOnly.addBatch();
                    datesOnly = true;
                } else {
                    reader.setObject(1, claim.digestDate());
                    reader.setObject(2, claim.digestDate());
                    reader.setLong(3, claim.papersThrough());
                    reader.setLong(4, claim.papersThrough());
                    reader.setLong(5, claim.readerId());
                    reader.addBatch();
                }
                supersede.setString(1, "superseded by the email of " + claim.digestDate());
                supersede.setObject(2, now);
                supersede.setLong(3, claim.readerId());
                supersede.setObject(4, claim.digestDate());
                supersede.addBatch();
            }
            reader.executeBatch();
            if (datesOnly) {
                dateOnly.executeBatch();
            }
            supersede.executeBatch();
        }
    }

    private interface JdbcWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs the work on a connection that takes part in the current transaction. */
    private <T> T jdbc(JdbcWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new PersistenceException("delivery ledger: " + e.getMessage(), e);
        }
    }

    /**
     * Records a failed attempt and decides what follows: a temporary failure is RETRYING with its next attempt
     * time (exponential backoff), or FAILED after the last attempt; a refused recipient is SUPPRESSED and the
     * reader BOUNCED, never mailed again; a refused message is FAILED.
     *
     * @return the delivery's new status
     */
    public DeliveryStatus markFailed(long deliveryId, MailSendException failure) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            Instant now = clock.instant();
            delivery.updatedAt = now;
            delivery.lastError = truncate(failure.getMessage());
            RetryPolicy.Next next = RetryPolicy.of(config).after(failure, delivery.attempts, now);
            delivery.nextAttemptAt = next.retryAt();
            switch (next.verdict()) {
                case RETRY -> delivery.status = DeliveryStatus.RETRYING;
                case GIVE_UP -> delivery.status = DeliveryStatus.FAILED;
                case BOUNCE -> {
                    delivery.status = DeliveryStatus.SUPPRESSED;
                    Reader.update("status = ?1 where id = ?2", ReaderStatus.BOUNCED, delivery.readerId);
                    LOG.infof("Reader %d suppressed: the mail server refused the address (%s)", delivery.readerId,
                            delivery.lastError);
                }
            }
            return delivery.status;
        });
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
