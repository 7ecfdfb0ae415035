package io.paperpost.bounces;

/** What a report says happened to an email the mail server had accepted. */
public enum ReportKind {
    /** The receiving side refused the address for good (DSN status 5.x.x, RFC 3463): suppress at once. */
    PERMANENT,
    /**
     * The receiving side gave up for now (DSN status 4.x.x with action "failed", e.g. a full mailbox): counted, and
     * suppressed after {@link BounceConfig#transientLimit()} within {@link BounceConfig#transientWindow()}.
     */
    TRANSIENT,
    /** The reader marked the email as spam (an ARF feedback report, RFC 5965): unsubscribe at once. */
    COMPLAINT,
    /**
     * Nothing to act on: a "delayed" or "delivered" DSN (RFC 3464 §2.3.3; the MTA still tries, or it worked), or a
     * feedback report that is not a complaint (not-spam, auth-failure).
     */
    NOTICE
}
