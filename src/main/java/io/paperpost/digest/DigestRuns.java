package io.paperpost.digest;

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
 * Writes and reads the digest run records. A run's counters are the sums of its chunks' counters, which each
 * instance stores as it works; every write is its own short transaction.
 */
@ApplicationScoped
public class DigestRuns {

    @Inject
    Clock clock;
    @Inject
    EntityManager entityManager;

    /** @param papersThrough the last committed paper batch: the papers every chunk of the run ranks */
    long start(RunTrigger trigger, LocalDate date, long papersThrough) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = new DigestRun();
            run.trigger = trigger;
            run.digestDate = date;
            run.status = RunStatus.RUNNING;
            run.startedAt = clock.instant();
            run.papersThrough = papersThrough;
            run.persist();
            return run.id;
        });
    }

    /** The run as it started: its instant and paper snapshot (detached). */
    DigestRun snapshot(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> DigestRun.<DigestRun>findById(runId));
    }

    void planned(long runId, int readersDue) {
        QuarkusTransaction.requiringNew().run(() -> DigestRun.<DigestRun>findById(runId).readersDue = readersDue);
    }

    /** Recomputes the run's counters from its chunks: the live progress the admin sees. */
    RunView refresh(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = DigestRun.findById(runId);
            sumChunks(run);
            return RunView.of(run, clock.instant());
        });
    }

    /** Finishes the run when none of its chunks is left; of several instances finishing chunks, one does it. */
    void finishIfDone(long runId, long unfinishedChunks) {
        if (unfinishedChunks > 0) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            DigestRun run = DigestRun.findById(runId);
            if (run.status != RunStatus.RUNNING) {
                return;
            }
            sumChunks(run);
            close(run, RunStatus.FINISHED, null);
        });
    }

    /** Records a run that sent nothing because sending is paused. */
    void finishPaused(long runId) {
        QuarkusTransaction.requiringNew().run(() -> close(DigestRun.findById(runId), RunStatus.FINISHED,
                "Sending is paused by the operator"));
    }

    void fail(long runId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            DigestRun run = DigestRun.findById(runId);
            sumChunks(run);
            close(run, RunStatus.FAILED, error.length() <= 1000 ? error : error.substring(0, 1000));
        });
    }

    private void close(DigestRun run, RunStatus status, String error) {
        run.status = status;
        run.error = error;
        run.finishedAt = clock.instant();
        run.durationMs = Duration.between(run.startedAt, run.finishedAt).toMillis();
        run.throughput = run.counts.done() * 1000.0 / Math.max(1, run.durationMs);
    }

    private void sumChunks(DigestRun run) {
        Object[] sums = entityManager
                .createQuery("select coalesce(sum(c.counts.done), 0), coalesce(sum(c.counts.sent), 0),"
                        + " coalesce(sum(c.counts.retried), 0), coalesce(sum(c.counts.failed), 0),"
                        + " coalesce(sum(c.counts.suppressed), 0), coalesce(sum(c.counts.skipped), 0)"
                        + " from DigestChunk c where c.runId = :run", Object[].class)
                .setParameter("run", run.id).getSingleResult();
        run.counts = new RunCounts(((Number) sums[0]).intValue(), ((Number) sums[1]).intValue(),
                ((Number) sums[2]).intValue(), ((Number) sums[3]).intValue(), ((Number) sums[4]).intValue(),
                ((Number) sums[5]).intValue());
    }

    /** The most recent runs, newest first. */
    public List<RunView> recent(int limit) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> DigestRun.<DigestRun>find("order by startedAt desc, id desc")
                        .page(0, limit).list().stream().map(run -> RunView.of(run, now)).toList());
    }

    public Optional<RunView> find(long id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> DigestRun.<DigestRun>findByIdOptional(id)
                .map(run -> RunView.of(run, now)));
    }
}
