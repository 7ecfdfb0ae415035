package io.paperpost.admin;

import io.paperpost.papers.DailyImport;
import io.paperpost.papers.ImportRunView;
import io.paperpost.papers.ImportRuns;
import io.paperpost.site.RejectedRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** Paper imports for the admin: what ran and how it went, and a way to run the daily import now. */
@Path("/api/v1/admin/imports")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminImportsResource {

    static final int MAX_LIMIT = 500;

    @Inject
    ImportRuns runs;
    @Inject
    DailyImport dailyImport;

    /** The most recent import runs, newest first: source, times, status, counts, first errors. */
    @GET
    public List<ImportRunView> list(@RestQuery String limit) {
        return runs.recent(AdminLimits.parse(limit, 50, MAX_LIMIT));
    }

    /** Runs the daily import now (every enabled source) and returns one run per source; 409 if one is running. */
    @POST
    @Path("/run")
    public Response run() {
        try {
            List<ImportRunView> results = dailyImport.runNow();
            return Response.ok(results).build();
        } catch (DailyImport.AlreadyRunningException e) {
            throw new RejectedRequestException(Response.Status.CONFLICT, "Already running", e.getMessage(), null);
        }
    }
}
