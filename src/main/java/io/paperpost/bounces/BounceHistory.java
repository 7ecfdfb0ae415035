package io.paperpost.bounces;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the admin sees of late bounces and complaints: one reader's, and the last days' counts. */
@ApplicationScoped
public class BounceHistory {

    @Inject
    Clock clock;

    /** One report about a reader, as their delivery history shows it. */
    public record Event(long id, Instant receivedAt, ReportSource source, ReportStatus status, ReportKind kind,
            BounceAction action, String code, String originalMessageId, String detail) {
    }

    /**
     * One UTC day: reports by kind, what they did, and those kept aside (unmatched or malformed).
     *
     * @param transients transient failures ({@code transient} is a Java keyword)
     */
    public record Day(LocalDate day, long permanent, long transients, long complaints, long suppressed,
            long unsubscribed, long keptAside) {
    }

    /** The reader's reports, newest first. */
    public List<Event> forReader(long readerId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> BounceReport
                .<BounceReport>find("readerId = ?1 order by receivedAt desc, id desc", readerId).page(0, limit)
                .list().stream()
                .map(r -> new Event(r.id, r.receivedAt, r.source, r.status, r.kind, r.action, r.statusCode,
                        r.originalMessageId, r.detail))
                .toList());
    }

    /** The last {@code count} UTC days, today included, oldest first; days without reports count zero. */
    public List<Day> lastDays(int count) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(count - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            sums.put(day, new long[6]);
        }
        QuarkusTransaction.requiringNew().run(() -> BounceReport.getEntityManager()
                .createQuery("select b.receivedAt, b.kind, b.status, b.action, count(b) from BounceReport b"
                        + " where b.receivedAt >= :since group by b.receivedAt, b.kind, b.status, b.action",
                        Object[].class)
                .setParameter("since", since).getResultList().forEach(row -> {
                    long[] day = sums.get(((Instant) row[0]).atZone(ZoneOffset.UTC).toLocalDate());
                    if (day == null) {
                        return; // a report dated after today by a clock step
                    }
                    long n = (Long) row[4];
                    ReportStatus status = (ReportStatus) row[2];
                    if (status == ReportStatus.UNMATCHED || status == ReportStatus.MALFORMED) {
                        day[5] += n;
                    } else if (row[1] == ReportKind.PERMANENT) {
                        day[0] += n;
                    } else if (row[1] == ReportKind.TRANSIENT) {
                        day[1] += n;
                    } else if (row[1] == ReportKind.COMPLAINT) {
                        day[2] += n;
                    }
                    day[3] += row[3] == BounceAction.SUPPRESSED ? n : 0;
                    day[4] += row[3] == BounceAction.UNSUBSCRIBED ? n : 0;
                }));
        List<Day> days = new ArrayList<>();
        sums.forEach((day, s) -> days.add(new Day(day, s[0], s[1], s[2], s[3], s[4], s[5])));
        return List.copyOf(days);
    }
}
