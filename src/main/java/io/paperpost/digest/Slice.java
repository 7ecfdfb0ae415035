package io.paperpost.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * A part of a run: the due readers of one zone (or of every zone, for an explicit run) on a local date.
 *
 * @param zone       the readers' IANA zone; null for every zone
 * @param date       their local date: the digest date of their email
 * @param hour       their local hour, which their chosen hour must have reached
 * @param ignoreHour true for an explicit run for a date, which does not wait for the readers' hour
 */
record Slice(String zone, LocalDate date, int hour, boolean ignoreHour) {

    /** The zone's readers at an instant: their local date and hour then. */
    static Slice at(String zone, Instant now) {
        ZonedDateTime local = now.atZone(DigestInputs.zoneOrUtc(zone));
        return new Slice(zone, local.toLocalDate(), local.getHour(), false);
    }

    /** Every reader due on the date, whatever their zone and hour: an operator's run. */
    static Slice everyZone(LocalDate date) {
        return new Slice(null, date, 0, true);
    }
}
