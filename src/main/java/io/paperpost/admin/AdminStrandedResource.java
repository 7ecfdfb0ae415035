package io.paperpost.admin;

import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.delivery.StrandedSends;
import io.paperpost.digest.DigestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The dashboard's "send now" for an email a crash left SENDING ({@link StrandedSends}): the operator, who has checked
 * the mail server's log, has that reader's email for that date sent once. A POST, admin only, from this site only:
 * mail scanners and link previews open every GET link.
 */
@Path("/admin/stranded")
@RolesAllowed(AdminIdentityProvider.ROLE)
public class AdminStrandedResource {

    private static final Logger LOG = Logger.getLogger(AdminStrandedResource.class);

    @Inject
    StrandedSends stranded;
    @Inject
    DigestService digest;

    @POST
    @Path("{deliveryId}/send")
    public Response sendNow(@RestPath long deliveryId, @RestHeader("Origin") String origin,
            @RestHeader("Referer") String referer, @RestHeader("Host") String host) {
        AdminDashboardResource.requireSameOrigin(origin, referer, host);
        Optional<StrandedSends.Stranded> released = stranded.release(deliveryId);
        if (released.isEmpty()) {
            return AdminDashboardResource.backToDashboard("Nothing sent: that email is no longer left SENDING (sent"
                    + " already, or a send of it is under way).");
        }
        StrandedSends.Stranded email = released.get();
        String reason = "the reader is not active, or has no papers for the date";
        try {
            digest.sendNow(email.readerId(), email.digestDate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Send now of reader %d's email of %s failed", email.readerId(), email.digestDate());
            reason = e.toString();
        }
        StrandedSends.Settled settled = stranded.settle(deliveryId, reason);
        LOG.infof("Send now by the operator: reader %d's email of %s (left SENDING since %s): %s", email.readerId(),
                email.digestDate(), email.since(), settled.status());
        return AdminDashboardResource.backToDashboard(settled.status() == DeliveryStatus.SENT
                ? "Sent the email of " + email.digestDate() + " to " + email.email() + "."
                : "Not sent to " + email.email() + " (" + settled.status() + "): " + settled.lastError());
    }
}
