package io.paperpost.admin;

import io.paperpost.site.ErrorBodies;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Answers 401 to an {@code Authorization: Basic} header that is not Base64 of {@code user:password} (RFC 7617), on
 * every path, before Quarkus' basic authentication reads it: that one fails with a 500 and a stack trace for
 * {@code Basic !!!}, even on {@code /q/health}. One log line per refusal.
 */
public class MalformedCredentialsFilter {

    private static final Logger LOG = Logger.getLogger(MalformedCredentialsFilter.class);
    private static final String SCHEME = "basic";

    void register(@Observes Router router) {
        // Right after the body handler, before the authentication that would fail on the header.
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1).handler(this::check);
    }

    void check(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !isBasic(header) || wellFormed(header.substring(SCHEME.length()).strip())) {
            context.next();
            return;
        }
        LOG.infof("Refused a malformed Basic Authorization header on %s", context.request().path());
        context.response().putHeader("WWW-Authenticate", "Basic realm=\"PaperPost admin\", charset=\"UTF-8\"");
        ErrorBodies.end(context, 401, "Sign-in failed", "The Authorization header is not valid Basic credentials.");
    }

    private static boolean isBasic(String header) {
        return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || Character.isWhitespace(header.charAt(SCHEME.length())));
    }

    private static boolean wellFormed(String credentials) {
        try {
            return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8).indexOf(':') >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
