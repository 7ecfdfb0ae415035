package io.paperpost.digest;

import jakarta.persistence.Embeddable;

/**
 * What happened to the due readers of a run or of one of its chunks: the one set of counters that the chunk and
 * run rows store, the admin API returns and the dashboard shows.
 *
 * @param done       due readers handled so far, whatever the outcome
 * @param sent       emails the mail server accepted
 * @param retried    sent or failed again after an earlier failed attempt for the same date
 * @param failed     failed for now; retried later
 * @param suppressed refused for good (hard bounce): the address is suppressed
 * @param skipped    due but no email sent: nothing new (recorded for the date), a feed-only reader's picks
 *                   (recorded for their feed), or another run or instance had the email already
 */
@Embeddable
public record RunCounts(int done, int sent, int retried, int failed, int suppressed, int skipped) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);
}
