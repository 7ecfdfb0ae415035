package io.paperpost.digest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A digest run as the admin API and dashboard show it, with live figures for a running one.
 *
 * @param ratePerSecond readers handled per second (so far, for a running run)
 * @param etaSeconds    seconds left at that rate for a running run; null when finished or not yet known
 */
public record RunView(long id, RunTrigger trigger, LocalDate digestDate, RunStatus status, Instant startedAt,
        Instant finishedAt, int readersDue, int percent, @JsonUnwrapped RunCounts counts, Long durationMs,
        double ratePerSecond, Long etaSeconds, String error) {

    static RunView of(DigestRun run, Instant now) {
        RunCounts counts = run.counts;
        int percent = run.readersDue == 0
                ? (run.status == RunStatus.RUNNING ? 0 : 100)
                : (int) Math.min(100, counts.done() * 100L / run.readersDue);
        double rate;
        Long eta = null;
        if (run.status == RunStatus.RUNNING) {
            long millis = Math.max(1, Duration.between(run.startedAt, now).toMillis());
            rate = counts.done() * 1000.0 / millis;
            if (rate > 0) {
                eta = Math.round(Math.max(0, run.readersDue - counts.done()) / rate);
            }
        } else {
            rate = run.throughput == null ? 0 : run.throughput;
        }
        return new RunView(run.id, run.trigger, run.digestDate, run.status, run.startedAt, run.finishedAt,
                run.readersDue, percent, counts, run.durationMs, Math.round(rate * 10) / 10.0, eta, run.error);
    }

    /** One log line: "1200/5000 (24%), 310.5/s, ETA 12s; 1190 sent, ...". */
    public String progressLine() {
        return String.format(java.util.Locale.ROOT,
                "%d/%d (%d%%), %.1f/s, ETA %s; %d sent, %d skipped, %d failed, %d suppressed, %d retried",
                counts.done(), readersDue, percent, ratePerSecond, etaSeconds == null ? "-" : etaSeconds + "s",
                counts.sent(), counts.skipped(), counts.failed(), counts.suppressed(), counts.retried());
    }
}
