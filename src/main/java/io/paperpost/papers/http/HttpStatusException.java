package io.paperpost.papers.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** A response with an error status; {@link #retryable()} for 408, 429 and 5xx. */
public final class HttpStatusException extends IOException {

    private final int status;
    private final Duration retryAfter;

    public HttpStatusException(URI uri, int status, Duration retryAfter) {
        this("HTTP " + status + " from " + uri, status, retryAfter, null);
    }

    private HttpStatusException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The same failure, saying how many attempts were made. */
    HttpStatusException afterAttempts(int attempts) {
        return attempts <= 1
                ? this
                : new HttpStatusException(getMessage() + " (gave up after " + attempts + " attempts)", status,
                        retryAfter, this);
    }

    public int status() {
        return status;
    }

    /** What the server's Retry-After header asked for; null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return status == 408 || status == 429 || status >= 500;
    }
}
