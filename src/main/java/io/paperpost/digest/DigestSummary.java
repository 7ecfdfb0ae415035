package io.paperpost.digest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;

/**
 * What one digest run did.
 *
 * @param runId   the run's record (GET /api/v1/admin/runs/{id})
 * @param date    the digest date of an explicit run; null for a scheduled run (each zone has its own date)
 * @param readers readers due
 * @param counts  what happened to them
 * @param millis  how long the run took
 */
public record DigestSummary(long runId, LocalDate date, int readers, @JsonUnwrapped RunCounts counts, long millis) {

    public int sent() {
        return counts.sent();
    }

    public int retried() {
        return counts.retried();
    }

    public int skipped() {
        return counts.skipped();
    }

    public int failed() {
        return counts.failed();
    }

    public int suppressed() {
        return counts.suppressed();
    }
}
