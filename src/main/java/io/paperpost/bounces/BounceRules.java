package io.paperpost.bounces;

import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What a matched report does to its reader: a permanent failure suppresses at once, transient failures after
 * {@link BounceConfig#transientLimit()} within {@link BounceConfig#transientWindow()}, a complaint unsubscribes at
 * once. Runs inside the caller's transaction; the transient count includes reports of the same transaction.
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

    Applied apply(Reader reader, ParsedReport report, Instant now) {
        return switch (report.kind()) {
            case NOTICE -> new Applied(ReportStatus.IGNORED, BounceAction.NONE);
            case PERMANENT -> new Applied(ReportStatus.APPLIED, suppress(reader, report, "a permanent failure"));
            case TRANSIENT -> {
                long earlier = BounceReport.count("readerId = ?1 and kind = ?2 and status = ?3 and receivedAt > ?4",
                        reader.id, ReportKind.TRANSIENT, ReportStatus.APPLIED, now.minus(config.transientWindow()));
                yield new Applied(ReportStatus.APPLIED, earlier + 1 >= config.transientLimit()
                        ? suppress(reader, report, (earlier + 1) + " transient failures within "
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
