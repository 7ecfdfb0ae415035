package io.paperpost.site;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The answers of {@link ErrorMappers} for filters that refuse a request before JAX-RS sees it (too large, too long,
 * too many attempts, bad credentials): {@link ApiError} JSON under {@code /api/} and {@code /q/}, the error page
 * elsewhere, so every refusal has one shape whichever layer gives it.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** Ends the response with the status and the message in the path's shape; headers set before are kept. */
    public static void end(RoutingContext context, int status, String title, String message) {
        String path = context.request().path();
        if (path != null && (path.startsWith("/api/") || path.startsWith("/q/"))) {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", message).putNull("field").encode());
            return;
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .end(ErrorMappers.Templates.error(title, message).render());
    }
}
