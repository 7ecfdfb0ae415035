package io.paperpost.papers;

import io.paperpost.storage.LineListConverter;
import java.time.Instant;
import java.util.List;

/** An import run as the admin API shows it. */
public record ImportRunView(long id, String source, String status, Instant startedAt, Instant finishedAt,
        Long durationMs, int fetched, int added, int updated, int skipped, int errors,
        List<String> firstErrors, String failure) {

    public static ImportRunView of(ImportRun run) {
        return new ImportRunView(run.id, run.source, run.status, run.startedAt, run.finishedAt, run.durationMs,
                run.fetched, run.added, run.updated, run.skipped, run.errors,
                LineListConverter.fromColumn(run.firstErrors), run.failure);
    }
}
