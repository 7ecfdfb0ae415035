package io.paperpost.site;

/** A reader's or operator's input that PaperPost refuses; the message is safe to show them. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The form field or parameter at fault, or null when no single one is. */
    public String field() {
        return field;
    }
}
