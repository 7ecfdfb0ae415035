package io.paperpost.papers;

import java.util.List;

/**
 * What one import did.
 *
 * @param source  the source's name
 * @param read    items the source handed over, good or bad
 * @param added   new papers stored
 * @param updated known papers whose data changed
 * @param skipped known papers with nothing new
 * @param errors  items that could not be imported, with their position
 */
public record ImportReport(String source, int read, int added, int updated, int skipped, List<ItemError> errors) {

    /** An item that was not imported. {@code position} is the line number for JSON Lines. */
    public record ItemError(int position, String message) {
    }
}
