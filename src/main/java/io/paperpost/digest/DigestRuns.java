package io.paperpost.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes and reads the digest run records. Each write is its own short transaction. */
@ApplicationScoped
public class DigestRuns {

    @Inject
    Clock clock;

    long start(RunTrigger trigger, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = new DigestRun();
            run.trigger = trigger;
            run.digestDate = date;
            run.status = RunStatus.RUNNING;
            run.startedAt = clock.instant();
            run.persist();
            return run.id;
        });
    }

    /** Stores the counters so far: the live progress the admin sees. */
    void progress(long runId, RunProgress progress) {
        QuarkusTransaction.requiringNew().run(() -> copy(DigestRun.findById(runId), progress));
    }

    void finish(long runId, RunProgress progress, long nowNanos, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            DigestRun run = DigestRun.findById(runId);
            copy(run, progress);
            run.status = error == null ? RunStatus.FINISHED : RunStatus.FAILED;
            run.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
            run.finishedAt = clock.instant();
            run.durationMs = progress.elapsedMillis(nowNanos);
            run.throughput = progress.rate(nowNanos);
        });
    }

    private static void copy(DigestRun run, RunProgress progress) {
        run.readersDue = progress.due;
        run.done = progress.done();
        run.sent = progress.sent();
        run.retried = progress.retried();
        run.skipped = progress.skipped();
        run.failed = progress.failed();
        run.suppressed = progress.suppressed();
    }

    /** The most recent runs, newest first. */
    public List<RunView> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> DigestRun.<DigestRun>find("order by startedAt desc, id desc")
                .page(0, limit).list().stream().map(run -> RunView.of(run, clock.instant())).toList());
    }

    public Optional<RunView> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> DigestRun.<DigestRun>findByIdOptional(id)
                .map(run -> RunView.of(run, clock.instant())));
    }
}
