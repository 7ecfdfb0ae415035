package io.paperpost.preferences;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.FormGuard;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Unsubscribe links. GET only shows a button, because mail scanners open links; POST unsubscribes at once.
 * The POST is RFC 8058's one-click unsubscribe, which mail providers send with the body
 * {@code List-Unsubscribe=One-Click} and no form token; the body is not required, as the signed link alone says
 * who and what (and a forged unsubscribe does no harm a reader cannot undo). The page's other choices, pause
 * instead and resubscribe, are ordinary forms with a form token.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    /** How long "pause instead" pauses. */
    static final int PAUSE_DAYS = 28;
    static final String FORM = "unsubscribe";

    @CheckedTemplate(basePath = "preferences")
    static class Templates {
        static native TemplateInstance unsubscribe(String siteName, String email, boolean alreadyUnsubscribed,
                String pagePath, String formToken, String manageUrl, String notice);

        static native TemplateInstance unsubscribed(String siteName, String email, String pagePath, String formToken);
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    SiteConfig site;
    @Inject
    FormGuard forms;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;

    @GET
    public TemplateInstance confirmPage(@RestPath String token) {
        SubscriptionService.UnsubscribeLink link = subscriptions.unsubscribeLink(token);
        return page(link.reader(), link.current(), token, null);
    }

    /** One click: takes effect at once and answers 200 (no redirect), as RFC 8058 asks. */
    @POST
    public TemplateInstance unsubscribe(@RestPath String token, @RestForm String reason) {
        SubscriptionService.UnsubscribeLink link = subscriptions.unsubscribeLink(token);
        Reader reader = link.reader();
        subscriptions.unsubscribe(reader.id, reason);
        return Templates.unsubscribed(site.name(), reader.email, "/unsubscribe/" + token,
                link.current() ? forms.issue(FORM, reader.id) : null);
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance pauseInstead(@RestPath String token, @RestForm(FormGuard.FIELD) String formToken,
            @RestHeader("Origin") String origin, @RestHeader("Host") String host) {
        Reader reader = checkedForm(token, formToken, origin, host);
        Reader paused = subscriptions.pauseUntil(reader.id, subscriptions.today(reader).plusDays(PAUSE_DAYS));
        return page(paused, true, token, "Paused: nothing arrives before " + paused.pausedUntil
                + ". After that your emails start again by themselves.");
    }

    @POST
    @Path("/resubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance resubscribe(@RestPath String token, @RestForm(FormGuard.FIELD) String formToken,
            @RestHeader("Origin") String origin, @RestHeader("Host") String host) {
        Reader back = subscriptions.resubscribe(checkedForm(token, formToken, origin, host).id);
        return page(back, true, token, "Welcome back: you are subscribed again, with your previous settings.");
    }

    /**
     * The link's reader, once the page's form token and origin are checked. A link from before the reader signed out
     * everywhere only unsubscribes: its page has no other form.
     */
    private Reader checkedForm(String token, String formToken, String origin, String host) {
        SubscriptionService.UnsubscribeLink link = subscriptions.unsubscribeLink(token);
        if (!link.current()) {
            throw new InvalidLinkException("unsubscribe link from before the reader signed out everywhere");
        }
        forms.check(FORM, link.reader().id, formToken, origin, host, null);
        return link.reader();
    }

    /** @param offersMore whether the link may pause, resubscribe and lead to the preferences (see checkedForm) */
    private TemplateInstance page(Reader reader, boolean offersMore, String token, String notice) {
        return Templates.unsubscribe(site.name(), reader.email, reader.status == ReaderStatus.UNSUBSCRIBED,
                "/unsubscribe/" + token, offersMore ? forms.issue(FORM, reader.id) : null,
                offersMore ? links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)) : null, notice);
    }
}
