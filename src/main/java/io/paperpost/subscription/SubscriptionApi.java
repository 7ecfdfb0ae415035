package io.paperpost.subscription;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The signup side of the JSON API: the same rules as the form (validation, no enumeration, rate limits, double
 * opt-in). A JSON body cannot be sent cross-site without CORS, so no form token is needed here.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Sign up, confirm, resend the confirmation")
public class SubscriptionApi {

    /** A signup: {@code topics} are ids from the topic list, {@code timezone} an IANA id (default UTC). */
    public record SignupRequest(String email, List<String> topics, String interests, List<String> authors,
            String timezone) {
    }

    public record ResendRequest(String email) {
    }

    /** The same answer whether or not the address was already known. */
    public record Accepted(String status, String message) {
    }

    /** A confirmed subscription and the token that manages it (what the welcome email links to). */
    public record Confirmed(String email, ReaderStatus status, boolean alreadyConfirmed, String manageToken) {
    }

    @Inject
    SignupService signups;
    @Inject
    ReaderTokens tokens;
    @Context
    HttpServerRequest request;

    @POST
    @Path("/subscriptions")
    @Operation(summary = "Sign up", description = "Stores an unconfirmed reader and emails a confirmation link; answers "
            + "202 whether or not the address is already subscribed. 400 {error, field} on invalid input, 429 when "
            + "rate limited.")
    public Response subscribe(SignupRequest body) {
        SignupRequest signup = body == null ? new SignupRequest(null, null, null, null, null) : body;
        signups.subscribe(new SignupService.Signup(signup.email(), signup.topics(), signup.interests(),
                signup.authors(), signup.timezone()), ClientAddress.of(request));
        return Response
                .accepted(
                        new Accepted("pending", "If the address can receive email, a confirmation link is on its way."))
                .build();
    }

    @POST
    @Path("/subscriptions/resend")
    @Operation(summary = "Resend the confirmation link", description = "At most once per resend interval per address; "
            + "answers 202 whatever the address.")
    public Response resend(ResendRequest body) {
        signups.resendConfirmation(body == null ? null : body.email(), ClientAddress.of(request));
        return Response
                .accepted(new Accepted("pending",
                        "If that address is waiting for confirmation, the link was sent again."))
                .build();
    }

    @POST
    @Path("/subscriptions/confirmations/{token}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a subscription", description = "The token from the confirmation email. Confirming "
            + "twice is harmless (alreadyConfirmed: true). 404 for a tampered, expired or wrong-purpose token.")
    public Confirmed confirm(@RestPath String token) {
        SignupService.Confirmation confirmation = signups.confirm(token);
        Reader reader = confirmation.reader();
        return new Confirmed(reader.email, reader.status, !confirmation.newlyConfirmed(),
                tokens.issue(TokenPurpose.MANAGE, reader.id));
    }
}
