package io.paperpost.digest;

/** Where a digest run is. */
public enum RunStatus {
    RUNNING, FINISHED,
    /** Stopped by an error outside a single reader's send (database down, for example). */
    FAILED
}
