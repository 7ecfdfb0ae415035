package io.paperpost.bounces;

/** What a report did to its reader. */
public enum BounceAction {
    /** The reader is {@code BOUNCED}: never mailed again. */
    SUPPRESSED,
    /** A transient failure was counted; not yet enough to suppress. */
    COUNTED,
    /** A complaint: the reader is {@code UNSUBSCRIBED}. */
    UNSUBSCRIBED,
    /** Nothing changed (the reader already gets nothing, or there was nothing to do). */
    NONE
}
