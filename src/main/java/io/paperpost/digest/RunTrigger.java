package io.paperpost.digest;

/** What started a digest run. */
public enum RunTrigger {
    /** The frequent scheduled tick: readers whose local hour has come. */
    SCHEDULE,
    /** An operator's run for a date, from the admin API or dashboard. */
    ADMIN,
    /** The dev outbox page's button. */
    DEV
}
