package io.paperpost.papers;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores what a {@link PaperSource} reads: new papers are added, known ones merged. Works in batches,
 * each committed in its own transaction, so memory stays flat and a batch is never half-written; an item
 * that cannot be read is reported with its position and the rest goes on.
 */
@ApplicationScoped
public class PaperImporter {

    private static final Logger LOG = Logger.getLogger(PaperImporter.class);

    @Inject
    PapersConfig config;

    /**
     * Imports everything the source reads.
     *
     * @param firstSeenOn the day to record as first seen for papers new to PaperPost
     */
    public ImportReport importFrom(PaperSource source, LocalDate firstSeenOn) throws IOException {
        Tally tally = new Tally(source.name(), firstSeenOn, config.importBatchSize());
        source.fetch(tally);
        tally.flush();
        ImportReport report = tally.report();
        LOG.infof("Import from %s: read %d, added %d, updated %d, skipped %d, errors %d", report.source(), report.read(),
                report.added(), report.updated(), report.skipped(), report.errors().size());
        return report;
    }

    private static final class Tally implements PaperSource.Sink {
        private final String source;
        private final LocalDate firstSeenOn;
        private final int batchSize;
        private final Map<String, PaperRecord> batch = new LinkedHashMap<>();
        private final List<ImportReport.ItemError> errors = new ArrayList<>();
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
            PaperRecord earlier = batch.get(paper.id());
            if (earlier != null) {
                // The same paper twice in one batch: the later line wins, counted as an update of the earlier.
                flush();
            }
            batch.put(paper.id(), paper);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void reject(int position, String reason) {
            read++;
            errors.add(new ImportReport.ItemError(position, reason));
            LOG.warnf("Skipped item %d from %s: %s", position, source, reason);
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            int[] counts = QuarkusTransaction.requiringNew().call(() -> store(batch.values()));
            added += counts[0];
            updated += counts[1];
            skipped += counts[2];
            batch.clear();
        }

        private int[] store(Iterable<PaperRecord> records) {
            List<String> ids = new ArrayList<>();
            records.forEach(r -> ids.add(r.id()));
            Map<String, Paper> known = new LinkedHashMap<>();
            Paper.<Paper>list("id in ?1", ids).forEach(p -> known.put(p.id, p));
            int[] counts = new int[3];
            Instant now = Instant.now();
            for (PaperRecord record : records) {
                Paper paper = known.get(record.id());
                if (paper == null) {
                    paper = new Paper();
                    paper.id = record.id();
                    paper.firstSeenOn = firstSeenOn;
                    paper.source = source;
                    merge(paper, record);
                    paper.updatedAt = now;
                    paper.persist();
                    counts[0]++;
                } else if (merge(paper, record)) {
                    paper.updatedAt = now;
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            }
            return counts;
        }

        ImportReport report() {
            return new ImportReport(source, read, added, updated, skipped, List.copyOf(errors));
        }
    }

    /** Copies what the record knows onto the paper, never erasing a known value; true when anything changed. */
    static boolean merge(Paper paper, PaperRecord record) {
        boolean changed = false;
        changed |= set(paper, p -> p.title, record.title(), (p, v) -> p.title = v);
        if (!record.summary().isEmpty() || paper.summary == null) {
            changed |= set(paper, p -> p.summary, record.summary(), (p, v) -> p.summary = v);
        }
        if (!record.authors().isEmpty() || paper.authors == null) {
            changed |= set(paper, p -> p.authors, record.authors(), (p, v) -> p.authors = new ArrayList<>(v));
        }
        if (!record.categories().isEmpty() || paper.categories == null) {
            changed |= set(paper, p -> p.categories, record.categories(), (p, v) -> p.categories = new ArrayList<>(v));
        }
        changed |= setIfKnown(paper, p -> p.authorCount, record.authorCount(), (p, v) -> p.authorCount = v);
        changed |= setIfKnown(paper, p -> p.organization, record.organization(), (p, v) -> p.organization = v);
        changed |= setIfKnown(paper, p -> p.publishedOn, record.publishedOn(), (p, v) -> p.publishedOn = v);
        changed |= setIfKnown(paper, p -> p.codeUrl, record.codeUrl(), (p, v) -> p.codeUrl = v);
        if (record.upvotes() != null && record.upvotes() != paper.upvotes) {
            paper.upvotes = record.upvotes();
            changed = true;
        }
        return changed;
    }

    private static <T> boolean setIfKnown(Paper paper, Function<Paper, T> getter, T value,
                                          java.util.function.BiConsumer<Paper, T> setter) {
        return value != null && set(paper, getter, value, setter);
    }

    private static <T> boolean set(Paper paper, Function<Paper, T> getter, T value,
                                   java.util.function.BiConsumer<Paper, T> setter) {
        if (Objects.equals(getter.apply(paper), value)) {
            return false;
        }
        setter.accept(paper, value);
        return true;
    }
}
