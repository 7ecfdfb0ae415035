package io.paperpost.mail;

import java.time.Duration;

/**
 * When a deferred email is tried again, for the digest's ledger and the queue of the other emails alike: the initial
 * delay, doubled after each failed attempt and capped, up to {@link MailConfig#maxAttempts()} attempts. Five minutes
 * first because greylisting servers (Postgrey's default is 300 s) refuse a retry that comes sooner.
 */
public final class RetryPolicy {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;

    public RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    public static RetryPolicy of(MailConfig config) {
        return new RetryPolicy(config.retryInitialDelay(), config.retryMaxDelay(), config.maxAttempts());
    }

    /** Wait after the given number of failed attempts: initial delay, doubled each time, capped. */
    public Duration backoff(int attempts) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** True when an email that failed for a temporary reason after this many attempts gets another one. */
    public boolean triesAgainAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** From the first attempt to the last, when every one is deferred: how long an email may take to go out. */
    public Duration longestDelivery() {
        Duration total = Duration.ZERO;
        for (int attempts = 1; attempts < maxAttempts; attempts++) {
            total = total.plus(backoff(attempts));
        }
        return total;
    }
}
