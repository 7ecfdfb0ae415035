package io.paperpost.subscription;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperpost.delivery.Delivery;
import io.paperpost.feedback.Feedback;

/** Everything PaperPost stores about one reader, as "Download my data" gives it to them. */
public record ReaderExport(Instant exportedAt, Subscription subscription, List<SentEmail> emails,
                           List<Rating> feedback, WaitingSignup waitingSignup) {

    /** The reader record. */
    public record Subscription(String email, ReaderStatus status, Instant createdAt, Instant confirmedAt,
                               Instant unsubscribedAt, String unsubscribeReason, List<String> topics,
                               String interests, List<String> followedAuthors, double trendWeight,
                               boolean exploration, boolean onlyWhenMatches, int papersPerEmail,
                               DigestFrequency frequency, DayOfWeek weeklyDay, LocalDate pausedUntil,
                               int deliveryHour, String timeZone, MailFormat mailFormat, LocalDate lastDigestDate) {
    }

    /** One digest email: its day, what happened to it, and the papers it held. */
    public record SentEmail(LocalDate digestDate, String status, Instant sentAt, String messageId,
                            List<String> paperIds) {
    }

    /** A signup for the reader's address that waits for its confirmation link (null when there is none). */
    public record WaitingSignup(Instant requestedAt, List<String> topics, String interests, List<String> followedAuthors,
                                String timeZone) {
    }

    /** A 👍 (1) or 👎 (-1) given on a paper. */
    public record Rating(String paperId, int rating, Instant updatedAt) {
    }

    static ReaderExport of(Reader r, List<Delivery> deliveries, List<Feedback> feedback, PendingSignup pending,
                           Instant now) {
        Subscription subscription = new Subscription(r.email, r.status, r.createdAt, r.confirmedAt, r.unsubscribedAt,
                r.unsubscribeReason, List.copyOf(r.topics), r.interests, List.copyOf(r.followedAuthors), r.trendWeight,
                r.exploration, r.onlyWhenMatches, r.papersPerEmail, r.frequency, r.weeklyDay, r.pausedUntil,
                r.deliveryHour, r.timeZone, r.mailFormat, r.lastDigestDate);
        List<SentEmail> emails = deliveries.stream()
                .map(d -> new SentEmail(d.digestDate, d.status.name(), d.sentAt, d.messageId, List.copyOf(d.paperIds)))
                .toList();
        List<Rating> ratings = feedback.stream().map(f -> new Rating(f.id.paperId, f.rating, f.updatedAt)).toList();
        WaitingSignup waiting = pending == null ? null : new WaitingSignup(pending.requestedAt, List.copyOf(pending.topics),
                pending.interests, List.copyOf(pending.followedAuthors), pending.timeZone);
        return new ReaderExport(now, subscription, emails, ratings, waiting);
    }
}
