package io.paperpost.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;

import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Makes each reader's email for a digest date go out at most once, across reruns and instances: a send is
 * claimed by writing the (reader, date) row before anything is sent, and the database's unique key lets
 * only one claim win.
 */
@ApplicationScoped
public class DeliveryLedger {

    @Inject
    Clock clock;

    /**
     * Claims the reader's email for the date, or returns empty when it is not to be sent: the reader is no
     * longer active (checked in the same transaction, so an unsubscribe during a run takes effect at once), or
     * the email was already claimed or sent. A FAILED row is claimed again for another attempt.
     */
    public Optional<Long> claim(long readerId, LocalDate digestDate) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Reader reader = Reader.findById(readerId);
                if (reader == null || reader.status != ReaderStatus.ACTIVE) {
                    return Optional.<Long>empty();
                }
                Delivery delivery = Delivery.<Delivery>find("readerId = ?1 and digestDate = ?2", readerId, digestDate)
                        .firstResult();
                if (delivery == null) {
                    delivery = new Delivery();
                    delivery.readerId = readerId;
                    delivery.digestDate = digestDate;
                    delivery.createdAt = clock.instant();
                } else if (delivery.status != DeliveryStatus.FAILED) {
                    return Optional.<Long>empty();
                }
                delivery.status = DeliveryStatus.SENDING;
                delivery.attempts++;
                delivery.updatedAt = clock.instant();
                delivery.persistAndFlush();
                return Optional.of(delivery.id);
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
            delivery.lastError = null;
            Reader.update("lastDigestDate = ?1 where id = ?2 and (lastDigestDate is null or lastDigestDate < ?1)",
                    delivery.digestDate, delivery.readerId);
        });
    }

    /** Records a failed attempt; a permanent failure (hard bounce) is not retried. */
    public void markFailed(long deliveryId, String error, boolean permanent) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            delivery.status = permanent ? DeliveryStatus.BOUNCED : DeliveryStatus.FAILED;
            delivery.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
            delivery.updatedAt = clock.instant();
        });
    }
}
