package io.paperpost.admin;

import io.paperpost.digest.DigestRuns;
import io.paperpost.digest.RunView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Digest run records: recent runs, and one run with its live progress while it runs. */
@Path("/api/v1/admin/runs")
@RolesAllowed(AdminIdentityProvider.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminRunsResource {

    static final int MAX_LIMIT = 500;

    @Inject
    DigestRuns runs;

    /** The most recent digest runs, newest first. */
    @GET
    public List<RunView> recent(@RestQuery String limit) {
        return runs.recent(AdminLimits.parse(limit, 50, MAX_LIMIT));
    }

    @GET
    @Path("{id}")
    public RunView one(@RestPath long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No digest run " + id));
    }
}
