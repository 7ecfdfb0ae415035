package io.paperpost.bounces;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Takes raw reports (from the bounce mailbox or the HTTP intake), reads them, matches them to the email they are
 * about and applies the rules, recording each in {@code bounce_report}. A report received before (same key) changes
 * nothing again. What cannot be read or matched is kept aside with its raw message and logged once; nothing a
 * report says can fail the intake or suppress a reader it does not name.
 */
@ApplicationScoped
public class BounceIntake {

    private static final Logger LOG = Logger.getLogger(BounceIntake.class);

    @Inject
    BounceConfig config;
    @Inject
    BounceMatcher matcher;
    @Inject
    BounceRules rules;
    @Inject
    Clock clock;

    /** A report as read (or why it could not be). */
    private record Read(byte[] raw, String key, ParsedReport report, String malformed) {
    }

    public BounceOutcome receive(byte[] raw, ReportSource source) {
        return receiveAll(List.of(raw), source).get(0);
    }

    /**
     * Records the reports in one transaction (reading them first, outside it), in their order; the outcomes in the
     * same order.
     */
    public List<BounceOutcome> receiveAll(List<byte[]> raws, ReportSource source) {
        List<Read> reads = raws.stream().map(this::read).toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // The batch's reads come first, so no query needs the session flushed before it (each flush
                // compares every loaded entity with its snapshot); what it changes is written at commit.
                BounceReport.getEntityManager().setFlushMode(FlushModeType.COMMIT);
                Instant now = clock.instant();
                Map<String, BounceReport> known = known(reads);
                BounceMatcher.Batch batch = matcher
                        .prefetch(reads.stream().map(Read::report).filter(Objects::nonNull).toList());
                Map<Long, Long> transients = rules.transientCounts(batch.readerIds(), now);
                List<BounceOutcome> outcomes = new ArrayList<>(reads.size());
                for (Read read : reads) {
                    BounceReport earlier = known.get(read.key());
                    if (earlier != null) {
                        outcomes.add(BounceOutcome.of(earlier, true));
                        continue;
                    }
                    BounceReport row = record(read, source, now, batch, transients);
                    known.put(read.key(), row);
                    outcomes.add(BounceOutcome.of(row, false));
                }
                return outcomes;
            });
        } catch (RuntimeException e) {
            if (reads.size() == 1) {
                return List.of(again(reads.get(0), source, e));
            }
            // Most likely another instance recorded one of them meanwhile (the unique key): one at a time, so the
            // others still count and that one is a duplicate.
            return reads.stream().map(read -> receiveAll(List.of(read.raw()), source).get(0)).toList();
        }
    }

    /** After a failed commit of one report: a duplicate if it was recorded meanwhile, else the failure stands. */
    private BounceOutcome again(Read read, ReportSource source, RuntimeException failure) {
        BounceReport earlier = QuarkusTransaction.requiringNew()
                .call(() -> BounceReport.<BounceReport>find("reportKey", read.key()).firstResult());
        if (earlier == null) {
            throw failure;
        }
        return BounceOutcome.of(earlier, true);
    }

    private Read read(byte[] raw) {
        if (raw == null || raw.length > config.maxReportBytes()) {
            String size = raw == null ? "no message" : raw.length + " bytes";
            return new Read(null, ReportParser.keyOf(raw),
                    null, size + ", more than paperpost.bounces.max-report-bytes (" + config.maxReportBytes() + ")");
        }
        try {
            ParsedReport report = ReportParser.parse(raw);
            return new Read(raw, report.key(), report, null);
        } catch (MalformedReportException e) {
            return new Read(raw, ReportParser.keyOf(raw), null, e.getMessage());
        }
    }

    /** The reports of the batch received before, by key. */
    private static Map<String, BounceReport> known(List<Read> reads) {
        List<String> keys = reads.stream().map(Read::key).distinct().toList();
        Map<String, BounceReport> known = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            BounceReport.<BounceReport>list("reportKey in ?1", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .forEach(row -> known.put(row.reportKey, row));
        }
        return known;
    }

    private BounceReport record(Read read, ReportSource source, Instant now, BounceMatcher.Batch batch,
            Map<Long, Long> transients) {
        BounceReport row = new BounceReport();
        row.reportKey = read.key();
        row.source = source;
        row.receivedAt = now;
        row.action = BounceAction.NONE;
        ParsedReport report = read.report();
        if (report == null) {
            row.status = ReportStatus.MALFORMED;
            row.detail = truncate(read.malformed());
            row.raw = read.raw();
            LOG.infof("Bounce report %s (%s) kept aside, malformed: %s", read.key(), source, read.malformed());
        } else {
            row.kind = report.kind();
            row.statusCode = report.statusCode();
            row.originalMessageId = report.originalMessageId();
            BounceMatcher.Match match = matcher.match(report, batch);
            if (match.reader() == null) {
                row.status = ReportStatus.UNMATCHED;
                row.detail = truncate(match.reason());
                row.raw = read.raw();
                LOG.infof("Bounce report %s (%s, %s %s) kept aside, unmatched: %s", read.key(), source,
                        report.kind(), report.statusCode(), match.reason());
            } else {
                BounceRules.Applied applied = rules.apply(match.reader(), report, now, transients);
                row.status = applied.status();
                row.action = applied.action();
                row.readerId = match.reader().id;
                row.deliveryId = match.deliveryId();
                row.detail = truncate(report.detail());
            }
        }
        row.persist();
        return row;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
