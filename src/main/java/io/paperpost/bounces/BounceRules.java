package io.paperpost.bounces;

import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What a matched report does to its reader: a permanent failure suppresses at once, transient failures after
 * {@link BounceConfig#transientLimit()} within {@link BounceConfig#transientWindow()}, a complaint unsubscribes at
 * once. Runs inside the caller's transaction; the transient counts of a batch's readers are read in one query
 * ({@link #transientCounts}) and counted on in memory, so they include reports of the same batch.
 */
@ApplicationScoped
class BounceRules {

    private static final Logger LOG = Logger.getLogger(BounceRules.class);
    /** Readers who may still get email; the others get nothing already. */
    private static final Set<ReaderStatus> MAILED = Set.of(ReaderStatus.PENDING, ReaderStatus.ACTIVE,
            ReaderStatus.PAUSED);

    @Inject
    BounceConfig config;

    record Applied(ReportStatus status, BounceAction action) {
    }

    /** Each reader's transient failures within the window before {@code now}, as recorded so far. */
    Map<Long, Long> transientCounts(Collection<Long> readerIds, Instant now) {
        Map<Long, Long> counts = new HashMap<>();
        List<Long> all = List.copyOf(readerIds);
        for (int from = 0; from < all.size(); from += 500) {
            BounceReport.getEntityManager().createQuery("select b.readerId, count(b) from BounceReport b"
                    + " where b.readerId in :ids and b.kind = :kind and b.status = :status and b.receivedAt > :since"
                    + " group by b.readerId", Object[].class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .setParameter("kind", ReportKind.TRANSIENT).setParameter("status", ReportStatus.APPLIED)
                    .setParameter("since", now.minus(config.transientWindow())).getResultList()
                    .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    /**
     * @param transients the counts of {@link #transientCounts}, taken on by this report
     */
    Applied apply(Reader reader, ParsedReport report, Instant now, Map<Long, Long> transients) {
        return switch (report.kind()) {
            case NOTICE -> new Applied(ReportStatus.IGNORED, BounceAction.NONE);
            case PERMANENT -> new Applied(ReportStatus.APPLIED, suppress(reader, report, "a permanent failure"));
            case TRANSIENT -> {
                long count = transients.computeIfAbsent(reader.id,
                        id -> transientCounts(List.of(id), now).getOrDefault(id, 0L)) + 1;
                transients.put(reader.id, count);
                yield new Applied(ReportStatus.APPLIED, count >= config.transientLimit()
                        ? suppress(reader, report, count + " transient failures within "
                                + config.transientWindow().toDays() + " days")
                        : BounceAction.COUNTED);
            }
            case COMPLAINT -> new Applied(ReportStatus.APPLIED, unsubscribe(reader, report, now));
        };
    }

    private static BounceAction suppress(Reader reader, ParsedReport report, String why) {
        if (!MAILED.contains(reader.status)) {
            return BounceAction.NONE;
        }
        reader.status = ReaderStatus.BOUNCED;
        LOG.infof("Reader %d suppressed: %s (%s) reported after sending", reader.id, why, report.statusCode());
        return BounceAction.SUPPRESSED;
    }

    private static BounceAction unsubscribe(Reader reader, ParsedReport report, Instant now) {
        if (!MAILED.contains(reader.status)) {
            return BounceAction.NONE;
        }
        // The same change as the reader's own unsubscribe (SubscriptionService.unsubscribe), in this transaction.
        reader.status = ReaderStatus.UNSUBSCRIBED;
        reader.unsubscribedAt = now;
        reader.unsubscribeReason = "marked an email as spam (feedback report: " + report.statusCode() + ")";
        LOG.infof("Reader %d unsubscribed: a spam complaint (%s)", reader.id, report.statusCode());
        return BounceAction.UNSUBSCRIBED;
    }
}
