package io.paperpost.site;

import jakarta.ws.rs.core.Response;

/**
 * A request refused for a reason the person should understand (too many attempts, a form that expired): a
 * polite page, or an {@link ApiError} under {@code /api}, with the given status. The message is safe to show.
 */
public class RejectedRequestException extends RuntimeException {

    private final Response.Status status;
    private final String title;
    private final String field;

    public RejectedRequestException(Response.Status status, String title, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
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
}
