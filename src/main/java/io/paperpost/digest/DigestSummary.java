package io.paperpost.digest;

import java.time.LocalDate;

/**
 * What one digest run did.
 *
 * @param runId      the run's record (GET /api/v1/admin/runs/{id})
 * @param date       the digest date of an explicit run; null for a scheduled run (each zone has its own date)
 * @param readers    readers due
 * @param sent       emails the mail server accepted
 * @param retried    emails sent or failed again after an earlier failed attempt for the same date
 * @param skipped    due readers with nothing new, or whose email for the date another run already had
 * @param failed     emails that could not be sent for now (retried later)
 * @param suppressed emails refused for good (hard bounce)
 * @param millis     how long the run took
 */
public record DigestSummary(long runId, LocalDate date, int readers, int sent, int retried, int skipped, int failed,
        int suppressed, long millis) {
}
