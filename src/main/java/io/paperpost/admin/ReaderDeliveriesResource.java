package io.paperpost.admin;

import io.paperpost.bounces.BounceHistory;
import io.paperpost.delivery.DeliveryQueries;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * For the admin: a reader's status (BOUNCED when suppressed by a hard bounce) and their delivery ledger rows, with the
 * bounces and complaints that arrived after sending ({@code bounces}, newest first).
 */
@Path("/api/v1/admin/readers/{id}/deliveries")
@RolesAllowed(AdminIdentityProvider.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class ReaderDeliveriesResource {

    static final int MAX_LIMIT = 500;

    @Inject
    DeliveryQueries deliveryQueries;
    @Inject
    BounceHistory bounces;

    /** What the admin sees of a reader's email history. */
    public record ReaderDeliveries(long readerId, ReaderStatus readerStatus, List<Row> deliveries,
            List<BounceHistory.Event> bounces) {
    }

    /** One ledger row. */
    public record Row(long id, LocalDate digestDate, DeliveryStatus status, int attempts, String messageId,
            Instant createdAt, Instant updatedAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
    }

    @GET
    public ReaderDeliveries list(@RestPath long id, @RestQuery String limit) {
        int rows = AdminLimits.parse(limit, 50, MAX_LIMIT);
        ReaderStatus status = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findByIdOptional(id)
                .map(r -> r.status).orElseThrow(() -> new NotFoundException("no reader " + id)));
        return new ReaderDeliveries(id, status, deliveryQueries.forReader(id, rows).stream()
                .map(d -> new Row(d.id, d.digestDate, d.status, d.attempts, d.messageId, d.createdAt, d.updatedAt,
                        d.sentAt, d.nextAttemptAt, d.lastError))
                .toList(), bounces.forReader(id, rows));
    }
}
