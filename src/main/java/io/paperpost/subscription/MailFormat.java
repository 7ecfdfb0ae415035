package io.paperpost.subscription;

/** The body a reader's email carries. */
public enum MailFormat {
    /** multipart/alternative: HTML with the plain-text part beside it. */
    HTML,
    /** text/plain only, for readers who prefer it. */
    PLAIN
}
