package io.paperpost.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The work table of digest runs: chunks are claimed with a lease by a conditional UPDATE (portable between H2
 * and PostgreSQL; of two instances racing for a chunk exactly one updates the row, the other moves on to the
 * next), the lease is renewed while the chunk is worked, and a chunk whose lease ran out is claimable again.
 */
@ApplicationScoped
public class DigestChunks {

    /** This process, as the owner of the chunks it works. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Who holds a chunk: this process and the thread working it. Per thread, not per process: a thread whose lease ran
     * out (stuck on a slow send) must not go on renewing a chunk that another thread of the same process took over.
     */
    static String owner() {
        return INSTANCE + " " + Thread.currentThread().getName();
    }

    @Inject
    Clock clock;
    @Inject
    DigestConfig config;
    @Inject
    EntityManager entityManager;

    void add(long runId, Slice slice, long afterId, long lastId, int readers) {
        QuarkusTransaction.requiringNew().run(() -> {
            DigestChunk chunk = new DigestChunk();
            chunk.runId = runId;
            chunk.timeZone = slice.zone();
            chunk.digestDate = slice.date();
            chunk.localHour = slice.hour();
            chunk.ignoreHour = slice.ignoreHour();
            chunk.afterId = afterId;
            chunk.lastId = lastId;
            chunk.readers = readers;
            chunk.position = afterId;
            chunk.status = DigestChunk.Status.OPEN;
            chunk.persist();
        });
    }

    /** Claims an open chunk, or one whose lease ran out; of the given run only, when a run id is given. */
    Optional<DigestChunk> claim(Long runId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Instant now = clock.instant();
            List<Long> candidates = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                    "select c.id from DigestChunk c where (c.status = :open or (c.status = :running and c.leaseUntil < :now))"
                            + " and (:run < 0 or c.runId = :run) order by c.id",
                    Long.class)
                    .setParameter("open", DigestChunk.Status.OPEN).setParameter("running", DigestChunk.Status.RUNNING)
                    .setParameter("now", now).setParameter("run", runId == null ? -1L : runId)
                    .setMaxResults(5).getResultList());
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long id : candidates) {
                int updated = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "update DigestChunk c set c.status = :running, c.owner = :owner, c.leaseUntil = :lease,"
                                + " c.attempts = c.attempts + 1 where c.id = :id"
                                + " and (c.status = :open or (c.status = :running and c.leaseUntil < :now))")
                        .setParameter("running", DigestChunk.Status.RUNNING)
                        .setParameter("open", DigestChunk.Status.OPEN)
                        .setParameter("owner", owner()).setParameter("lease", now.plus(config.chunkLease()))
                        .setParameter("id", id).setParameter("now", now).executeUpdate());
                if (updated == 1) {
                    return Optional
                            .of(QuarkusTransaction.requiringNew().call(() -> DigestChunk.<DigestChunk>findById(id)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the chunk's counters and extends its lease; false when the lease was lost (another instance took
     * the chunk over after this one stalled), and the caller must stop working it.
     */
    boolean renew(long chunkId, long position, RunProgress progress) {
        RunCounts counts = progress.counts();
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "update DigestChunk c set c.leaseUntil = :lease, c.position = :position, c.counts.done = :done,"
                        + " c.counts.sent = :sent, c.counts.retried = :retried, c.counts.failed = :failed,"
                        + " c.counts.suppressed = :suppressed, c.counts.skipped = :skipped"
                        + " where c.id = :id and c.owner = :owner and c.status = :running")
                .setParameter("lease", clock.instant().plus(config.chunkLease())).setParameter("position", position)
                .setParameter("done", counts.done()).setParameter("sent", counts.sent())
                .setParameter("retried", counts.retried()).setParameter("failed", counts.failed())
                .setParameter("suppressed", counts.suppressed()).setParameter("skipped", counts.skipped())
                .setParameter("id", chunkId).setParameter("owner", owner())
                .setParameter("running", DigestChunk.Status.RUNNING).executeUpdate() == 1);
    }

    /** Marks the chunk done with its counters; false when the lease had been lost. */
    boolean complete(long chunkId, long position, RunProgress progress) {
        if (!renew(chunkId, position, progress)) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "update DigestChunk c set c.status = :done where c.id = :id and c.owner = :owner")
                .setParameter("done", DigestChunk.Status.DONE).setParameter("id", chunkId)
                .setParameter("owner", owner()).executeUpdate() == 1);
    }

    /** Chunks of the run not done yet. */
    long unfinished(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> DigestChunk.count("runId = ?1 and status <> ?2", runId,
                DigestChunk.Status.DONE));
    }
}
