package io.paperpost.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The refused fields of one form post, gathered so the page can show each error next to its own field at once,
 * rather than one per post (WCAG 3.3.1 and 3.3.3: identify every error and say how to fix it).
 */
public final class FieldErrors {

    /** One refused field and what to do about it. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    /** The errors of a refused post. */
    public static FieldErrors of(InvalidInputException refused) {
        FieldErrors errors = new FieldErrors();
        errors.add(refused);
        return errors;
    }

    /** The same errors in the order of the form's fields (those it does not list last), as the summary lists them. */
    public FieldErrors inFormOrder(List<String> fields) {
        FieldErrors ordered = new FieldErrors();
        errors.stream().sorted(Comparator.comparingInt(e -> {
            int at = fields.indexOf(e.field());
            return at < 0 ? fields.size() : at;
        })).forEach(ordered.errors::add);
        return ordered;
    }

    /** Runs one validation step; when it refuses its input, records why and answers {@code fallback}. */
    public <T> T attempt(Supplier<T> step, T fallback) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            add(e);
            return fallback;
        }
    }

    /** @throws InvalidInputException carrying every recorded error, when there is one */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new InvalidInputException(first.field(), first.message(), errors);
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether this field was refused. */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** Whether this field is the first refused one: the one that gets the focus. */
    public boolean isFirst(String field) {
        return !errors.isEmpty() && field.equals(errors.get(0).field());
    }

    /** What is wrong with this field, or null. */
    public String message(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst()
                .orElse(null);
    }

    /** Every error, in the order of the form. */
    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    private void add(InvalidInputException refused) {
        for (FieldError error : refused.all()) {
            if (error.field() == null || !has(error.field())) {
                errors.add(error);
            }
        }
    }
}
