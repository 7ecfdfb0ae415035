package io.paperpost.bounces;

/** What became of a report. */
public enum ReportStatus {
    /** Matched to a reader and the rules applied (which may have changed nothing: {@link BounceAction#NONE}). */
    APPLIED,
    /** Understood, but it names no email PaperPost sent to a reader it still has at that address: kept aside. */
    UNMATCHED,
    /** Not a readable DSN or ARF report: kept aside with the reason, nothing changed. */
    MALFORMED,
    /** Understood and matched, but nothing to act on ({@link ReportKind#NOTICE}). */
    IGNORED
}
