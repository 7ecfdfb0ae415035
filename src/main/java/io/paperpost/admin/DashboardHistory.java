package io.paperpost.admin;

import io.paperpost.digest.DigestRun;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's last days in figures, per UTC day.
 * <p>
 * Emails are the sums of the digest runs started that day (the counts of the runs table): cheap (a few hundred run
 * rows rather than a scan of the delivery ledger, which has no index by time), and an email whose attempt failed
 * and that a later run retries counts on both days, once failed and once sent.
 * <p>
 * Subscribers (active or paused readers) at the end of each day are counted back from today's number with each
 * day's confirmations and unsubscribes: a hard bounce, a pause and an erasure have no date in the data, so a reader
 * who bounced or was erased counts as gone on every day shown.
 */
@ApplicationScoped
public class DashboardHistory {

    /** One UTC day: emails of the runs started that day, and the readers who confirmed, left and were subscribed. */
    public record Day(LocalDate day, long sent, long failed, long suppressed, long confirmed, long unsubscribed,
            long subscribers) {
    }

    /** The days, oldest first (for the charts); {@link #newestFirst()} for the table. */
    public record Days(List<Day> oldestFirst) {

        public List<Day> newestFirst() {
            List<Day> days = new ArrayList<>(oldestFirst);
            Collections.reverse(days);
            return days;
        }

        public List<LocalDate> dates() {
            return oldestFirst.stream().map(Day::day).toList();
        }
    }

    @Inject
    Clock clock;

    /** The last {@code count} UTC days, today included. */
    public Days lastDays(int count) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(count - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<LocalDate, long[]> emails = new HashMap<>();
            for (DigestRun run : DigestRun.<DigestRun>list("startedAt >= ?1", since)) {
                long[] sums = emails.computeIfAbsent(day(run.startedAt), d -> new long[3]);
                sums[0] += run.counts.sent();
                sums[1] += run.counts.failed();
                sums[2] += run.counts.suppressed();
            }
            Map<LocalDate, long[]> joins = new HashMap<>();
            Reader.getEntityManager()
                    .createQuery("select r.confirmedAt, r.unsubscribedAt from Reader r"
                            + " where r.confirmedAt >= :since or r.unsubscribedAt >= :since", Object[].class)
                    .setParameter("since", since).getResultList().forEach(row -> {
                        count(joins, (Instant) row[0], 0, since);
                        count(joins, (Instant) row[1], 1, since);
                    });
            long subscribed = Reader.count("status in ?1", List.of(ReaderStatus.ACTIVE, ReaderStatus.PAUSED));
            List<Day> days = new ArrayList<>();
            for (LocalDate day = today; !day.isBefore(first); day = day.minusDays(1)) {
                long[] sent = emails.getOrDefault(day, new long[3]);
                long[] moves = joins.getOrDefault(day, new long[2]);
                days.add(0, new Day(day, sent[0], sent[1], sent[2], moves[0], moves[1], Math.max(0, subscribed)));
                // The end of the day before: this day's confirmations undone, its unsubscribes back.
                subscribed = subscribed - moves[0] + moves[1];
            }
            return new Days(List.copyOf(days));
        });
    }

    private static void count(Map<LocalDate, long[]> perDay, Instant at, int index, Instant since) {
        if (at != null && !at.isBefore(since)) {
            perDay.computeIfAbsent(day(at), d -> new long[2])[index]++;
        }
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
