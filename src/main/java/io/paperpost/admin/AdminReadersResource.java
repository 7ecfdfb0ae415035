package io.paperpost.admin;

import io.paperpost.subscription.ImportConsent;
import io.paperpost.subscription.ReaderCsvExport;
import io.paperpost.subscription.ReaderImport;
import io.paperpost.subscription.ReaderImportReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.RestQuery;

/** The operator moves their list in and out: subscriber import (CSV or one address per line) and CSV export. */
@Path("/api/v1/admin/readers")
@RolesAllowed(AdminIdentityProvider.ROLE)
public class AdminReadersResource {

    @Inject
    ReaderImport readerImport;
    @Inject
    ReaderCsvExport export;
    @Inject
    Clock clock;

    /**
     * Imports the posted file as it arrives (the body is streamed, never held whole) and answers what became of each
     * row. 400 when {@code consent} is missing or unknown (before anything is read), when the file has no rows, or
     * when it stopped being readable CSV part way (the report then tells how far it got).
     *
     * @param consent {@code confirmed} (the operator states the readers agreed) or {@code double-opt-in}
     */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importReaders(InputStream body, @RestQuery String consent) throws IOException {
        ImportConsent stated = ImportConsent.parse(consent);
        ReaderImportReport report = readerImport.importFrom(body, stated);
        return Response.status(report.error() == null ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(report).build();
    }

    /** Every reader as CSV ({@code email,name,attributes}), written as it is read. */
    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response exportReaders() {
        StreamingOutput body = export::writeTo;
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        "attachment; filename=\"paperpost-readers-" + LocalDate.now(clock) + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }
}
