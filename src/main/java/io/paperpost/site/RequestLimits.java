package io.paperpost.site;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses a request line or a declared body beyond the limits with a 414 or 413 in the site's shape ({@link
 * ErrorBodies}), where Vert.x would answer with an empty body and close the connection.
 */
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);

    /**
     * The longest URI served: Vert.x's own default line limit (4096), which {@code
     * quarkus.http.limits.max-initial-line-length} raises to 16 KiB so that this filter, not the codec, refuses
     * the lines in between. The longest link PaperPost makes (a preview with every setting) is under 1 KiB.
     */
    static final int MAX_URI_LENGTH = 4096;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        // With the body handler, which would read the body first and answer a bare 413.
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(this::check);
    }

    void check(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_LENGTH) {
            LOG.infof("Refused a %d-character request URI", context.request().uri().length());
            ErrorBodies.end(context, 414, "That address is too long",
                    "The address of this request is longer than " + MAX_URI_LENGTH + " characters.");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodySize.asLongValue()) {
            LOG.infof("Refused a %s-byte request body on %s", length.strip(), context.request().path());
            // The client learns at once; the connection is not reused for what follows the unread body.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            ErrorBodies.end(context, 413, "That is too large",
                    "The request body is larger than " + maxBodySize.asLongValue() / 1024 + " KiB.");
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself, with a 400.
        }
    }
}
