package io.paperpost.papers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The record of import runs in table {@code import_run}; every method runs in its own transaction. */
@ApplicationScoped
public class ImportRuns {

    static final int FIRST_ERRORS_CHARS = 4000;
    static final int FAILURE_CHARS = 2000;

    @Inject
    ImportConfig config;

    /** Records that an import of {@code source} started; returns the run's id. */
    public long start(String source, Instant startedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportRun run = new ImportRun();
            run.source = source;
            run.startedAt = startedAt;
            run.status = ImportRun.RUNNING;
            run.persist();
            return run.id;
        });
    }

    /** Records how the run ended; {@code failure} is null when the source was read through. */
    public void finish(long id, ImportReport report, Throwable failure, Instant finishedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRun run = ImportRun.findById(id);
            run.finishedAt = finishedAt;
            run.durationMs = Duration.between(run.startedAt, finishedAt).toMillis();
            run.status = failure == null ? ImportRun.OK : ImportRun.FAILED;
            run.fetched = report.read();
            run.added = report.added();
            run.updated = report.updated();
            run.skipped = report.skipped();
            run.errors = report.errors().size();
            run.firstErrors = firstErrors(report.errors(), config.firstErrors());
            run.failure = failure == null ? null : truncate(describe(failure), FAILURE_CHARS);
        });
    }

    /** The most recent runs, newest first. */
    public List<ImportRunView> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>findAll(
                Sort.descending("startedAt").and("id", Sort.Direction.Descending))
                .page(Page.ofSize(limit)).list().stream().map(ImportRunView::of).toList());
    }

    /** The given runs, in the order of the ids. */
    public List<ImportRunView> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> order = new ArrayList<>(ids);
        return QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>list("id in ?1", ids).stream()
                .sorted(Comparator.comparingInt(r -> order.indexOf(r.id))).map(ImportRunView::of).toList());
    }

    /** When the last successful import of the source started, if there was one. */
    public Optional<Instant> lastSuccessfulStart(String source) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>find(
                "source = ?1 and status = ?2", Sort.descending("startedAt"), source, ImportRun.OK)
                .firstResultOptional().map(run -> run.startedAt));
    }

    static String firstErrors(List<ImportReport.ItemError> errors, int max) {
        if (errors.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ImportReport.ItemError error : errors.subList(0, Math.min(max, errors.size()))) {
            String line = error.position() + ": " + error.message().replace('\n', ' ');
            if (text.length() + line.length() + 1 > FIRST_ERRORS_CHARS) {
                break;
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The exception's message and its causes', for an admin to read. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            if (text.length() > FAILURE_CHARS) {
                break;
            }
        }
        return text.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
