package io.paperpost.papers;

/** What changed on a known paper, as {@link PaperNews} records it; {@code detail} holds the new value. */
public enum NewsKind {
    /** A later arXiv version; detail: the version number. */
    VERSION,
    /** A code link where there was none; detail: the link. */
    CODE,
    /** A venue acceptance (journal_ref or comment); detail: the venue. */
    VENUE,
    /** The upvotes passed one of {@link PaperNews#UPVOTE_MILESTONES}; detail: the new count. */
    UPVOTES
}
