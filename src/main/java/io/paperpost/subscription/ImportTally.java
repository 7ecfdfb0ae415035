package io.paperpost.subscription;

import java.util.ArrayList;
import java.util.List;

/** The running counts of an import, and the first invalid rows with their reasons. */
final class ImportTally {

    /** What one committed batch did. */
    static final class Batch {
        long added;
        long alreadyPresent;
        long suppressed;
    }

    private final int listed;
    private final List<ReaderImportReport.InvalidRow> invalidRows = new ArrayList<>();
    private String shape = "plain";
    private long rows;
    private long added;
    private long alreadyPresent;
    private long duplicates;
    private long suppressed;
    private long invalid;
    private String stopped;

    ImportTally(int listed) {
        this.listed = listed;
    }

    void shape(String shape) {
        this.shape = shape;
    }

    void row() {
        rows++;
    }

    long rows() {
        return rows;
    }

    void duplicate() {
        duplicates++;
    }

    void suppressed() {
        suppressed++;
    }

    void invalid(long line, String reason) {
        invalid++;
        if (invalidRows.size() < listed) {
            invalidRows.add(new ReaderImportReport.InvalidRow(line, reason));
        }
    }

    /** Reading stopped before the end: the report carries the reason as its error. */
    void stopped(String reason) {
        stopped = reason;
    }

    boolean stoppedEarly() {
        return stopped != null;
    }

    void add(Batch batch) {
        added += batch.added;
        alreadyPresent += batch.alreadyPresent;
        suppressed += batch.suppressed;
    }

    ReaderImportReport report(String consent) {
        return new ReaderImportReport(shape, consent, rows, added, alreadyPresent, duplicates, suppressed, invalid,
                List.copyOf(invalidRows), stopped, stopped == null ? null : "body");
    }
}
