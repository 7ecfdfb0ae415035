package io.paperpost.papers.http;

import java.time.Duration;

/**
 * Keeps requests to one site at least {@code interval} apart (arXiv asks for one request every 3 seconds),
 * waiting rather than failing. SmallRye Fault Tolerance's rate limit rejects calls over the limit instead
 * of delaying them, which is not what a polite crawler needs, hence this small class.
 */
public final class RequestSpacing {

    private final long intervalNanos;
    private long next = Long.MIN_VALUE;

    public RequestSpacing(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Blocks until the next request may go out, and books the slot after it. */
    public synchronized void await() throws InterruptedException {
        long now = System.nanoTime();
        if (next != Long.MIN_VALUE && now < next) {
            long wait = next - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            now = System.nanoTime();
        }
        next = now + intervalNanos;
    }
}
