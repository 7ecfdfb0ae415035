package io.paperpost.subscription;

/** Where a reader is in the subscription lifecycle. */
public enum ReaderStatus {
    /** Signed up, has not clicked the confirmation link yet: gets nothing but that link. */
    PENDING,
    /** Confirmed: gets digests. */
    ACTIVE,
    /** Confirmed, but asked for a break: gets nothing until they resume. */
    PAUSED,
    /** Asked to stop: gets nothing, ever, unless they sign up and confirm again. */
    UNSUBSCRIBED,
    /** The mail server refused the address for good (a hard bounce): suppressed, never mailed again. */
    BOUNCED
}
