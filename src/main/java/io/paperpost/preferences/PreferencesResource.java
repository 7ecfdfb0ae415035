package io.paperpost.preferences;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.paperpost.digest.DigestPreview;
import io.paperpost.digest.DigestService;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.site.ApiError;

import io.paperpost.site.InvalidInputException;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.Preferences;
import io.paperpost.subscription.RankingSettings;
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
                                              String interests, String notice, String error, String errorField,
                                              List<PreviewItem> preview, long trendPercent, boolean exploration,
                                              boolean onlyWhenMatches);
    }

    /** How many papers the page's "your next email would contain" shows. */
    static final int PREVIEW_SIZE = 5;
    /** The preview ranks the papers first seen in this many days (all papers when there are none). */
    static final int PREVIEW_DAYS = 7;

    /** One line of the preview: the paper and why it was picked. */
    public record PreviewItem(String title, String reason) {
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    TopicCatalog catalog;
    @Inject
    SiteConfig site;
    @Inject
    DigestPreview digestPreview;
    @Inject
    DigestService digest;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance show(@RestPath String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        return page(reader, reader.topics, reader.interests, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String token, @RestForm List<String> topics, @RestForm String interests,
                         @RestForm String trendWeight, @RestForm String exploration, @RestForm String onlyWhenMatches) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        List<String> chosen = topics == null ? List.of() : topics;
        try {
            Preferences preferences = subscriptions.validate(chosen, interests);
            // A post without the slider (an older form, a script) keeps the saved weight; checkboxes follow HTML: absent = off.
            String trend = trendWeight != null ? trendWeight : String.valueOf(Math.round(reader.trendWeight * 100));
            RankingSettings settings = RankingSettings.fromForm(trend, exploration != null, onlyWhenMatches != null);
            Reader saved = subscriptions.updatePreferences(reader.id, preferences, settings);
            return Response.ok(page(saved, saved.topics, saved.interests, "Saved. Your next email follows these choices.",
                    null, null)).build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, chosen, interests == null ? "" : interests, null, e.getMessage(), e.field()))
                    .build();
        }
    }

    /**
     * The top picks for topics and interests as the reader is editing them (not saved): the page's live preview.
     * Answers JSON {@code [{title, reason}]}, or 400 with an {@link ApiError} when the choices are not acceptable.
     */
    @GET
    @Path("/preview")
    @Produces(MediaType.APPLICATION_JSON)
    public Response preview(@RestPath String token, @RestQuery List<String> topics, @RestQuery String interests) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        List<String> chosen = new ArrayList<>();
        if (topics != null) {
            topics.stream().filter(t -> t != null).flatMap(t -> Arrays.stream(t.split(","))).forEach(chosen::add);
        }
        Preferences preferences;
        try {
            preferences = subscriptions.validate(chosen, interests);
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(e.getMessage(), e.field())).build();
        }
        return Response.ok(preview(reader, preferences.topics(), preferences.interests())).build();
    }

    private List<PreviewItem> preview(Reader reader, List<String> topics, String interests) {
        if (topics.isEmpty() && (interests == null || interests.isBlank())) {
            return List.of();
        }
        // Built as the digest builds it, so the preview shows what the next email would really hold.
        ReaderProfile profile = digest.profile(reader, topics, interests, Set.of());
        List<RankedPaper> picks = digestPreview.rank(digestPreview.recent(LocalDate.now(clock), PREVIEW_DAYS), profile,
                PREVIEW_SIZE);
        return picks.stream().map(p -> new PreviewItem(p.paper().title(), p.reason())).toList();
    }

    private TemplateInstance page(Reader reader, List<String> topics, String interests, String notice, String error,
                                  String errorField) {
        // The preview shows the saved choices: what the next email would really contain.
        return Templates.manage(site.name(), reader.email, reader.status == ReaderStatus.UNSUBSCRIBED,
                TopicChoice.of(catalog, topics), interests, notice, error, errorField,
                preview(reader, reader.topics, reader.interests), Math.round(reader.trendWeight * 100),
                reader.exploration, reader.onlyWhenMatches);
    }
}
