package io.paperpost.subscription;

import java.time.format.TextStyle;
import java.util.Locale;

/** A reader's schedule in words, for the welcome email and the preferences page. */
public final class ScheduleText {

    private ScheduleText() {
    }

    public static String describe(Schedule schedule) {
        String hour = String.format(Locale.ROOT, "%02d:00", schedule.deliveryHour());
        String zone = schedule.timeZone();
        String base = switch (schedule.frequency()) {
            case DAILY -> "every morning's new papers, each day at " + hour + " (" + zone + ")";
            case WEEKLY -> "the week's new papers, every "
                    + schedule.weeklyDay().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at " + hour + " (" + zone
                    + ")";
            case PAUSED -> "nothing for now: your emails are paused until you resume them";
        };
        if (schedule.pausedUntil() != null && schedule.frequency() != DigestFrequency.PAUSED) {
            base += ", starting after your break ends on " + schedule.pausedUntil();
        }
        return base;
    }
}
