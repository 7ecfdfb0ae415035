package io.paperpost.bounces;

/** Where a report came from. */
public enum ReportSource {
    IMAP, POP3, HTTP
}
