package io.paperpost.admin;

import io.paperpost.bounces.BounceIntake;
import io.paperpost.bounces.BounceOutcome;
import io.paperpost.bounces.ReportSource;
import io.paperpost.site.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP intake of late bounces and complaints, for an MTA that pipes what reaches the bounce address to a command
 * ({@code curl --data-binary @- -H 'Content-Type: message/rfc822' …}, README "Bounces and complaints"): one raw
 * message per request, read and applied like one from the bounce mailbox. 200 with what was done (also for a
 * report that matched nothing, or was received before); 422 with the reason for a message that is not a readable
 * report, which is kept aside all the same.
 */
@Path("/api/v1/admin/bounces")
@RolesAllowed(AdminIdentityProvider.ROLE)
public class AdminBouncesResource {

    @Inject
    BounceIntake intake;

    @POST
    @Consumes("message/rfc822")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(byte[] message) {
        BounceOutcome outcome = intake.receive(message, ReportSource.HTTP);
        if (outcome.notUnderstood()) {
            // The MTA's pipe gets a failure it can log (curl --fail), and the message stays in the table anyway.
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("not a readable bounce or feedback report: " + outcome.detail()
                            + " (kept aside as report " + outcome.report() + ")", "message"))
                    .build();
        }
        return Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
