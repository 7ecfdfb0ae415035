package io.paperpost.mail.queue;

/** Where a queued email stands. */
public enum QueuedMailStatus {
    /** Waiting for its first attempt. */
    QUEUED,
    /** Being handed to the mail server by a worker that holds its lease. */
    SENDING,
    /** Deferred (SMTP 4xx or a dropped connection): tried again from its next attempt time. */
    RETRYING,
    /** The mail server took it. */
    SENT,
    /** Given up: every attempt deferred, or the message itself refused. */
    FAILED,
    /** The recipient was refused for good (SMTP 5xx on RCPT): a hard bounce. */
    BOUNCED;

    /** Not sent yet, and still to be tried. */
    public boolean pending() {
        return this == QUEUED || this == SENDING || this == RETRYING;
    }
}
