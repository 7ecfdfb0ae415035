package io.paperpost.digest;

/** What started a digest run. */
public enum RunTrigger {
    /** The frequent scheduled tick: readers whose local hour has come. */
    SCHEDULE,
    /** An explicit run for a date: the admin API, the dashboard's "run now", the dev outbox button. */
    ADMIN
}
