package io.paperpost.delivery;

import io.paperpost.mail.MailConfig;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Emails a crash left SENDING: claimed, then the process died (or lost its database) around the send, so nobody here
 * knows whether the server took them. The ledger never sends them again on its own, since a duplicate is worse than a
 * missing email; the dashboard lists them, and the operator, who can look in the mail server's log, has one sent now
 * ({@link #release}, then the digest's {@code sendNow}).
 */
@ApplicationScoped
public class StrandedSends {

    /** An email left SENDING, for the dashboard. */
    public record Stranded(long deliveryId, long readerId, String email, LocalDate digestDate, int attempts,
            Instant since) {
    }

    @Inject
    Clock clock;
    @Inject
    MailConfig mail;
    @Inject
    EntityManager entityManager;

    /**
     * How long a live send can hold its row SENDING: waiting for a pooled connection (one other send) and its own
     * SMTP dialogue (connect, then about eight replies, each within the read timeout): 2 × (connect-timeout + 8 ×
     * read-timeout), 8 min 20 s with the defaults. A row SENDING for longer was left by a crash.
     */
    Duration settled() {
        return mail.connectTimeout().plus(mail.readTimeout().multipliedBy(8)).multipliedBy(2);
    }

    /** Emails left SENDING for longer than a live send can take, the oldest first. */
    public List<Stranded> list(int limit) {
        Instant before = clock.instant().minus(settled());
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select d.id, d.readerId, r.email, d.digestDate, d.attempts, d.updatedAt from Delivery d"
                        + " join Reader r on r.id = d.readerId where d.status = :sending and d.updatedAt < :before"
                        + " order by d.updatedAt, d.id",
                Object[].class)
                .setParameter("sending", DeliveryStatus.SENDING).setParameter("before", before)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> new Stranded((Long) row[0], (Long) row[1], (String) row[2], (LocalDate) row[3],
                        (Integer) row[4], (Instant) row[5]))
                .toList());
    }

    /**
     * Makes a stranded email claimable again (SENDING to PENDING), for the operator's "send now"; empty when the row
     * is not stranded (any more: sent now by an earlier click, or still in a live send). Of two clicks at once, one
     * wins the conditional update.
     */
    public Optional<Stranded> release(long deliveryId) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            if (delivery == null) {
                return Optional.empty();
            }
            int released = entityManager.createQuery("update Delivery d set d.status = :pending, d.updatedAt = :now"
                    + " where d.id = :id and d.status = :sending and d.updatedAt < :before")
                    .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now)
                    .setParameter("id", deliveryId).setParameter("sending", DeliveryStatus.SENDING)
                    .setParameter("before", now.minus(settled())).executeUpdate();
            if (released == 0) {
                return Optional.empty();
            }
            Reader reader = Reader.findById(delivery.readerId);
            return Optional.of(new Stranded(deliveryId, delivery.readerId, reader == null ? "" : reader.email,
                    delivery.digestDate, delivery.attempts, delivery.updatedAt));
        });
    }

    /** Where a released email ended after "send now", for the operator's notice. */
    public record Settled(DeliveryStatus status, String lastError) {
    }

    /**
     * After "send now": where the row is, and when the digest sent nothing (the reader is no longer active, has no
     * papers for the date, or the attempt failed before its claim), the released row is closed as FAILED with the
     * reason rather than left claimable.
     */
    public Settled settle(long deliveryId, String reasonIfNothingSent) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            if (delivery.status == DeliveryStatus.PENDING) {
                delivery.status = DeliveryStatus.FAILED;
                delivery.lastError = "send now: nothing sent (" + reasonIfNothingSent + ")";
                delivery.updatedAt = now;
            }
            return new Settled(delivery.status, delivery.lastError);
        });
    }
}
