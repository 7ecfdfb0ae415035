package io.paperpost.delivery;

/** Where one (reader, digest date) email is. */
public enum DeliveryStatus {
    /** Claimed and being sent. A row left here by a crash may or may not have gone out, so it is not resent. */
    SENDING,
    /** Accepted by the mail server. */
    SENT,
    /** The server deferred it or the connection failed: the next run for the same date tries again. */
    FAILED,
    /** The server refused the recipient for good (SMTP 5xx). */
    BOUNCED
}
