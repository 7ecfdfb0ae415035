package io.paperpost.ranking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Each paper's trend: log-scaled upvotes relative to the day's best, halved every half-life of age; and the
 * papers in trend order. Immutable.
 */
final class DayTrend {

    private final float[] scores;
    /** Docs ordered by trend, best first (ties: more upvotes, then id). */
    private final int[] byTrend;

    DayTrend(CandidatePaper[] papers, LocalDate today, double halfLifeDays) {
        int n = papers.length;
        scores = new float[n];
        int maxUpvotes = 0;
        for (CandidatePaper paper : papers) {
            maxUpvotes = Math.max(maxUpvotes, paper.upvotes());
        }
        double logMax = Math.log1p(maxUpvotes);
        for (int d = 0; d < n; d++) {
            if (logMax > 0 && papers[d].upvotes() > 0) {
                double age = papers[d].publishedOn() == null
                        ? 0
                        : Math.max(0, ChronoUnit.DAYS.between(papers[d].publishedOn(), today));
                scores[d] = (float) (Math.log1p(papers[d].upvotes()) / logMax * Math.pow(0.5, age / halfLifeDays));
            }
        }
        Integer[] order = new Integer[n];
        for (int d = 0; d < n; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(scores[b], scores[a]);
            if (c == 0) {
                c = Integer.compare(papers[b].upvotes(), papers[a].upvotes());
            }
            return c != 0 ? c : papers[a].id().compareTo(papers[b].id());
        });
        byTrend = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    float of(int doc) {
        return scores[doc];
    }

    /** The scores by doc, for the scoring loop; not to be written. */
    float[] scores() {
        return scores;
    }

    /** Docs best first; not to be written. */
    int[] byTrend() {
        return byTrend;
    }
}
