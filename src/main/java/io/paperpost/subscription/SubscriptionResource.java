package io.paperpost.subscription;

import io.paperpost.site.FieldErrors;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.Links;
import io.paperpost.site.RejectedRequestException;
import io.paperpost.site.SiteConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The signup form, resending the confirmation, and the confirmation link. The form carries a signed token
 * (anti-forgery and fill time) and a honeypot field people never see.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionResource {

    private static final Logger LOG = Logger.getLogger(SubscriptionResource.class);
    /** The signup form's name in its form token. */
    static final String SIGNUP_FORM = "signup";
    /** The honeypot: hidden from people, filled in by bots that fill in every field. */
    static final String HONEYPOT = "website";

    @CheckedTemplate(basePath = "subscription")
    static class Templates {
        static native TemplateInstance signup(String siteName, List<TopicChoice> topics, String email, String interests,
                String error, FieldErrors errors, String formToken);

        static native TemplateInstance checkInbox(String siteName, String email, String formToken, boolean resent);

        static native TemplateInstance confirmPrompt(String siteName);

        static native TemplateInstance confirmed(String siteName, String manageUrl, boolean alreadyConfirmed);
    }

    @Inject
    SignupService signups;
    @Inject
    SubscriptionConfig config;
    @Inject
    TopicCatalog catalog;
    @Inject
    SiteConfig site;
    @Inject
    ReaderTokens tokens;
    @Inject
    FormGuard forms;
    @Inject
    Links links;
    @Context
    HttpServerRequest request;

    @GET
    public TemplateInstance signupForm() {
        return Templates.signup(site.name(), TopicChoice.of(catalog, List.of()), "", "", null, new FieldErrors(),
                signupToken());
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@RestForm String email, @RestForm List<String> topics, @RestForm String interests,
            @RestForm String timezone, @RestForm(HONEYPOT) String website,
            @RestForm(FormGuard.FIELD) String formToken, @RestHeader("Origin") String origin,
            @RestHeader("Host") String host) {
        List<String> chosen = topics == null ? List.of() : topics;
        try {
            forms.check(SIGNUP_FORM, 0, formToken, origin, host, config.minFillTime());
            if (website != null && !website.isEmpty()) {
                // Answer as if it worked, so the bot learns nothing; store and send nothing.
                LOG.debug("Signup with the honeypot filled in ignored");
                return Response.ok(Templates.checkInbox(site.name(), "your address", signupToken(), false)).build();
            }
            signups.subscribe(new SignupService.Signup(email, chosen, interests, List.of(), timezone),
                    ClientAddress.of(request));
        } catch (InvalidInputException e) {
            return formAgain(400, email, chosen, interests, e.getMessage(), e.field());
        } catch (RejectedRequestException e) {
            return e.withRetryAfter(formAgain(e.status().getStatusCode(), email, chosen, interests, e.getMessage(),
                    e.field()));
        }
        return Response.ok(Templates.checkInbox(site.name(), email.strip(), signupToken(), false)).build();
    }

    @POST
    @Path("subscribe/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@RestForm String email, @RestForm(FormGuard.FIELD) String formToken,
            @RestHeader("Origin") String origin, @RestHeader("Host") String host) {
        forms.check(SIGNUP_FORM, 0, formToken, origin, host, null);
        signups.resendConfirmation(email, ClientAddress.of(request));
        return Response.ok(Templates.checkInbox(site.name(), email.strip(), signupToken(), true)).build();
    }

    /**
     * The confirmation link opens a page with one button, and changes nothing: mail scanners open every link in an
     * email, and the reader's confirmation must be theirs (double opt-in). A link that is not valid is a 404 here.
     */
    @GET
    @Path("confirm/{token}")
    public TemplateInstance confirmPage(@RestPath String token) {
        signups.checkConfirmationLink(token);
        return Templates.confirmPrompt(site.name());
    }

    @POST
    @Path("confirm/{token}")
    public TemplateInstance confirm(@RestPath String token) {
        SignupService.Confirmation confirmation = signups.confirm(token);
        return Templates.confirmed(site.name(),
                links.preferences(tokens.issue(TokenPurpose.MANAGE, confirmation.reader().id)),
                !confirmation.newlyConfirmed());
    }

    /** The form again, as typed: an error about one field shows under that field only, any other above the form. */
    private Response formAgain(int status, String email, List<String> chosen, String interests, String error,
            String field) {
        FieldErrors errors = field == null
                ? new FieldErrors()
                : FieldErrors.of(new InvalidInputException(field, error));
        return Response.status(status)
                .entity(Templates.signup(site.name(), TopicChoice.of(catalog, chosen), email == null ? "" : email,
                        interests == null ? "" : interests, field == null ? error : null, errors, signupToken()))
                .build();
    }

    private String signupToken() {
        return forms.issue(SIGNUP_FORM, 0);
    }
}
