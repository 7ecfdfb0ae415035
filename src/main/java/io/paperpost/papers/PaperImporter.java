package io.paperpost.papers;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Stores what a {@link PaperSource} reads: new papers are added, known ones merged (see {@link PaperMatcher}
 * for the identity rules). Works in batches, each written with plain JDBC batches in its own transaction,
 * so memory stays flat and a batch is never half-written; an item that cannot be read is reported with its
 * position and the rest goes on. The source reads the next batch while a writer thread stores the previous
 * one. Every import is recorded in {@code import_run}.
 *
 * <p>Imports run one at a time in this process (an upload waits for a running daily import), which keeps
 * two imports from adding the same paper at once; a batch that still meets a duplicate key (another
 * process) is retried once, reading the rows the other writer added.
 */
@ApplicationScoped
public class PaperImporter {

    private static final Logger LOG = Logger.getLogger(PaperImporter.class);

    @Inject
    PapersConfig config;
    @Inject
    ImportRuns runs;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    java.time.Clock clock;
    @Inject
    jakarta.enterprise.event.Event<PapersImported> imported;

    private final ReentrantLock lock = new ReentrantLock();
    /** Stores the batches of the running import (one import at a time: see {@link #lock}). */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "paper-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stopWriter() {
        writer.shutdownNow();
    }

    /** How one import ended: the run's id in {@code import_run}, what was stored, and why it failed if it did. */
    public record Outcome(long runId, ImportReport report, Exception failure) {

        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * Imports everything the source reads.
     *
     * @param firstSeenOn the day to record as first seen for papers new to PaperPost
     * @throws IOException when the source as a whole cannot be read; what it delivered before is kept
     */
    public ImportReport importFrom(PaperSource source, LocalDate firstSeenOn) throws IOException {
        Outcome outcome = run(source, firstSeenOn);
        if (outcome.failure() instanceof IOException e) {
            throw e;
        }
        if (outcome.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (outcome.failure() != null) {
            throw new IOException(outcome.failure());
        }
        return outcome.report();
    }

    /** Imports everything the source reads, never throwing: a failure is recorded and returned. */
    public Outcome run(PaperSource source, LocalDate firstSeenOn) {
        lock.lock();
        try {
            Instant started = Instant.now();
            long runId = runs.start(source.name(), started);
            Exception failure = null;
            ImportReport report;
            try (Tally tally = new Tally(source.name(), firstSeenOn, Math.max(1, config.importBatchSize()))) {
                try {
                    source.fetch(tally);
                } catch (Exception e) {
                    failure = e;
                }
                try {
                    // What the source delivered before failing is whole and valid: keep it.
                    tally.flush();
                    if (failure == null) {
                        source.imported();
                    }
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else if (failure != e) {
                        failure.addSuppressed(e);
                    }
                }
                report = tally.report();
            }
            runs.finish(runId, report, failure, Instant.now());
            if (report.added() + report.updated() > 0) {
                imported.fire(new PapersImported());
            }
            if (failure == null) {
                LOG.infof("Import from %s: read %d, added %d, updated %d, skipped %d, errors %d", report.source(),
                        report.read(), report.added(), report.updated(), report.skipped(), report.errors().size());
            } else if (failure instanceof IOException) {
                // The source could not be read (HTTP error, timeout, broken body): the message says it all.
                LOG.errorf("Import from %s failed after reading %d items (added %d, updated %d): %s", report.source(),
                        report.read(), report.added(), report.updated(), ImportRuns.describe(failure));
            } else {
                LOG.errorf(failure, "Import from %s failed after reading %d items (added %d, updated %d)",
                        report.source(), report.read(), report.added(), report.updated());
            }
            return new Outcome(runId, report, failure);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Collects what the source reads into batches and stores each on a writer thread, so the source reads and
     * parses the next batch while the previous one is written: at most two batches are in memory. Batches are
     * stored one after the other, each seeing the ones before it. After a batch fails nothing more is stored.
     */
    private final class Tally implements PaperSource.Sink, AutoCloseable {
        private final String source;
        private final LocalDate firstSeenOn;
        private final int batchSize;
        private List<PaperStore.Keyed> batch = new ArrayList<>();
        private final List<ImportReport.ItemError> errors = new ArrayList<>();
        private Future<PaperStore.Counts> writing;
        /** Whether this import has made sure PostgreSQL has statistics for its lookups (writer thread only). */
        private boolean statisticsChecked;
        private RuntimeException failure;
        private int read;
        private int added;
        private int updated;
        private int skipped;

        Tally(String source, LocalDate firstSeenOn, int batchSize) {
            this.source = source;
            this.firstSeenOn = firstSeenOn;
            this.batchSize = batchSize;
        }

        @Override
        public void accept(int position, PaperRecord paper) {
            read++;
            batch.add(PaperStore.keyed(paper));
            if (batch.size() >= batchSize) {
                handOver();
            }
        }

        @Override
        public void reject(int position, String reason) {
            read++;
            errors.add(new ImportReport.ItemError(position, reason));
            LOG.debugf("Skipped item %d from %s: %s", position, source, reason);
        }

        /** Stores what is left and waits until every batch is written. */
        void flush() {
            if (!batch.isEmpty()) {
                handOver();
            }
            awaitWriting();
        }

        private void handOver() {
            awaitWriting();
            List<PaperStore.Keyed> full = batch;
            batch = new ArrayList<>(batchSize);
            writing = writer.submit(() -> storeRetrying(full));
        }

        /** Waits for the batch being written and counts it; throws its failure, and again on every later call. */
        private void awaitWriting() {
            if (failure != null) {
                throw failure;
            }
            if (writing == null) {
                return;
            }
            try {
                PaperStore.Counts counts = writing.get();
                added += counts.added();
                updated += counts.updated();
                skipped += counts.skipped();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                throw failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while storing papers", e);
                throw failure;
            } finally {
                writing = null;
            }
        }

        private PaperStore.Counts storeRetrying(List<PaperStore.Keyed> records) {
            try {
                return store(records);
            } catch (DuplicateKeyException e) {
                LOG.warnf("Another writer added some of these papers meanwhile; retrying the batch: %s",
                        e.getMessage());
                return store(records);
            }
        }

        private PaperStore.Counts store(List<PaperStore.Keyed> records) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                try (var connection = dataSource.getConnection()) {
                    PaperStore.Counts counts = new PaperStore(connection, source, firstSeenOn, clock.instant())
                            .store(records);
                    if (!statisticsChecked && counts.added() > 0) {
                        statisticsChecked = true;
                        if (PaperStore.analyzeIfNeverAnalyzed(connection)) {
                            LOG.infof("Analyzed the paper table, which had no statistics yet (import from %s)", source);
                        }
                    }
                    return counts;
                } catch (SQLException e) {
                    // SQLState class 23: integrity constraint violation (a paper added by someone else).
                    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                        throw new DuplicateKeyException(e);
                    }
                    throw new UncheckedIOException(new IOException("could not store papers: " + e.getMessage(), e));
                }
            });
        }

        ImportReport report() {
            return new ImportReport(source, read, added, updated, skipped, List.copyOf(errors));
        }

        /** Waits for a batch still being written (when the import ends by an exception), so imports never overlap. */
        @Override
        public void close() {
            try {
                if (writing != null && failure == null) {
                    awaitWriting();
                }
            } catch (RuntimeException e) {
                LOG.debugf("Batch failed while the import was ending: %s", e.getMessage());
            }
        }
    }

    private static final class DuplicateKeyException extends RuntimeException {
        DuplicateKeyException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
