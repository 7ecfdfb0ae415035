package io.paperpost.ranking;

/**
 * An analyzed interest text or feedback vector against one day's {@link TermIndex}: parallel arrays of term ids,
 * their weights and the reader's own words for each term (null where there are none, as for feedback terms).
 *
 * @param maxScore what a paper matching every word perfectly would score; scores are divided by a share of it
 */
record Query(int[] terms, float[] weights, double maxScore, String[] surfaces) {

    static final Query EMPTY = new Query(new int[0], new float[0], 0, new String[0]);

    boolean isEmpty() {
        return terms.length == 0;
    }
}
