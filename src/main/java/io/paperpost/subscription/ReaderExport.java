package io.paperpost.subscription;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything PaperPost stores about one reader, as "Download my data" gives it to them. */
public record ReaderExport(Instant exportedAt, Subscription subscription, WaitingSignup waitingSignup,
        @JsonIgnore Map<String, Object> parts) {

    /** The other packages' parts ({@link ReaderDataPart}), each under its own name beside the subscription. */
    @JsonAnyGetter
    public Map<String, Object> partsByName() {
        return parts;
    }

    /** The reader record. */
    public record Subscription(String email, ReaderStatus status, Instant createdAt, Instant confirmedAt,
            Instant unsubscribedAt, String unsubscribeReason, String consentSource, List<String> topics,
            String interests, List<String> followedAuthors, double trendWeight,
            boolean exploration, boolean onlyWhenMatches, int papersPerEmail,
            DigestFrequency frequency, DayOfWeek weeklyDay, LocalDate pausedUntil,
            int deliveryHour, String timeZone, MailFormat mailFormat, DeliveryChannel deliveryChannel,
            LocalDate lastDigestDate, Filters filters) {
    }

    /** The hard filters: muted from the emails, and the preferences page's must-have and never words. */
    public record Filters(List<String> mutedAuthors, List<String> mutedTopics, List<String> mustWords,
            List<String> neverWords) {
    }

    /** A signup for the reader's address that waits for its confirmation link (null when there is none). */
    public record WaitingSignup(Instant requestedAt, List<String> topics, String interests,
            List<String> followedAuthors,
            String timeZone) {
    }

    static ReaderExport of(Reader r, Map<String, Object> parts, PendingSignup pending, Instant now) {
        Subscription subscription = new Subscription(r.email, r.status, r.createdAt, r.confirmedAt, r.unsubscribedAt,
                r.unsubscribeReason, r.consentSource, List.copyOf(r.topics), r.interests,
                List.copyOf(r.followedAuthors), r.trendWeight,
                r.exploration, r.onlyWhenMatches, r.papersPerEmail, r.frequency, r.weeklyDay, r.pausedUntil,
                r.deliveryHour, r.timeZone, r.mailFormat, r.deliveryChannel, r.lastDigestDate,
                new Filters(List.copyOf(r.mutedAuthors), List.copyOf(r.mutedTopics), List.copyOf(r.mustWords),
                        List.copyOf(r.neverWords)));
        WaitingSignup waiting = pending == null
                ? null
                : new WaitingSignup(pending.requestedAt, List.copyOf(pending.topics),
                        pending.interests, List.copyOf(pending.followedAuthors), pending.timeZone);
        return new ReaderExport(now, subscription, waiting, parts);
    }
}
