package io.paperpost.digest;

import java.util.concurrent.atomic.AtomicInteger;

/** The counters of a run in progress, with the rate and time left derived from them. */
final class RunProgress {

    enum Outcome { SENT, SKIPPED, FAILED, SUPPRESSED }

    final int due;
    private final long startedNanos;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger suppressed = new AtomicInteger();

    RunProgress(int due, long startedNanos) {
        this.due = due;
        this.startedNanos = startedNanos;
    }

    void record(Outcome outcome, boolean retry) {
        switch (outcome) {
            case SENT -> sent.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case SUPPRESSED -> suppressed.incrementAndGet();
        }
        if (retry) {
            retried.incrementAndGet();
        }
    }

    int sent() {
        return sent.get();
    }

    int retried() {
        return retried.get();
    }

    int skipped() {
        return skipped.get();
    }

    int failed() {
        return failed.get();
    }

    int suppressed() {
        return suppressed.get();
    }

    int done() {
        return sent.get() + skipped.get() + failed.get() + suppressed.get();
    }

    long elapsedMillis(long nowNanos) {
        return (nowNanos - startedNanos) / 1_000_000;
    }

    /** Readers handled per second so far. */
    double rate(long nowNanos) {
        long millis = elapsedMillis(nowNanos);
        return millis == 0 ? 0 : done() * 1000.0 / millis;
    }

    /** Seconds left at the current rate, or -1 before there is a rate. */
    long etaSeconds(long nowNanos) {
        double rate = rate(nowNanos);
        return rate == 0 ? -1 : Math.round(Math.max(0, due - done()) / rate);
    }

    int percent() {
        return due == 0 ? 100 : (int) Math.min(100, done() * 100L / due);
    }

    /** One log line: "1200/5000 (24%), 310.5/s, ETA 12s, 1190 sent, ...". */
    String describe(long nowNanos) {
        long eta = etaSeconds(nowNanos);
        return String.format(java.util.Locale.ROOT, "%d/%d (%d%%), %.1f/s, ETA %s, %d sent, %d skipped, %d failed, %d suppressed, %d retried",
                done(), due, percent(), rate(nowNanos), eta < 0 ? "?" : eta + "s", sent(), skipped(), failed(), suppressed(),
                retried());
    }
}
