package io.paperpost.digest;

import io.paperpost.delivery.DeliveryStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The emails of a run that did not go out: failed, waiting for a retry, or refused for good (suppressed).
 * <p>
 * The delivery ledger does not record which run made an attempt; a run records its readers as chunks (a zone, a
 * local date and an id range). So a run's failures are the ledger rows of its chunks' readers for their chunk's date
 * whose last change fell while the run ran, from its start to its end (now, while it runs). An email that a later
 * run tried again has its last change in that run, and is listed there instead.
 */
@ApplicationScoped
public class RunFailures {

    /** The statuses listed: every outcome of an attempt that is not a sent email. */
    public static final List<DeliveryStatus> LISTED = List.of(DeliveryStatus.FAILED, DeliveryStatus.RETRYING,
            DeliveryStatus.SUPPRESSED);

    /** One email of the run that did not go out, with the server's last answer. */
    public record Failure(long deliveryId, long readerId, String email, LocalDate digestDate, DeliveryStatus status,
            int attempts, Instant lastAttemptAt, Instant nextAttemptAt, String lastError) {
    }

    /** The run and the first of its failures, most recent first. */
    public record Listing(RunView run, List<Failure> failures, boolean truncated) {
    }

    @Inject
    Clock clock;
    @Inject
    EntityManager entityManager;
    @Inject
    DigestRuns runs;

    /** The run's failures, at most {@code limit}; empty when there is no such run. */
    public Optional<Listing> of(long runId, int limit) {
        return runs.find(runId).map(run -> {
            Instant until = run.finishedAt() == null ? clock.instant() : run.finishedAt();
            List<Failure> found = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                    "select distinct d.id, r.id, r.email, d.digestDate, d.status, d.attempts, d.updatedAt,"
                            + " d.nextAttemptAt, d.lastError"
                            + " from DigestChunk c, Delivery d, Reader r"
                            + " where c.runId = :run and d.digestDate = c.digestDate and d.readerId = r.id"
                            + " and r.id > c.afterId and r.id <= c.lastId"
                            + " and (c.timeZone is null or r.timeZone = c.timeZone)"
                            + " and d.status in :listed and d.updatedAt >= :from and d.updatedAt <= :until"
                            + " order by d.updatedAt desc, d.id",
                    Object[].class)
                    .setParameter("run", runId).setParameter("listed", LISTED)
                    .setParameter("from", run.startedAt()).setParameter("until", until)
                    .setMaxResults(limit + 1).getResultList().stream()
                    .map(row -> new Failure((Long) row[0], (Long) row[1], (String) row[2], (LocalDate) row[3],
                            (DeliveryStatus) row[4], (Integer) row[5], (Instant) row[6], (Instant) row[7],
                            (String) row[8]))
                    .toList());
            boolean truncated = found.size() > limit;
            return new Listing(run, truncated ? found.subList(0, limit) : found, truncated);
        });
    }
}
