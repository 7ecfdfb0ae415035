package io.paperpost.subscription;

import io.paperpost.site.InvalidInputException;

/**
 * How a reader wants their papers picked.
 *
 * @param trendWeight     0 = only what matches me, 1 = only what the community upvotes
 * @param exploration     include one pick from outside the reader's usual topics
 * @param onlyWhenMatches send nothing on days when nothing matches, instead of the day's trending papers
 */
public record RankingSettings(double trendWeight, boolean exploration, boolean onlyWhenMatches) {

    /**
     * Reads the preferences form: the trend slider as a whole percentage, the two checkboxes as present or not.
     *
     * @throws InvalidInputException naming {@code trendWeight} when the percentage is not 0–100
     */
    public static RankingSettings fromForm(String trendPercent, boolean exploration, boolean onlyWhenMatches) {
        int percent;
        try {
            percent = Integer.parseInt(trendPercent == null ? "" : trendPercent.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("trendWeight", "Choose how much trending counts, from 0 to 100.");
        }
        if (percent < 0 || percent > 100) {
            throw new InvalidInputException("trendWeight", "Choose how much trending counts, from 0 to 100.");
        }
        return new RankingSettings(percent / 100.0, exploration, onlyWhenMatches);
    }
}
