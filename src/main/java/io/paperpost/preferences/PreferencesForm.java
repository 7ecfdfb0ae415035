package io.paperpost.preferences;

import io.paperpost.subscription.Reader;
import io.paperpost.subscription.Schedule;
import io.paperpost.subscription.ScheduleText;
import io.paperpost.subscription.TopicCatalog;
import io.paperpost.subscription.TopicChoice;
import java.util.List;

/**
 * The preferences form's values as shown: the saved ones, or what the reader typed when a value was refused
 * (so nothing they entered is lost).
 */
public record PreferencesForm(List<TopicChoice> topics, String interests, String authors, String trendPercent,
        boolean exploration, boolean onlyWhenMatches, String papersPerEmail, String frequency,
        String weeklyDay, String pausedUntil, String deliveryHour, String timeZone,
        String mailFormat, String delivery, String scheduleText) {

    static PreferencesForm saved(Reader reader, TopicCatalog catalog) {
        Schedule schedule = Schedule.of(reader);
        return new PreferencesForm(TopicChoice.of(catalog, reader.topics), reader.interests,
                String.join("\n", reader.followedAuthors), String.valueOf(Math.round(reader.trendWeight * 100)),
                reader.exploration, reader.onlyWhenMatches, String.valueOf(reader.papersPerEmail),
                reader.frequency.name(), reader.weeklyDay.name(),
                reader.pausedUntil == null ? "" : reader.pausedUntil.toString(), String.valueOf(reader.deliveryHour),
                reader.timeZone, reader.mailFormat.name(), reader.deliveryChannel.name(),
                ScheduleText.describe(schedule));
    }

    /** What was posted, with the saved value wherever a field was not posted at all. */
    PreferencesForm overlay(List<TopicChoice> postedTopics, String postedInterests, String postedAuthors,
            String postedTrend, boolean postedExploration, boolean postedOnlyWhenMatches,
            String postedPapers, String postedFrequency, String postedDay, String postedPause,
            String postedHour, String postedZone, String postedFormat, String postedDelivery) {
        return new PreferencesForm(postedTopics, or(postedInterests, interests), or(postedAuthors, authors),
                or(postedTrend, trendPercent), postedExploration, postedOnlyWhenMatches,
                or(postedPapers, papersPerEmail),
                or(postedFrequency, frequency), or(postedDay, weeklyDay), or(postedPause, pausedUntil),
                or(postedHour, deliveryHour), or(postedZone, timeZone), or(postedFormat, mailFormat),
                or(postedDelivery, delivery), scheduleText);
    }

    private static String or(String posted, String saved) {
        return posted == null ? saved : posted;
    }
}
