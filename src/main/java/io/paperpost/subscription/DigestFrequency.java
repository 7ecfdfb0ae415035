package io.paperpost.subscription;

/** How often a reader wants their email. A date-limited pause is {@link Reader#pausedUntil}, on top of this. */
public enum DigestFrequency {
    /** Every day at the reader's local hour. */
    DAILY,
    /** Once a week, on {@link Reader#weeklyDay}, holding the week's papers. */
    WEEKLY,
    /** Nothing until the reader chooses again; unlike unsubscribing, the subscription and settings stay. */
    PAUSED
}
