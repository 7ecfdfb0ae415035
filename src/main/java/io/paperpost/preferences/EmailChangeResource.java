package io.paperpost.preferences;

import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.EmailChanges;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** The link sent to a new address: clicking it moves the subscription there. */
@Path("/email-change/{token}")
@Produces(MediaType.TEXT_HTML)
public class EmailChangeResource {

    @CheckedTemplate(basePath = "preferences")
    static class Templates {
        static native TemplateInstance emailChangePrompt(String siteName, String email);

        static native TemplateInstance emailChanged(String siteName, String email, String manageUrl);
    }

    @Inject
    EmailChanges emailChanges;
    @Inject
    SiteConfig site;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;

    /** The link opens a page with one button and changes nothing: mail scanners open every link in an email. */
    @GET
    public TemplateInstance ask(@RestPath String token) {
        return Templates.emailChangePrompt(site.name(), emailChanges.addressOf(token));
    }

    @POST
    public TemplateInstance confirm(@RestPath String token) {
        Reader reader = emailChanges.confirm(token);
        return Templates.emailChanged(site.name(), reader.email,
                links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)));
    }
}
