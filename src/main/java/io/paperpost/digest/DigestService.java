package io.paperpost.digest;

import io.paperpost.delivery.Claim;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryQueries;
import io.paperpost.delivery.DueRetry;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.mail.MailSender;
import io.paperpost.papers.PaperFeed;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Starts, plans and finishes digest runs. A scheduled run (every few minutes) sends to each active reader whose
 * chosen local hour has come and who has no email for their local date ({@link DueRule}); an explicit run sends
 * everyone due on a given date, whatever the hour. Readers are grouped by time zone: each zone's local date and
 * hour are computed once, and the due readers are split into chunks in the database, which this and the other
 * instances work ({@link ChunkProcessor}), so no run holds all readers at once. Every run leaves a
 * {@link DigestRun} record.
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);

    @Inject
    DigestConfig config;
    @Inject
    DigestInputs inputs;
    @Inject
    ChunkProcessor processor;
    @Inject
    ReaderPipeline pipeline;
    @Inject
    FeedbackService feedback;
    @Inject
    ChunkWorker workers;
    @Inject
    DeliveryLedger ledger;
    @Inject
    DeliveryQueries deliveryQueries;
    @Inject
    MailSender sender;
    @Inject
    DigestRuns runs;
    @Inject
    DigestChunks chunks;
    @Inject
    DigestMetrics metrics;
    @Inject
    SendingSwitch sending;
    @Inject
    PaperFeed feed;

    /** An operator's run for a date: every reader due on that date, whatever their local hour. */
    public DigestSummary run(LocalDate date) {
        return run(date, RunTrigger.ADMIN);
    }

    public DigestSummary run(LocalDate date, RunTrigger trigger) {
        return execute(trigger, date, () -> List.of(Slice.everyZone(date)), runId -> 0);
    }

    /** The scheduled run: every reader whose local hour has come at this instant, in their own zone. */
    public DigestSummary runDue(Instant now, RunTrigger trigger) {
        return execute(trigger, null, () -> zoneSlices(now), runId -> planRetries(runId, now));
    }

    /** One slice per time zone readers use, with the zone's local date and hour at the instant. */
    List<Slice> zoneSlices(Instant now) {
        return inputs.activeZones().stream().map(zone -> Slice.at(zone, now)).toList();
    }

    /**
     * Plans a chunk of one reader for each retry of an earlier date's email whose next attempt has come. A retry
     * of the reader's current local date needs none: the reader is still due, so their zone's slice claims the
     * row again. A reader who is due today gets today's email instead, which holds the same papers (their window
     * starts at their last sent email) and supersedes the retry; so no reader gets two emails at once.
     */
    int planRetries(long runId, Instant now) {
        int planned = 0;
        for (DueRetry retry : deliveryQueries.dueRetries(now, config.readerPageSize())) {
            Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(retry.readerId()));
            if (reader == null || reader.status != ReaderStatus.ACTIVE) {
                continue;
            }
            Slice today = Slice.at(reader.timeZone, now);
            if (!retry.digestDate().isBefore(today.date())
                    || DueRule.isDue(reader, today.date(), today.hour(), false)) {
                continue;
            }
            Slice slice = Slice.everyZone(retry.digestDate());
            if (inputs.dueReaderIds(slice, reader.id - 1, 1).equals(List.of(reader.id))) {
                chunks.add(runId, slice, reader.id - 1, reader.id, 1);
                planned++;
            }
        }
        return planned;
    }

    private DigestSummary execute(RunTrigger trigger, LocalDate date, Supplier<List<Slice>> plan,
            ToIntFunction<Long> planRetries) {
        long runId = runs.start(trigger, date, feed.lastBatch());
        MDC.put("runId", runId);
        try {
            if (sending.paused()) {
                LOG.infof("Digest run %d (%s): sending is paused by the operator; nothing sent", runId, trigger);
                runs.finishPaused(runId);
                return new DigestSummary(runId, date, 0, RunCounts.NONE, 0);
            }
            List<Slice> slices = plan.get();
            int due = 0;
            for (Slice slice : slices) {
                due += planChunks(runId, slice);
            }
            due += planRetries.applyAsInt(runId);
            runs.planned(runId, due);
            LOG.infof("Digest run %d (%s%s): %d readers due in %d zone slice(s)", runId, trigger,
                    date == null ? "" : " for " + date, due, slices.size());
            runs.finishIfDone(runId, chunks.unfinished(runId));
            workers.wake();
            RunView finished = workUntilFinished(runId);
            LOG.infof("Digest run %d %s: %s (%s)", runId, finished.status(), finished.progressLine(),
                    sender.describe());
            metrics.run(trigger,
                    java.time.Duration.ofMillis(finished.durationMs() == null ? 0 : finished.durationMs()));
            return new DigestSummary(runId, date, finished.readersDue(), finished.counts(),
                    finished.durationMs() == null ? 0 : finished.durationMs());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest run %d failed", runId);
            runs.fail(runId, e.toString());
            throw e;
        } finally {
            MDC.remove("runId");
        }
    }

    /**
     * The operator's "send now" of one reader's email for a date, which a crash had left SENDING and
     * {@link io.paperpost.delivery.StrandedSends#release} made claimable again: ranked on the papers available now,
     * claimed, sent and recorded as a run does it. True when the server accepted it.
     */
    public boolean sendNow(long readerId, LocalDate date) {
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(readerId));
        if (reader == null) {
            return false;
        }
        List<Long> ids = List.of(readerId);
        Optional<Claim> sent = pipeline.send(reader, date, inputs.papersNow(), new RunProgress(new DigestChunk()),
                deliveryQueries.recentlySent(ids, date).getOrDefault(readerId, Set.of()),
                feedback.texts(ids).getOrDefault(readerId, FeedbackService.Texts.NONE));
        sent.ifPresent(claim -> ledger.advanceReaders(List.of(claim)));
        return sent.isPresent();
    }

    /**
     * Splits the slice's due readers into chunks of the work table, in one pass over their ids in id order (streamed:
     * one query per chunk would make planning a million readers quadratic); returns how many readers are due.
     */
    int planChunks(long runId, Slice slice) {
        record Range(long afterId, long lastId, int readers) {
        }
        List<Range> ranges = QuarkusTransaction.requiringNew().call(() -> {
            List<Range> found = new ArrayList<>();
            long afterId = 0;
            long lastId = 0;
            int readers = 0;
            try (Stream<Long> ids = inputs.streamDueIds(slice)) {
                for (Iterator<Long> it = ids.iterator(); it.hasNext();) {
                    lastId = it.next();
                    if (++readers == config.chunkSize()) {
                        found.add(new Range(afterId, lastId, readers));
                        afterId = lastId;
                        readers = 0;
                    }
                }
            }
            if (readers > 0) {
                found.add(new Range(afterId, lastId, readers));
            }
            return found;
        });
        int total = 0;
        for (Range range : ranges) {
            chunks.add(runId, slice, range.afterId(), range.lastId(), range.readers());
            total += range.readers();
        }
        return total;
    }

    /**
     * Works the run's chunks, then waits for the chunks other instances hold; takes over any whose lease runs out.
     */
    private RunView workUntilFinished(long runId) {
        while (true) {
            Optional<DigestChunk> chunk;
            while (!sending.paused() && (chunk = chunks.claim(runId)).isPresent()) {
                processor.work(chunk.get());
            }
            RunView run = runs.find(runId).orElseThrow();
            if (run.status() != RunStatus.RUNNING || sending.paused()) {
                // Paused mid-run: the request returns; the run carries on once sending resumes.
                return run;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for digest run " + runId, e);
            }
        }
    }
}
