package io.paperpost.ranking;

/**
 * Engine-wide knobs of a ranking run (per-reader switches live in {@link ReaderProfile}).
 *
 * @param maxPerTopic at most this many personal picks share one primary topic, so one hot theme cannot fill the
 *                    list; papers over the cap are used only if nothing else matched. 0 = no cap
 * @param trendHalfLifeDays upvotes count half as much for a paper this many days older than the index's "today"
 * @param fusion      how closeness in meaning joins the word-based score
 */
public record RankOptions(int maxPerTopic, double trendHalfLifeDays, Fusion fusion) {

    public static final RankOptions DEFAULTS = new RankOptions(6, 7, Fusion.FITTED);

    public RankOptions(int maxPerTopic, double trendHalfLifeDays) {
        this(maxPerTopic, trendHalfLifeDays, Fusion.FITTED);
    }

    public RankOptions {
        if (maxPerTopic < 0) {
            throw new IllegalArgumentException("maxPerTopic must be >= 0: " + maxPerTopic);
        }
        if (!(trendHalfLifeDays > 0)) {
            throw new IllegalArgumentException("trendHalfLifeDays must be > 0: " + trendHalfLifeDays);
        }
        fusion = fusion == null ? Fusion.FITTED : fusion;
    }

    public RankOptions withMaxPerTopic(int max) {
        return new RankOptions(max, trendHalfLifeDays, fusion);
    }

    public RankOptions withFusion(Fusion weights) {
        return new RankOptions(maxPerTopic, trendHalfLifeDays, weights);
    }
}
