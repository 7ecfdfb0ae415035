package io.paperpost.admin;

import io.paperpost.papers.DailyImport;
import io.paperpost.papers.ImportRunView;
import io.paperpost.papers.ImportRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

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
    public Response list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "limit must be between 1 and " + MAX_LIMIT)).build();
        }
        return Response.ok(runs.recent(limit)).build();
    }

    /** Runs the daily import now (every enabled source) and returns one run per source; 409 if one is running. */
    @POST
    @Path("/run")
    public Response run() {
        try {
            List<ImportRunView> results = dailyImport.runNow();
            return Response.ok(results).build();
        } catch (DailyImport.AlreadyRunningException e) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
