package io.paperpost.ranking;

/**
 * Engine-wide knobs of a ranking run (per-reader switches live in {@link ReaderProfile}).
 *
 * @param maxPerTopic at most this many personal picks share one primary topic, so one hot theme cannot fill the
 *                    list; papers over the cap are used only if nothing else matched. 0 = no cap
 * @param trendHalfLifeDays upvotes count half as much for a paper this many days older than the index's "today"
 */
public record RankOptions(int maxPerTopic, double trendHalfLifeDays) {

    public static final RankOptions DEFAULTS = new RankOptions(6, 7);

    public RankOptions {
        if (maxPerTopic < 0) {
            throw new IllegalArgumentException("maxPerTopic must be >= 0: " + maxPerTopic);
        }
        if (!(trendHalfLifeDays > 0)) {
            throw new IllegalArgumentException("trendHalfLifeDays must be > 0: " + trendHalfLifeDays);
        }
    }

    public RankOptions withMaxPerTopic(int max) {
        return new RankOptions(max, trendHalfLifeDays);
    }
}
