package io.paperpost.admin;

import io.paperpost.digest.RunFailures;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A run's emails that did not go out (failed, retrying, suppressed), linked from its row on the dashboard; how an
 * email is tied to a run is {@link RunFailures}'s to say, and the page says it too.
 */
@Path("/admin/runs/{id}/failures")
@RolesAllowed(AdminIdentityProvider.ROLE)
public class AdminRunFailuresResource {

    /** Rows on the page; a run with more says so (the runs table has its counts). */
    static final int MAX_ROWS = 500;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance runFailures(RunFailures.Listing listing);
    }

    @Inject
    RunFailures failures;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestPath long id) {
        return Templates.runFailures(
                failures.of(id, MAX_ROWS).orElseThrow(() -> new NotFoundException("There is no digest run " + id
                        + ". The dashboard lists the recent runs.")));
    }
}
