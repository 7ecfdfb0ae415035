package io.paperpost.papers;

/** One item that cannot be imported; the message says why, for the import report. */
public final class InvalidPaperException extends RuntimeException {

    public InvalidPaperException(String message) {
        super(message, null, false, false);
    }
}
