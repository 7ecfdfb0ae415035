package io.paperpost.admin;

import io.github.bucket4j.ConsumptionProbe;
import io.paperpost.site.ErrorBodies;
import io.paperpost.site.KeyedBuckets;
import io.paperpost.site.RejectedRequestException;
import io.paperpost.subscription.ClientAddress;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Logs every failed admin sign-in (a request with Basic credentials answered 401) and, per client address, lets
 * {@link AdminConfig#loginFailures()} of them through per period ({@link KeyedBuckets}, as for signups); a client
 * that used them up gets 429 with {@code Retry-After} before its credentials are even checked, so guessing the
 * password is slow. A restart forgets the failures, which lets at most one more allowance through.
 */
@ApplicationScoped
public class AdminLoginThrottle {

    private static final Logger LOG = Logger.getLogger(AdminLoginThrottle.class);
    /** Beyond this many tracked addresses, those whose allowance is whole again are dropped. */
    static final int MAX_TRACKED = 10_000;

    @Inject
    AdminConfig config;

    private volatile KeyedBuckets failures;

    @PostConstruct
    void init() {
        allow(config.loginFailures(), config.loginFailurePeriod());
    }

    /** Sets the allowance and forgets every client's failures; also for tests, which sign in wrongly on purpose. */
    void allow(int failuresPerPeriod, Duration period) {
        failures = new KeyedBuckets(failuresPerPeriod, period, MAX_TRACKED);
    }

    void register(@Observes Router router) {
        // After MalformedCredentialsFilter (which refuses headers that are not credentials), before authentication.
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 2).handler(this::check);
    }

    void check(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            context.next();
            return;
        }
        String client = ClientAddress.of(context.request());
        Duration wait = failures.waitFor(client);
        if (!wait.isZero()) {
            long seconds = RejectedRequestException.retryAfterSeconds(wait);
            context.response().putHeader("Retry-After", Long.toString(seconds));
            ErrorBodies.end(context, 429, "Please slow down",
                    "Too many failed sign-ins from your address. Try again in " + seconds + " seconds.");
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                recordFailure(client, userNameIn(authorization), context.request().path());
            }
        });
        context.next();
    }

    private void recordFailure(String client, String user, String path) {
        ConsumptionProbe probe = failures.take(client);
        LOG.warnf("Failed admin sign-in as '%s' from %s on %s (%d more allowed before it waits)", user, client, path,
                probe.getRemainingTokens());
    }

    /** The user name of Basic credentials, made safe for one log line (no line breaks, at most 64 characters). */
    static String userNameIn(String authorization) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "?";
        }
        String user = decoded.substring(0, Math.max(0, decoded.indexOf(':'))).replaceAll("\\p{Cntrl}", "?");
        return user.length() > 64 ? user.substring(0, 64) + "…" : user;
    }
}
