package io.paperpost.subscription;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.paperpost.site.InvalidInputException;
import io.paperpost.site.SiteConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signup form and the confirmation link. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionResource {

    @CheckedTemplate(basePath = "subscription")
    static class Templates {
        static native TemplateInstance signup(String siteName, List<TopicChoice> topics, String email, String interests,
                                              String error, String errorField);

        static native TemplateInstance checkInbox(String siteName, String email);

        static native TemplateInstance confirmed(String siteName, String manageUrl);
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    TopicCatalog catalog;
    @Inject
    SiteConfig site;
    @Inject
    ReaderTokens tokens;
    @Inject
    io.paperpost.site.Links links;

    @GET
    public TemplateInstance signupForm() {
        return Templates.signup(site.name(), TopicChoice.of(catalog, List.of()), "", "", null, null);
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@RestForm String email, @RestForm List<String> topics, @RestForm String interests) {
        try {
            subscriptions.subscribe(email, topics, interests);
        } catch (InvalidInputException e) {
            List<String> chosen = topics == null ? List.of() : topics;
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signup(site.name(), TopicChoice.of(catalog, chosen), email == null ? "" : email,
                            interests == null ? "" : interests, e.getMessage(), e.field()))
                    .build();
        }
        return Response.ok(Templates.checkInbox(site.name(), email.strip())).build();
    }

    @GET
    @Path("confirm/{token}")
    public TemplateInstance confirm(@RestPath String token) {
        Reader reader = subscriptions.confirm(token);
        return Templates.confirmed(site.name(), links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)));
    }
}
