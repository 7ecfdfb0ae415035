package io.paperpost.mail;

import java.time.Duration;
import java.time.Instant;

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

    /** What a failed attempt leads to. */
    public enum Verdict {
        /** Deferred: try again at {@link Next#retryAt()}. */
        RETRY,
        /** Every attempt deferred, or the message itself refused: no more tries. */
        GIVE_UP,
        /** The recipient was refused for good (a hard bounce): never write to the address again. */
        BOUNCE
    }

    /** The verdict on a failed attempt, and when to try again (null unless {@link Verdict#RETRY}). */
    public record Next(Verdict verdict, Instant retryAt) {
    }

    /** What follows the failure of the email's attempt number {@code attempts} (counting from 1), at {@code now}. */
    public Next after(MailSendException failure, int attempts, Instant now) {
        return switch (failure.kind()) {
            case TEMPORARY -> triesAgainAfter(attempts)
                    ? new Next(Verdict.RETRY, now.plus(backoff(attempts)))
                    : new Next(Verdict.GIVE_UP, null);
            case RECIPIENT_REJECTED -> new Next(Verdict.BOUNCE, null);
            case MESSAGE_REJECTED -> new Next(Verdict.GIVE_UP, null);
        };
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
