package io.paperpost.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Makes each reader's email for a digest date go out at most once, across reruns and instances: a send is
 * claimed by writing the (reader, date) row before anything is sent, and the database's unique key lets
 * only one claim win. Deferred emails are retried with exponential backoff from a stored time, so retries
 * survive a restart; a hard bounce suppresses the reader.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    @Inject
    Clock clock;
    @Inject
    MailConfig config;

    /**
     * Claims the reader's email for the date, or returns empty when it is not to be sent now: the reader is
     * not active (checked in the same transaction, so an unsubscribe during a run takes effect at once), the
     * email was already sent, failed or suppressed, is being sent (a SENDING row left by a crash is not
     * resent: the server may have accepted it), or is RETRYING but its next attempt has not come.
     */
    public Optional<Claim> claim(long readerId, LocalDate digestDate) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Reader reader = Reader.findById(readerId);
                if (reader == null || reader.status != ReaderStatus.ACTIVE) {
                    return Optional.<Claim>empty();
                }
                Instant now = clock.instant();
                Delivery delivery = Delivery.<Delivery>find("readerId = ?1 and digestDate = ?2", readerId, digestDate)
                        .firstResult();
                if (delivery == null) {
                    delivery = new Delivery();
                    delivery.readerId = readerId;
                    delivery.digestDate = digestDate;
                    delivery.createdAt = now;
                } else if (!(delivery.status == DeliveryStatus.PENDING || delivery.status == DeliveryStatus.RETRYING
                        && (delivery.nextAttemptAt == null || !delivery.nextAttemptAt.isAfter(now)))) {
                    return Optional.<Claim>empty();
                } else if (Delivery.update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                        DeliveryStatus.SENDING, now, delivery.id, delivery.status) == 0) {
                    // Another run or instance claimed this retry between our read and our update.
                    return Optional.<Claim>empty();
                }
                delivery.status = DeliveryStatus.SENDING;
                delivery.attempts++;
                delivery.nextAttemptAt = null;
                delivery.updatedAt = now;
                delivery.persistAndFlush();
                return Optional.of(new Claim(delivery.id, delivery.attempts));
            });
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                // Another run or instance claimed it between our read and our insert.
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Records that the server accepted the email; the reader's next digest starts after this date. */
    public void markSent(long deliveryId, String messageId, List<String> paperIds) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            delivery.status = DeliveryStatus.SENT;
            delivery.messageId = messageId;
            delivery.paperIds = List.copyOf(paperIds);
            delivery.sentAt = clock.instant();
            delivery.updatedAt = delivery.sentAt;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            Reader.update("lastDigestDate = ?1 where id = ?2 and (lastDigestDate is null or lastDigestDate < ?1)",
                    delivery.digestDate, delivery.readerId);
            // This email holds everything since the last one sent, so an earlier date still waiting to be retried
            // is not sent as well.
            Delivery.update("status = ?1, nextAttemptAt = null, lastError = ?2, updatedAt = ?3 where readerId = ?4"
                            + " and status = ?5 and digestDate < ?6", DeliveryStatus.FAILED,
                    "superseded by the email of " + delivery.digestDate, delivery.updatedAt, delivery.readerId,
                    DeliveryStatus.RETRYING, delivery.digestDate);
        });
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
            delivery.nextAttemptAt = null;
            switch (failure.kind()) {
                case TEMPORARY -> {
                    if (delivery.attempts < config.maxAttempts()) {
                        delivery.status = DeliveryStatus.RETRYING;
                        delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                    } else {
                        delivery.status = DeliveryStatus.FAILED;
                    }
                }
                case RECIPIENT_REJECTED -> {
                    delivery.status = DeliveryStatus.SUPPRESSED;
                    Reader.update("status = ?1 where id = ?2", ReaderStatus.BOUNCED, delivery.readerId);
                    LOG.infof("Reader %d suppressed: the mail server refused the address (%s)", delivery.readerId,
                            delivery.lastError);
                }
                case MESSAGE_REJECTED -> delivery.status = DeliveryStatus.FAILED;
            }
            return delivery.status;
        });
    }

    /** Wait after the given number of failed attempts: initial delay, doubled each time, capped. */
    Duration backoff(int attempts) {
        Duration delay = config.retryInitialDelay();
        for (int i = 1; i < attempts && delay.compareTo(config.retryMaxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.retryMaxDelay()) > 0 ? config.retryMaxDelay() : delay;
    }

    /** RETRYING emails whose next attempt has come, the longest-waiting first. */
    public List<DueRetry> dueRetries(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                        "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", DeliveryStatus.RETRYING, now)
                .page(0, limit).list().stream()
                .map(d -> new DueRetry(d.id, d.readerId, d.digestDate)).toList());
    }

    /** A reader's deliveries, newest first, for the admin. */
    public List<Delivery> forReader(long readerId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                "readerId = ?1 order by digestDate desc", readerId).page(0, limit).list());
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
