package io.paperpost.preferences;

import io.paperpost.digest.DigestPreview;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.readinglist.ReadingListLinks;
import io.paperpost.site.ApiError;
import io.paperpost.site.FieldErrors;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.Links;
import io.paperpost.site.RejectedRequestException;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.ClientAddress;
import io.paperpost.subscription.EmailChanges;
import io.paperpost.subscription.FilterChoices;
import io.paperpost.subscription.FormGuard;
import io.paperpost.subscription.LinkSignOut;
import io.paperpost.subscription.Preferences;
import io.paperpost.subscription.PreferencesValidator;
import io.paperpost.subscription.RankingSettings;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderExport;
import io.paperpost.subscription.ReaderFilters;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.Schedule;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.paperpost.subscription.TopicCatalog;
import io.paperpost.subscription.TopicChoice;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The preferences page every email links to; the signed link is the reader's only credential. Every form on
 * it carries a signed form token for this reader (anti-forgery).
 */
@Path("/preferences/{token}")
@Produces(MediaType.TEXT_HTML)
public class PreferencesResource {

    @CheckedTemplate(basePath = "preferences")
    static class Templates {
        static native TemplateInstance manage(String siteName, String email, boolean unsubscribed, PreferencesForm form,
                String notice, String error, FieldErrors errors, List<PreviewItem> preview,
                String formToken, String pagePath, List<String> zones,
                List<String> hours, List<DayChoice> days, FilterForm filters, String readingListUrl,
                String feedUrl);

        static native TemplateInstance erased(String siteName);

        static native TemplateInstance signedOut(String siteName, String email);
    }

