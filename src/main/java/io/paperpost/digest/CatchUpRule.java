package io.paperpost.digest;

import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether a reader's email is a "While you were away" catch-up: more than a week of their scheduled days passed
 * without one since their last. Both dates are the reader's own local dates, so no two clocks are compared.
 * {@code lastDigestDate} moves on "nothing new" days too, so only days on which nothing was handled count: a pause,
 * the "paused" frequency, or anything else that kept emails from them.
 */
final class CatchUpRule {

    private CatchUpRule() {
    }

    /**
     * @param date      the local date of the email being composed
     * @param afterDays scheduled days without an email beyond which it is a catch-up
     * @return the local date of the reader's last email when this one is a catch-up, else null
     */
    static LocalDate awaySince(Reader reader, LocalDate date, int afterDays) {
        if (reader.lastDigestDate == null || reader.papersThrough == null) {
            return null;
        }
        long interval = reader.frequency == DigestFrequency.WEEKLY ? 7 : 1;
        // Email on day 1, paused days 2 to 9 (eight days), back on day 10: 9 days between, 8 of them missed.
        long missed = ChronoUnit.DAYS.between(reader.lastDigestDate, date) - interval;
        return missed > afterDays ? reader.lastDigestDate : null;
    }
}
