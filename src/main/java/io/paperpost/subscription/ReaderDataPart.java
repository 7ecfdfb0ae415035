package io.paperpost.subscription;

/**
 * What another package stores about a reader, for "Download my data": each package that keeps rows about readers
 * contributes its own part, so this package needs none of them. Erasing needs no part: those rows reference the
 * reader with {@code on delete cascade} and go with it.
 */
public interface ReaderDataPart {

    /** The part's name in the export, e.g. {@code emails}. */
    String name();

    /** The reader's rows as plain records, read in the export's transaction. */
    Object of(long readerId);
}
