package io.paperpost.preferences;

import org.jboss.resteasy.reactive.RestPath;

import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Unsubscribe links. GET only shows a button, because mail scanners open links; POST unsubscribes at once.
 * The POST is RFC 8058's one-click unsubscribe, which mail providers send with the body
 * {@code List-Unsubscribe=One-Click}; the body is not required, as the signed link alone says who and what.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate(basePath = "preferences")
    static class Templates {
        static native TemplateInstance unsubscribe(String siteName, String email, boolean alreadyUnsubscribed);

        static native TemplateInstance unsubscribed(String siteName, String email);
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance confirmPage(@RestPath String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.UNSUBSCRIBE);
        return Templates.unsubscribe(site.name(), reader.email, reader.status == ReaderStatus.UNSUBSCRIBED);
    }

    @POST
    public TemplateInstance unsubscribe(@RestPath String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.UNSUBSCRIBE);
        subscriptions.unsubscribe(reader.id);
        return Templates.unsubscribed(site.name(), reader.email);
    }
}
