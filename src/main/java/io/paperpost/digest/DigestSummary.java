package io.paperpost.digest;

import java.time.LocalDate;

/**
 * What one digest run did.
 *
 * @param date     the digest date
 * @param readers  active readers considered
 * @param sent     emails the mail server accepted
 * @param skipped  readers with nothing new, or whose email for the date was already sent or claimed
 * @param failed   emails that could not be sent (retried by the next run for the same date)
 * @param millis   how long the run took
 */
public record DigestSummary(LocalDate date, int readers, int sent, int skipped, int failed, long millis) {
}
