package io.paperpost.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.papers.ImportReport;
import io.paperpost.papers.JsonLinesPaperSource;
import io.paperpost.papers.PaperImporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.RestQuery;

/** Imports papers posted as JSON Lines in the sample format. */
@Path("/api/v1/admin/papers")
@RolesAllowed(AdminIdentityProvider.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminPapersResource {

    @Inject
    PaperImporter importer;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /**
     * Streams the body through the importer: each line is a paper; bad lines are counted with their number
     * and the good ones stored.
     *
     * @param firstSeenOn the day to record new papers as first seen (default: today, UTC)
     */
    @POST
    @Consumes("application/x-ndjson")
    public ImportReport importPapers(InputStream body, @RestQuery String firstSeenOn) throws IOException {
        LocalDate seen = firstSeenOn == null ? LocalDate.now(clock) : AdminDates.parse("firstSeenOn", firstSeenOn);
        return importer.importFrom(new JsonLinesPaperSource("upload", body, json), seen);
    }
}
