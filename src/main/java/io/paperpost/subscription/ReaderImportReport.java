package io.paperpost.subscription;

import java.util.List;

/**
 * What an import did with each row of the file: every row is counted once, under added, alreadyPresent (a reader
 * with that mailbox exists; nothing of it changed), duplicates (the mailbox appeared earlier in the file),
 * suppressed (erased, unsubscribed, bounced, or marked so in the file: never re-added) or invalid (the first
 * {@code invalidRowsListed} with their line and reason). {@code error} and {@code field} are set when reading stopped
 * before the end of the file; the rows before it were imported.
 */
public record ReaderImportReport(String shape, String consent, long rows, long added, long alreadyPresent,
        long duplicates, long suppressed, long invalid, List<InvalidRow> invalidRows, String error, String field) {

    /** A row that was not imported, and why. */
    public record InvalidRow(long line, String reason) {
    }
}
