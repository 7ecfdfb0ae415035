package io.paperpost.site;

import java.util.List;

/** A reader's or operator's input that PaperPost refuses; the message is safe to show them. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final List<FieldErrors.FieldError> all;

    public InvalidInputException(String field, String message) {
        this(field, message, List.of(new FieldErrors.FieldError(field, message)));
    }

    /** Several refused fields at once; the first one names {@link #field()} and the message. */
    InvalidInputException(String field, String message, List<FieldErrors.FieldError> all) {
        super(message, null, false, false);
        this.field = field;
        this.all = List.copyOf(all);
    }

    /** The form field or parameter at fault, or null when no single one is. */
    public String field() {
        return field;
    }

    /** Every refused field, in the order of the form; one entry unless {@link FieldErrors} gathered several. */
    public List<FieldErrors.FieldError> all() {
        return all;
    }
}
