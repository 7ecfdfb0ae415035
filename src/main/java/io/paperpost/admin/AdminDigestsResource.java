package io.paperpost.admin;

import io.paperpost.digest.DigestConfig;
import io.paperpost.digest.DigestService;
import io.paperpost.digest.DigestSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.RestQuery;

/** Runs a digest now, the same run the nightly job does. */
@Path("/api/v1/admin/digests")
@RolesAllowed(AdminIdentityProvider.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminDigestsResource {

    @Inject
    DigestService digest;
    @Inject
    DigestConfig config;
    @Inject
    Clock clock;
    @Inject
    AdminConfig admin;

    /**
     * @param date the digest date (default: today in the digest zone), at most {@code run-date-window-days} away; a
     *             date already sent sends nothing again
     */
    @POST
    public DigestSummary run(@RestQuery String date) {
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        LocalDate day = date == null ? today : AdminDates.parseNear("date", date, today, admin.runDateWindowDays());
        return digest.run(day);
    }
}
