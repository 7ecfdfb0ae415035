package io.paperpost.delivery;

/** Where one (reader, digest date) email is. */
public enum DeliveryStatus {
    /** Due, not claimed yet (a scheduler may write these ahead of sending). */
    PENDING,
    /** Claimed and being sent. A row left here by a crash may or may not have gone out, so it is not resent. */
    SENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Deferred (SMTP 4xx) or the connection failed: tried again from {@code next_attempt_at}. */
    RETRYING,
    /** Not sent: the last attempt failed too, or the server refused the message itself for good. */
    FAILED,
    /** The server refused the recipient for good (SMTP 5xx, a hard bounce): the reader is suppressed. */
    SUPPRESSED,
    /**
     * Nothing new fitted the reader at their hour: no email that local date, and none later that day when an
     * import lands (the papers wait for the next day's email).
     */
    NOTHING_NEW,
    /**
     * A feed-only reader's picks, recorded at their hour for their Atom feed; no email. Counts like {@link #SENT}
     * for never sending a paper twice.
     */
    FEED
}
