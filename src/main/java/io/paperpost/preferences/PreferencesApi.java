package io.paperpost.preferences;

import io.paperpost.site.InvalidInputException;
import io.paperpost.subscription.ClientAddress;
import io.paperpost.subscription.DeliveryChannel;
import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.EmailChanges;
import io.paperpost.subscription.MailFormat;
import io.paperpost.subscription.Preferences;
import io.paperpost.subscription.PreferencesValidator;
import io.paperpost.subscription.RankingSettings;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderExport;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.Schedule;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The reader side of the JSON API, by signed token: preferences, change of address, export, erase, unsubscribe.
 * Validation and errors are the pages' ({@code {"error", "field"}} with a 4xx; 404 for any invalid token).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reader", description = "Everything a reader can do from the signed links in their emails")
public class PreferencesApi {

    /**
     * A reader's settings as stored. {@code trendPercent}: 0 = only personal relevance, 100 = only trend;
     * {@code delivery}: {@code EMAIL}, or {@code FEED} for the Atom feed only, no email.
     */
    public record PreferencesView(String email, ReaderStatus status, List<String> topics, String interests,
            List<String> authors, long trendPercent, boolean exploration, boolean onlyWhenMatches,
            int papersPerEmail, DigestFrequency frequency, DayOfWeek weeklyDay,
            LocalDate pausedUntil, int deliveryHour, String timeZone, MailFormat mailFormat,
            DeliveryChannel delivery) {

        static PreferencesView of(Reader r) {
            return new PreferencesView(r.email, r.status, List.copyOf(r.topics), r.interests,
                    List.copyOf(r.followedAuthors),
                    Math.round(r.trendWeight * 100), r.exploration, r.onlyWhenMatches, r.papersPerEmail, r.frequency,
                    r.weeklyDay, r.pausedUntil, r.deliveryHour, r.timeZone, r.mailFormat, r.deliveryChannel);
        }
    }

    /**
     * A change of settings: a missing (null) field keeps its value; {@code pausedUntil: ""} ends a pause.
     * Numbers may be sent as numbers or strings.
     */
    public record PreferencesUpdate(List<String> topics, String interests, List<String> authors, String trendPercent,
            Boolean exploration, Boolean onlyWhenMatches, String papersPerEmail,
            String frequency, String weeklyDay, String pausedUntil, String deliveryHour,
            String timeZone, String mailFormat, String delivery) {
    }

    public record EmailChangeRequest(String email) {
    }

    public record UnsubscribeRequest(String reason) {
    }

    public record Status(String email, ReaderStatus status, String message) {
    }

    @Inject
    SubscriptionService subscriptions;
    @Inject
    EmailChanges emailChanges;
    @Inject
    PreferencesValidator validator;
    @Context
    HttpServerRequest request;

    @GET
    @Path("/preferences/{token}")
    @Operation(summary = "Read a reader's preferences", description = "The token from a manage link.")
    public PreferencesView get(@RestPath String token) {
        return PreferencesView.of(subscriptions.readerFor(token, TokenPurpose.MANAGE));
    }

    @PUT
    @Path("/preferences/{token}")
    @Operation(summary = "Change a reader's preferences", description = "Fields left out keep their value. All or "
            + "nothing: on a 400 nothing is saved.")
    public PreferencesView update(@RestPath String token, PreferencesUpdate body) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        PreferencesUpdate u = body == null
                ? new PreferencesUpdate(null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null)
                : body;
        Preferences preferences = validator.validate(u.topics() == null ? reader.topics : u.topics(),
                u.interests() == null ? reader.interests : u.interests(),
                u.authors() == null ? reader.followedAuthors : u.authors());
        RankingSettings settings;
        try {
            settings = RankingSettings.fromForm(
                    u.trendPercent() == null ? String.valueOf(Math.round(reader.trendWeight * 100)) : u.trendPercent(),
                    u.exploration() == null ? reader.exploration : u.exploration(),
                    u.onlyWhenMatches() == null ? reader.onlyWhenMatches : u.onlyWhenMatches());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("trendPercent", e.getMessage());
        }
        Schedule schedule = Schedule.parse(Schedule.of(reader), u.papersPerEmail(), u.frequency(), u.weeklyDay(),
                u.pausedUntil(), u.deliveryHour(), u.timeZone(), u.mailFormat(), u.delivery(),
                subscriptions.today(reader));
        return PreferencesView.of(subscriptions.updatePreferences(reader.id, preferences, settings, schedule));
    }

    @POST
    @Path("/preferences/{token}/email-change")
    @Operation(summary = "Change the address", description = "Emails a confirmation link to the new address; the "
            + "subscription moves when it is followed. 202 whether or not the address is in use.")
    public Response requestEmailChange(@RestPath String token, EmailChangeRequest body) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.MANAGE);
        emailChanges.request(reader.id, body == null ? null : body.email(), ClientAddress.of(request));
        return Response.accepted(new Status(reader.email, reader.status,
                "A confirmation link was sent to the new address; nothing changes until it is followed.")).build();
    }

    @POST
    @Path("/email-changes/{token}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a new address", description = "The token from the email sent to the new address.")
    public Status confirmEmailChange(@RestPath String token) {
        Reader reader = emailChanges.confirm(token);
        return new Status(reader.email, reader.status, "Address changed.");
    }

    @GET
    @Path("/preferences/{token}/export")
    @Operation(summary = "Download my data", description = "Everything stored about the reader: settings, every "
            + "email sent (date, status, papers) and ratings.")
    public ReaderExport export(@RestPath String token) {
        return subscriptions.export(subscriptions.readerFor(token, TokenPurpose.MANAGE).id);
    }

    @DELETE
    @Path("/preferences/{token}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete me", description = "Erases the reader, their deliveries and ratings; keeps only a "
            + "keyed hash of the address on the suppression list. 204.")
    public Response erase(@RestPath String token) {
        subscriptions.erase(subscriptions.readerFor(token, TokenPurpose.MANAGE).id);
        return Response.noContent().build();
    }

    @POST
    @Path("/unsubscribe/{token}")
    @Operation(summary = "Unsubscribe", description = "The token from an unsubscribe link; an optional reason is kept.")
    public Status unsubscribe(@RestPath String token, UnsubscribeRequest body) {
        Reader reader = subscriptions.unsubscribeLink(token).reader();
        subscriptions.unsubscribe(reader.id, body == null ? null : body.reason());
        return new Status(reader.email, ReaderStatus.UNSUBSCRIBED, "Unsubscribed: nothing more will be sent.");
    }
}
