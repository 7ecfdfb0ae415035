package io.paperpost.site;

import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * A request refused for a reason the person should understand (too many attempts, a form that expired): a
 * polite page, or an {@link ApiError} under {@code /api}, with the given status. The message is safe to show.
 */
public class RejectedRequestException extends RuntimeException {

    private final Response.Status status;
    private final String title;
    private final String field;
    private final Duration retryAfter;

    public RejectedRequestException(Response.Status status, String title, String message, String field) {
        this(status, title, message, field, null);
    }

    /** @param retryAfter when trying again may succeed (a 429's or 503's {@code Retry-After}), or null */
    public RejectedRequestException(Response.Status status, String title, String message, String field,
            Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public Response.Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    /** Whole seconds until trying again may succeed, at least 1 (RFC 9110 section 10.2.3), or null. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : retryAfterSeconds(retryAfter);
    }

    /** A wait as {@code Retry-After} gives it: whole seconds, rounded up, at least 1 (RFC 9110 section 10.2.3). */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The answer with this refusal's {@code Retry-After}, when it has one. */
    public Response withRetryAfter(Response answer) {
        if (retryAfter != null) {
            answer.getHeaders().putSingle("Retry-After", retryAfterSeconds());
        }
        return answer;
    }
}
