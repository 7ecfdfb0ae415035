package io.paperpost.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The digests a reader was sent, for their web views and the list of past emails: only {@link DeliveryStatus#SENT}
 * rows, since only those reached the reader by email (the feed also reads {@link DeliveryStatus#FEED} rows). Erasing a reader deletes their rows with them ({@code on delete
 * cascade}), so an erased reader's web views are gone.
 */
@ApplicationScoped
public class SentDigests {

    /** One sent digest: its date, when the server took it, and what it held. */
    public record SentDigest(LocalDate digestDate, Instant sentAt, DigestContents contents) {
    }

    /** The reader's digest of the date, when it was sent. */
    public Optional<SentDigest> of(long readerId, LocalDate digestDate) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("readerId = ?1 and digestDate = ?2 and status = ?3", readerId,
                        digestDate, DeliveryStatus.SENT).firstResultOptional().map(SentDigests::sent));
    }

    /** The reader's sent digests, newest first, at most {@code limit}. */
    public List<SentDigest> newestFirst(long readerId, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("readerId = ?1 and status = ?2 order by digestDate desc",
                        readerId, DeliveryStatus.SENT).page(0, limit).list().stream().map(SentDigests::sent).toList());
    }

    /**
     * What reached the reader from the date on, newest first, at most {@code limit} days: their emails and their
     * feed-only picks ({@link DeliveryStatus#FEED}), for their Atom feed.
     */
    public List<SentDigest> picksSince(long readerId, LocalDate from, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find(
                        "readerId = ?1 and status in ?2 and digestDate >= ?3 order by digestDate desc", readerId,
                        List.of(DeliveryStatus.SENT, DeliveryStatus.FEED), from).page(0, limit).list().stream()
                        .map(SentDigests::sent).toList());
    }

    private static SentDigest sent(Delivery d) {
        return new SentDigest(d.digestDate, d.sentAt, DigestContents.read(d.paperIds, d.contents));
    }
}
