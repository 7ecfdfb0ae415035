package io.paperpost.subscription;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.RejectedRequestException;
import io.paperpost.site.SameOrigin;
import io.paperpost.site.SiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;

/**
 * Anti-forgery for the HTML forms (there is no session to bind a CSRF token to): every form carries a token
 * signed for that form and that reader, and a POST is refused when its token is missing, forged or stale, or
 * when the browser says it comes from another site ({@code Origin}). The token's issue time also gives the
 * signup form's fill time: bots post within milliseconds.
 */
@ApplicationScoped
public class FormGuard {

    /** The form field carrying the token. */
    public static final String FIELD = "formToken";

    @Inject
    ReaderTokens tokens;
    @Inject
    SubscriptionConfig config;
    @Inject
    SiteConfig site;
    @Inject
    Clock clock;

    /** A token for one form; {@code readerId} 0 for the signup form. */
    public String issue(String form, long readerId) {
        return tokens.issue(TokenPurpose.FORM, readerId, form);
    }

    /**
     * Checks a posted form.
     *
     * @param minFillTime refuse a form sent back sooner than this after it was served (null: no minimum)
     * @throws RejectedRequestException with a polite explanation when the post is refused
     */
    public void check(String form, long readerId, String token, String origin, String host, Duration minFillTime) {
        // Origin: null (a sandboxed frame, a redirect across sites) counts as another site.
        if (origin != null && !origin.isBlank() && !SameOrigin.isThisSite(origin, host, site.baseUrl())) {
            throw new RejectedRequestException(Response.Status.FORBIDDEN, "This form was sent from another site",
                    "For your safety we only accept this form from " + site.name()
                            + "'s own pages. Please open the page "
                            + "again and send it from there.",
                    null);
        }
        if (token == null || token.isBlank()) {
            if (config.requireFormToken()) {
                throw expired();
            }
            return;
        }
        ReaderTokens.Verified verified;
        try {
            verified = tokens.verify(token, TokenPurpose.FORM, config.formLifetime());
        } catch (InvalidLinkException e) {
            throw expired();
        }
        if (verified.readerId() != readerId || !verified.subject().equals(form)) {
            throw expired();
        }
        if (minFillTime != null && verified.issuedAt().plus(minFillTime).isAfter(clock.instant())) {
            throw new RejectedRequestException(Response.Status.BAD_REQUEST, "That was quick",
                    "The form came back faster than a person can fill it in, so we held it back in case it was a bot. "
                            + "Please check your details and send the form again.",
                    null);
        }
    }

    private static RejectedRequestException expired() {
        return new RejectedRequestException(Response.Status.BAD_REQUEST, "Please send the form again",
                "This form has expired or was not sent from our page. Please open the page again and resend it "
                        + "(your saved choices are not lost).",
                null);
    }

}
