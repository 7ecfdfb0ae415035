package io.paperpost.admin;

import io.paperpost.site.InvalidInputException;

/**
 * The {@code limit} query parameter of the admin API's lists. Read as text, because JAX-RS answers 404 to a query
 * parameter that does not convert to its Java type ({@code limit=abc}); this answers 400 naming it.
 */
final class AdminLimits {

    private AdminLimits() {
    }

    /** The limit as sent, or {@code byDefault} when it is absent; 1 to {@code max}. */
    static int parse(String value, int byDefault, int max) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "'limit' must be a whole number from 1 to " + max);
        }
        return limit;
    }
}
