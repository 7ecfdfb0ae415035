package io.paperpost.admin;

import io.paperpost.site.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Date parameters of the admin API. */
final class AdminDates {

    private AdminDates() {
    }

    /**
     * A date no more than {@code windowDays} from today: what a digest run or preview may be for.
     *
     * @throws InvalidInputException naming the parameter when it is not a date or is too far
     */
    static LocalDate parseNear(String parameter, String value, LocalDate today, int windowDays) {
        LocalDate day = parse(parameter, value);
        if (Math.abs(ChronoUnit.DAYS.between(today, day)) > windowDays) {
            throw new InvalidInputException(parameter, "'" + parameter + "' must be within " + windowDays
                    + " days of today (" + today + ")");
        }
        return day;
    }

    static LocalDate parse(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "'" + parameter + "' must be a date like 2026-11-24");
        }
    }
}
