package io.paperpost.subscription;

import io.paperpost.site.FieldErrors;
import io.paperpost.site.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When and how a reader gets their email, validated.
 *
 * @param pausedUntil nothing is sent before this date; null when not paused until a date
 * @param delivery    email, or only the Atom feed
 */
public record Schedule(int papersPerEmail, DigestFrequency frequency, DayOfWeek weeklyDay, LocalDate pausedUntil,
        int deliveryHour, String timeZone, MailFormat mailFormat, DeliveryChannel delivery) {

    /** The IANA ids the JVM knows; {@link ZoneId#getAvailableZoneIds()} builds a new set on every call. */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** The zones a form offers: region/city ids, sorted, without the legacy Etc/ and SystemV/ aliases. */
    public static final List<String> ZONE_CHOICES = ZONE_IDS.stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    public static final int MIN_PAPERS = 5;
    public static final int MAX_PAPERS = 30;

    /** The schedule as stored. */
    public static Schedule of(Reader reader) {
        return new Schedule(reader.papersPerEmail, reader.frequency, reader.weeklyDay, reader.pausedUntil,
                reader.deliveryHour, reader.timeZone, reader.mailFormat, reader.deliveryChannel);
    }

    /**
     * Reads the schedule fields as typed in the form or sent to the API; a null field keeps the current value
     * (an empty {@code pausedUntil} clears the pause).
     *
     * @param today the reader's local date: a pause must end after it
     * @throws InvalidInputException naming the first field at fault and carrying every refused one
     */
    public static Schedule parse(Schedule current, String papersPerEmail, String frequency, String weeklyDay,
            String pausedUntil, String deliveryHour, String timeZone, String mailFormat, String delivery,
            LocalDate today) {
        // Every field is checked, so the page can show all refused ones at once.
        FieldErrors errors = new FieldErrors();
        int papers = papersPerEmail == null
                ? current.papersPerEmail()
                : errors.attempt(() -> integer("papersPerEmail", papersPerEmail, MIN_PAPERS, MAX_PAPERS,
                        "Choose between " + MIN_PAPERS + " and " + MAX_PAPERS + " papers per email."),
                        current.papersPerEmail());
        DigestFrequency often = frequency == null
                ? current.frequency()
                : errors.attempt(() -> option("frequency", DigestFrequency.class, frequency,
                        "Choose daily, weekly or paused."), current.frequency());
        DayOfWeek day = weeklyDay == null
                ? current.weeklyDay()
                : errors.attempt(() -> option("weeklyDay", DayOfWeek.class, weeklyDay, "Choose a day of the week."),
                        current.weeklyDay());
        LocalDate until = pausedUntil == null
                ? current.pausedUntil()
                : errors.attempt(() -> pauseDate(pausedUntil, today), current.pausedUntil());
        int hour = deliveryHour == null
                ? current.deliveryHour()
                : errors.attempt(() -> integer("deliveryHour", deliveryHour, 0, 23, "Choose an hour from 0 to 23."),
                        current.deliveryHour());
        String zone = timeZone == null
                ? current.timeZone()
                : errors.attempt(() -> zone("timeZone", timeZone),
                        current.timeZone());
        MailFormat format = mailFormat == null
                ? current.mailFormat()
                : errors.attempt(() -> option("mailFormat", MailFormat.class, mailFormat,
                        "Choose HTML or plain text."), current.mailFormat());
        DeliveryChannel channel = delivery == null
                ? current.delivery()
                : errors.attempt(() -> option("delivery", DeliveryChannel.class, delivery,
                        "Choose email or feed only."), current.delivery());
        errors.throwIfAny();
        return new Schedule(papers, often, day, until, hour, zone, format, channel);
    }

    /**
     * An IANA time zone id such as {@code Europe/Berlin} (or {@code UTC}); offsets and abbreviations are refused.
     *
     * @throws InvalidInputException naming {@code field}
     */
    public static String zone(String field, String typed) {
        String id = typed == null ? "" : typed.strip();
        if (id.length() > 64 || !ZONE_IDS.contains(id)) {
            throw new InvalidInputException(field,
                    "Choose a time zone from the list, such as Europe/Berlin or America/New_York.");
        }
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field,
                    "Choose a time zone from the list, such as Europe/Berlin or America/New_York.");
        }
    }

    private static LocalDate pauseDate(String typed, LocalDate today) {
        if (typed.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("pausedUntil", "Enter the date as YYYY-MM-DD.");
        }
        if (!date.isAfter(today) || date.isAfter(today.plusYears(2))) {
            throw new InvalidInputException("pausedUntil", "Choose a date after today and within two years.");
        }
        return date;
    }

    private static int integer(String field, String typed, int min, int max, String message) {
        int value;
        try {
            value = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, message);
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }

    private static <E extends Enum<E>> E option(String field, Class<E> type, String typed, String message) {
        try {
            return Enum.valueOf(type, typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message);
        }
    }
}
