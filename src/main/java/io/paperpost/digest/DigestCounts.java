package io.paperpost.digest;

import jakarta.persistence.Embeddable;

/** What happened to the due readers of a run or of one of its chunks. */
@Embeddable
public class DigestCounts {

    /** Due readers handled so far, whatever the outcome. */
    public int done;

    public int sent;

    /** Sent or failed again after an earlier failed attempt for the same date. */
    public int retried;

    /** Failed for now; retried later. */
    public int failed;

    /** Refused for good (hard bounce): the address is suppressed. */
    public int suppressed;

    /** Due but nothing sent: nothing new to send, or another run or instance had the email already. */
    public int skipped;
}
