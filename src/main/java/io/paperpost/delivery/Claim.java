package io.paperpost.delivery;

import java.time.LocalDate;

/**
 * A won claim on a reader's email for a date: the ledger row now SENDING, and which attempt this is.
 *
 * @param deliveryId the ledger row, for marking it sent or failed
 * @param readerId   whose email it is
 * @param digestDate the date the email is for
 * @param attempt    1 for the first try, more when a RETRYING row was claimed again
 * @param papersThrough the paper batch the email was composed against (null on rows from before watermarks)
 */
public record Claim(long deliveryId, long readerId, LocalDate digestDate, int attempt, Long papersThrough) {

    /** True when an earlier attempt failed temporarily. */
    public boolean retry() {
        return attempt > 1;
    }
}
