package io.paperpost.admin;

import io.paperpost.site.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Date parameters of the admin API. */
final class AdminDates {

    private AdminDates() {
    }

    static LocalDate parse(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "'" + parameter + "' must be a date like 2026-11-24");
        }
    }
}
