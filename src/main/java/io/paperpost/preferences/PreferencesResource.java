package io.paperpost.preferences;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.paperpost.site.InvalidInputException;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.Preferences;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.paperpost.subscription.TopicCatalog;
import io.paperpost.subscription.TopicChoice;
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

/** The preferences page every email links to; the signed link is the reader's only credential. */
@Path("/preferences/{token}")
@Produces(MediaType.TEXT_HTML)
public class PreferencesResource {

    @CheckedTemplate(basePath = "preferences")
    static class Templates {
        static native TemplateInstance manage(String siteName, String email, boolean unsubscribed, List<TopicChoice> topics,
                                              String interests, String notice, String error, String errorField);
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    TopicCatalog catalog;
    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance show(@RestPath String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        return page(reader, reader.topics, reader.interests, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String token, @RestForm List<String> topics, @RestForm String interests) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        List<String> chosen = topics == null ? List.of() : topics;
        try {
            Preferences preferences = subscriptions.validate(chosen, interests);
            Reader saved = subscriptions.updatePreferences(reader.id, preferences);
            return Response.ok(page(saved, saved.topics, saved.interests, "Saved. Your next email follows these choices.",
                    null, null)).build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, chosen, interests == null ? "" : interests, null, e.getMessage(), e.field()))
                    .build();
        }
    }

    private TemplateInstance page(Reader reader, List<String> topics, String interests, String notice, String error,
                                  String errorField) {
        return Templates.manage(site.name(), reader.email, reader.status == ReaderStatus.UNSUBSCRIBED,
                TopicChoice.of(catalog, topics), interests, notice, error, errorField);
    }
}
