package io.paperpost.mail.queue;

import java.time.Instant;

/**
 * What became of a queued email: fired when it is SENT, FAILED or BOUNCED, inside the transaction that records it,
 * so what the code that queued it does in return (e.g. a bounce suppressing the reader) commits with it.
 *
 * @param kind     what the email was for, as the code that queued it named it
 * @param readerId the reader it concerns, or null
 * @param error    the mail server's answer for FAILED and BOUNCED, else null
 */
public record QueuedMailOutcome(long mailId, String kind, Long readerId, String recipient, QueuedMailStatus status,
        Instant at, String error) {
}
