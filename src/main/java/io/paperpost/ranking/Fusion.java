package io.paperpost.ranking;

/**
 * How closeness in meaning joins the word-based score. The defaults are fitted by 5-fold cross-validation on the
 * development judgments, never on the held-out ones ({@code RankingFusionFit}; the grid, the folds and the
 * held-out score are in docs/ranking.md). The word-based weights (interest 1.0, topic 0.25, author 1.0,
 * feedback 0.6) stay as they were, so the fitted weights read relative to a full interest match.
 *
 * @param meaningFloor   below this cosine a paper is not close in meaning at all; above it closeness rises
 *                       linearly to 1 at a cosine of 1
 * @param meaningWeight  weight of closeness to the interest text (its best aspect)
 * @param negativeWeight how much closeness to a negative aspect ("not interested in …") takes away
 * @param similarWeight  weight of closeness to the liked papers' centroid
 * @param dislikedWeight how much closeness to the disliked papers' centroid takes away
 * @param expansion      how far an interest aspect's vector moves toward its nearest papers before scoring
 *                       (pseudo-relevance feedback; 0 = none)
 * @param meaningMatch   the cosine from which closeness in meaning alone (no matching words) puts a paper in the
 *                       email. Calibrated, not fitted: on the development judgments a paper at 0.50–0.55 to the
 *                       reader's closest aspect is relevant one time in three, at 0.45–0.50 one in six, and
 *                       nDCG@10 would always prefer a lower bar because it never punishes a long list
 */
public record Fusion(double meaningFloor, double meaningWeight, double negativeWeight, double similarWeight,
        double dislikedWeight, double expansion, double meaningMatch) {

    public static final Fusion FITTED = new Fusion(0.25, 0.5, 1.0, 0.6, 0.5, 1.0, 0.50);

    public Fusion {
        if (!(meaningFloor >= 0 && meaningFloor < 1)) {
            throw new IllegalArgumentException("meaningFloor must be within [0, 1): " + meaningFloor);
        }
        if (meaningWeight < 0 || negativeWeight < 0 || similarWeight < 0 || dislikedWeight < 0 || expansion < 0) {
            throw new IllegalArgumentException("fusion weights must be >= 0");
        }
    }

    /** The closeness from which a paper qualifies by similarity to the liked papers alone. */
    public float matchCloseness() {
        return closeness(Math.max(meaningMatch, meaningFloor));
    }

    /** Closeness for a cosine: 0 up to the floor, then linear up to 1 at a cosine of 1. */
    public float closeness(double cosine) {
        return cosine <= meaningFloor ? 0f : (float) ((cosine - meaningFloor) / (1 - meaningFloor));
    }
}