    /** The fields of the page in their order on it: the error summary lists refused ones in this order. */
    static final List<String> FIELD_ORDER = List.of("topics", "interests", "authors", "trendWeight", "frequency",
            "weeklyDay", "pausedUntil", "deliveryHour", "timeZone", "papersPerEmail", "mailFormat", "delivery",
            "mustWords",
            "neverWords", "newEmail", "confirm");
    /** The forms of this page, in their form tokens. */
    static final String FORM = "prefs";
    private static final List<String> HOURS = IntStream.range(0, 24).mapToObj(String::valueOf).toList();
    private static final List<DayChoice> DAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> new DayChoice(d.name(), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))).toList();

    /** A weekday option of the form. */
    public record DayChoice(String value, String label) {
    }

    /** One line of the preview: the paper and why it was picked. */
    public record PreviewItem(String title, String reason) {
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    EmailChanges emailChanges;
    @Inject
    LinkSignOut signOut;
    @Inject
    PreferencesValidator validator;
    @Inject
    TopicCatalog catalog;
    @Inject
    ReaderFilters readerFilters;
    @Inject
    SiteConfig site;
    @Inject
    DigestPreview digestPreview;
    @Inject
    FormGuard forms;
    @Inject
    ReaderTokens tokens;
    @Inject
    ReadingListLinks readingList;
    @Inject
    Links links;
    @Context
    HttpServerRequest request;

    @GET
    public TemplateInstance show(@RestPath String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        return page(reader, PreferencesForm.saved(reader, catalog), null, null, new FieldErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String token, @RestForm List<String> topics, @RestForm String interests,
            @RestForm String authors, @RestForm String trendWeight, @RestForm String exploration,
            @RestForm String onlyWhenMatches, @RestForm String papersPerEmail, @RestForm String frequency,
            @RestForm String weeklyDay, @RestForm String pausedUntil, @RestForm String deliveryHour,
            @RestForm String timeZone, @RestForm String mailFormat, @RestForm String delivery,
            @RestForm(FormGuard.FIELD) String formToken, @RestHeader("Origin") String origin,
            @RestHeader("Host") String host) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        List<String> chosen = topics == null ? List.of() : topics;
        PreferencesForm typed = PreferencesForm.saved(reader, catalog).overlay(TopicChoice.of(catalog, chosen),
                interests == null ? "" : interests, authors, trendWeight, exploration != null, onlyWhenMatches != null,
                papersPerEmail, frequency, weeklyDay, pausedUntil, deliveryHour, timeZone, mailFormat, delivery);
        try {
            forms.check(FORM, reader.id, formToken, origin, host, null);
            // A post without a field (an older form, a script) keeps its saved value; checkboxes follow HTML: absent = off.
            FieldErrors errors = new FieldErrors();
            Preferences preferences = errors.attempt(() -> validator.validate(chosen, interests,
                    authors == null ? reader.followedAuthors : List.of(authors)), null);
            String trend = trendWeight != null ? trendWeight : String.valueOf(Math.round(reader.trendWeight * 100));
            RankingSettings settings = errors.attempt(
                    () -> RankingSettings.fromForm(trend, exploration != null, onlyWhenMatches != null), null);
            Schedule schedule = errors.attempt(() -> Schedule.parse(Schedule.of(reader), papersPerEmail, frequency,
                    weeklyDay, pausedUntil, deliveryHour, timeZone, mailFormat, delivery, subscriptions.today(reader)),
                    null);
            errors.throwIfAny();
            Reader saved = subscriptions.updatePreferences(reader.id, preferences, settings, schedule);
            return Response.ok(page(saved, PreferencesForm.saved(saved, catalog),
                    "Saved. Your next email follows these choices.", null, new FieldErrors())).build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, typed, null, null, FieldErrors.of(e).inFormOrder(FIELD_ORDER))).build();
        } catch (RejectedRequestException e) {
            return Response.status(e.status()).entity(page(reader, typed, null, e.getMessage(), new FieldErrors()))
                    .build();
        }
    }

    /** Asks to move the subscription to another address: a link goes to the new one, nothing changes until it is clicked. */
    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeEmail(@RestPath String token, @RestForm String email,
            @RestForm(FormGuard.FIELD) String formToken, @RestHeader("Origin") String origin,
            @RestHeader("Host") String host) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        PreferencesForm saved = PreferencesForm.saved(reader, catalog);
        try {
            forms.check(FORM, reader.id, formToken, origin, host, null);
            emailChanges.request(reader.id, email, ClientAddress.of(request));
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, saved, null, null, FieldErrors.of(new InvalidInputException("newEmail",
                            e.getMessage()))))
                    .build();
        } catch (RejectedRequestException e) {
            return Response.status(e.status()).entity(page(reader, saved, null, e.getMessage(), new FieldErrors()))
                    .build();
        }
        return Response.ok(page(reader, saved, "We sent a link to " + email.strip() + ". Your address changes when you "
                + "click it; until then your emails keep coming here.", null, new FieldErrors())).build();
    }

    /** "Download my data": everything stored about the reader, as a JSON file. */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@RestPath String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        ReaderExport export = subscriptions.export(reader.id);
        return Response.ok(export)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"paperpost-my-data.json\"")
                .build();
    }

    /**
     * "Sign me out everywhere": every link sent before, this page's included, stops working, and a fresh one is
     * emailed. For a reader whose email was forwarded, or who fears someone has a link.
     */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere(@RestPath String token, @RestForm(FormGuard.FIELD) String formToken,
            @RestHeader("Origin") String origin, @RestHeader("Host") String host) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        Optional<Response> refused = refusedForm(reader, formToken, origin, host);
        if (refused.isPresent()) {
            return refused.get();
        }
        Reader signedOut = signOut.signOutEverywhere(reader.id);
        return Response.ok(Templates.signedOut(site.name(), signedOut.email)).build();
    }

    /** The page again with the reason when the form's token or origin is refused; empty when the form is fine. */
    private Optional<Response> refusedForm(Reader reader, String formToken, String origin, String host) {
        try {
            forms.check(FORM, reader.id, formToken, origin, host, null);
            return Optional.empty();
        } catch (RejectedRequestException e) {
            return Optional.of(Response.status(e.status()).entity(page(reader, PreferencesForm.saved(reader, catalog),
                    null, e.getMessage(), new FieldErrors())).build());
        }
    }

    /** Must-have and never words, and unmuting authors and topics muted from the emails. */
    @POST
    @Path("/filters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveFilters(@RestPath String token, @RestForm String mustWords, @RestForm String neverWords,
            @RestForm List<String> mutedAuthors, @RestForm List<String> mutedTopics,
            @RestForm(FormGuard.FIELD) String formToken, @RestHeader("Origin") String origin,
            @RestHeader("Host") String host) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        Optional<Response> refused = refusedForm(reader, formToken, origin, host);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Reader saved = readerFilters.save(reader.id,
                    FilterChoices.parse(reader, mustWords, neverWords, mutedAuthors, mutedTopics));
            return Response.ok(page(saved, PreferencesForm.saved(saved, catalog),
                    "Saved. Your next email follows these filters.", null, new FieldErrors())).build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, PreferencesForm.saved(reader, catalog),
                            FilterForm.typed(reader, catalog, mustWords, neverWords), null, null,
                            FieldErrors.of(e).inFormOrder(FIELD_ORDER)))
                    .build();
        }
    }

    /** "Delete me": erases the reader's data for good, after a ticked confirmation. */
    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath String token, @RestForm String confirm,
            @RestForm(FormGuard.FIELD) String formToken,
            @RestHeader("Origin") String origin, @RestHeader("Host") String host) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        Optional<Response> refused = refusedForm(reader, formToken, origin, host);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (confirm == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, PreferencesForm.saved(reader, catalog),
                            null, null, FieldErrors.of(new InvalidInputException("confirm",
                                    "Tick the box to confirm that everything should be deleted."))))
                    .build();
        }
        subscriptions.erase(reader.id);
        return Response.ok(Templates.erased(site.name())).build();
    }

    /**
     * The next email for the choices as the reader is editing them (not saved): the page's live preview. It takes
     * every setting the email follows; a missing one keeps its saved value, like a post of the form. Answers JSON
     * {@code [{title, reason}]}, or 400 with an {@link ApiError} naming the first refused field.
     */
    @GET
    @Path("/preview")
    @Produces(MediaType.APPLICATION_JSON)
    public Response preview(@RestPath String token, @RestQuery List<String> topics, @RestQuery String interests,
            @RestQuery String authors, @RestQuery String trendWeight, @RestQuery String exploration,
            @RestQuery String onlyWhenMatches, @RestQuery String papersPerEmail) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        List<String> chosen = new ArrayList<>();
        if (topics != null) {
            topics.stream().filter(t -> t != null).flatMap(t -> Arrays.stream(t.split(","))).forEach(chosen::add);
        }
        FieldErrors errors = new FieldErrors();
        Preferences choices = errors.attempt(() -> validator.validate(chosen, interests,
                authors == null ? reader.followedAuthors : List.of(authors)), null);
        RankingSettings settings = errors.attempt(() -> RankingSettings.fromForm(
                trendWeight != null ? trendWeight : String.valueOf(Math.round(reader.trendWeight * 100)),
                exploration == null ? reader.exploration : isOn(exploration),
                onlyWhenMatches == null ? reader.onlyWhenMatches : isOn(onlyWhenMatches)), null);
        Schedule schedule = errors.attempt(() -> Schedule.parse(Schedule.of(reader), papersPerEmail, null, null, null,
                null, null, null, null, subscriptions.today(reader)), null);
        try {
            errors.throwIfAny();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(e.getMessage(), e.field())).build();
        }
        return Response.ok(preview(reader, choices, settings, schedule.papersPerEmail())).build();
    }

    /** A checkbox as the preview script sends it: {@code on} or {@code off}. */
    private static boolean isOn(String box) {
        return "on".equalsIgnoreCase(box.strip()) || "true".equalsIgnoreCase(box.strip());
    }

    private List<PreviewItem> preview(Reader reader, Preferences choices, RankingSettings settings, int papers) {
        // Built as the digest builds it, so the preview shows what the next email would really hold.
        List<RankedPaper> picks = digestPreview.nextEmail(reader, choices, settings, papers);
        return picks.stream().map(p -> new PreviewItem(p.paper().title(), p.reason())).toList();
    }

    private TemplateInstance page(Reader reader, PreferencesForm form, String notice, String error,
            FieldErrors errors) {
        return page(reader, form, FilterForm.saved(reader, catalog), notice, error, errors);
    }

    private TemplateInstance page(Reader reader, PreferencesForm form, FilterForm filters, String notice, String error,
            FieldErrors errors) {
        // The preview shows the saved choices: what the next email would really contain.
        List<PreviewItem> preview = reader.topics.isEmpty() && (reader.interests == null || reader.interests.isBlank())
                && reader.followedAuthors.isEmpty()
                        ? List.of()
                        : preview(reader, new Preferences(reader.topics, reader.interests, reader.followedAuthors),
                                new RankingSettings(reader.trendWeight, reader.exploration, reader.onlyWhenMatches),
                                reader.papersPerEmail);
        return Templates.manage(site.name(), reader.email, reader.status == ReaderStatus.UNSUBSCRIBED, form, notice,
                error, errors, preview, forms.issue(FORM, reader.id),
                "/preferences/" + tokens.issue(TokenPurpose.MANAGE, reader.id), Schedule.ZONE_CHOICES, HOURS, DAYS,
                filters, readingList.list(reader.id), links.feed(tokens.issue(TokenPurpose.FEED, reader.id)));
    }
}
