package io.paperpost.digest;

import java.util.concurrent.atomic.AtomicInteger;

/** The counters of a chunk being worked. */
final class RunProgress {

    enum Outcome {
        SENT, SKIPPED, FAILED, SUPPRESSED,
        /** A feed-only reader's picks recorded, no email: counted as skipped, since the counts are of emails. */
        FEED
    }

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger suppressed = new AtomicInteger();

    /** Starts from the counters the chunk stored (zero, unless it is taken over from another instance). */
    RunProgress(DigestChunk chunk) {
        sent.set(chunk.counts.sent());
        retried.set(chunk.counts.retried());
        skipped.set(chunk.counts.skipped());
        failed.set(chunk.counts.failed());
        suppressed.set(chunk.counts.suppressed());
    }

    void record(Outcome outcome, boolean retry) {
        switch (outcome) {
            case SENT -> sent.incrementAndGet();
            case SKIPPED, FEED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case SUPPRESSED -> suppressed.incrementAndGet();
        }
        if (retry) {
            retried.incrementAndGet();
        }
    }

    /** The counters now; each outcome is counted once, so done is their sum. */
    RunCounts counts() {
        int s = sent.get();
        int k = skipped.get();
        int f = failed.get();
        int x = suppressed.get();
        return new RunCounts(s + k + f + x, s, retried.get(), f, x, k);
    }

}
