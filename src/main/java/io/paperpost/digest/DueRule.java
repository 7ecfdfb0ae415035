package io.paperpost.digest;

import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a reader is owed an email, given their local date and hour. The rule, in the reader's own zone:
 * <ul>
 * <li>nothing while the frequency is PAUSED or the pause date is on or after the local date;</li>
 * <li>nothing before the chosen local hour; from that hour on the email is due (a late run still sends it);</li>
 * <li>never a second email for a local date, nor one older than the last sent: only the current local date is
 * ever sent, so after downtime the reader gets one email holding everything since their last one, never
 * yesterday's and today's together;</li>
 * <li>daily readers every day; weekly readers on their weekday, or on the first day after a missed weekday
 * (downtime) once they have had an email before; a weekday that fell in a pause is not made up.</li>
 * </ul>
 * {@link #isDue} is the rule; {@link #condition} is the same rule as a JPQL condition, so the database returns
 * only due readers. A test keeps the two in agreement.
 */
final class DueRule {

    private DueRule() {
    }

    /**
     * @param date       the reader's local date, which is the digest date of the email
     * @param hour       the reader's local hour (0–23)
     * @param ignoreHour true for an explicit run for a date, which does not wait for the reader's hour
     */
    static boolean isDue(Reader reader, LocalDate date, int hour, boolean ignoreHour) {
        if (reader.frequency == DigestFrequency.PAUSED || pausedOn(reader.pausedUntil, date)) {
            return false;
        }
        if (!ignoreHour && hour < reader.deliveryHour) {
            return false;
        }
        LocalDate last = reader.lastDigestDate;
        if (last != null && !last.isBefore(date)) {
            return false;
        }
        if (reader.frequency == DigestFrequency.DAILY) {
            return true;
        }
        LocalDate scheduled = date.with(TemporalAdjusters.previousOrSame(reader.weeklyDay));
        if (scheduled.equals(date)) {
            return true;
        }
        // A missed weekday: made up once the reader has had an email, and only if the weekday was not paused.
        return last != null && last.isBefore(scheduled) && !pausedOn(reader.pausedUntil, scheduled);
    }

    private static boolean pausedOn(LocalDate pausedUntil, LocalDate date) {
        return pausedUntil != null && !pausedUntil.isBefore(date);
    }

    /**
     * The rule as a JPQL condition on {@code Reader r} (readers of any status: callers add theirs), with its
     * named parameters. Without {@code ignoreHour} the condition needs the reader's local hour as {@code hour}.
     */
    record Condition(String jpql, Map<String, Object> parameters) {
    }

    static Condition condition(LocalDate date, int hour, boolean ignoreHour) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("date", date);
        parameters.put("paused", DigestFrequency.PAUSED);
        parameters.put("daily", DigestFrequency.DAILY);
        parameters.put("weekly", DigestFrequency.WEEKLY);
        parameters.put("weekday", date.getDayOfWeek());
        StringBuilder jpql = new StringBuilder(
                "r.frequency <> :paused and (r.pausedUntil is null or r.pausedUntil < :date)"
                        + " and (r.lastDigestDate is null or r.lastDigestDate < :date)");
        if (!ignoreHour) {
            jpql.append(" and r.deliveryHour <= :hour");
            parameters.put("hour", hour);
        }
        jpql.append(" and (r.frequency = :daily or (r.frequency = :weekly and (r.weeklyDay = :weekday");
        for (int back = 1; back < 7; back++) {
            LocalDate scheduled = date.minusDays(back);
            DayOfWeek day = scheduled.getDayOfWeek();
            String suffix = day.name().toLowerCase(java.util.Locale.ROOT);
            jpql.append(" or (r.weeklyDay = :day_").append(suffix)
                    .append(" and r.lastDigestDate < :since_").append(suffix)
                    .append(" and (r.pausedUntil is null or r.pausedUntil < :since_").append(suffix).append("))");
            parameters.put("day_" + suffix, day);
            parameters.put("since_" + suffix, scheduled);
        }
        jpql.append(")))");
        return new Condition(jpql.toString(), parameters);
    }
}
