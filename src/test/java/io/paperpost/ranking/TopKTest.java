package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsOnlyTheBestScoresBestFirst() {
        TopK top = new TopK(3);
        double[] scores = {0.1, 0.9, 0.4, 0.7, 0.2, 0.8};
        for (int d = 0; d < scores.length; d++) {
            top.offer(d, scores[d]);
        }
        assertArrayEquals(new int[]{1, 5, 3}, top.sorted());
    }

    @Test
    void fewerOffersThanRoomAreAllKept() {
        TopK top = new TopK(10);
        top.offer(4, 0.5);
        top.offer(2, 0.9);
        assertArrayEquals(new int[]{2, 4}, top.sorted());
        assertArrayEquals(new int[0], new TopK(5).sorted());
    }

    @Test
    void equalScoresGoToTheLowerDocWhenDocsComeInOrder() {
        TopK top = new TopK(2);
        top.offer(1, 0.5);
        for (int d = 2; d < 6; d++) {
            top.offer(d, 1.0);
        }
        assertArrayEquals(new int[]{2, 3}, top.sorted());
    }

    @Test
    void aLaterDocNeverDisplacesAnEqualScore() {
        TopK top = new TopK(2);
        for (int d : new int[]{9, 7, 3}) {
            top.offer(d, 1.0);
        }
        // the scorer offers docs in increasing order, so "first offered" is "lower doc"
        assertArrayEquals(new int[]{7, 9}, top.sorted());
    }

    @Test
    void agreesWithSortingEverythingOnRandomScores() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            int capacity = 1 + random.nextInt(50);
            // few distinct values, so ties are common
            double[] scores = random.doubles(n).map(x -> Math.floor(x * 20) / 20).toArray();
            TopK top = new TopK(capacity);
            for (int d = 0; d < n; d++) {
                top.offer(d, scores[d]);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(d -> -scores[d]).thenComparing(d -> d))
                    .limit(capacity).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, top.sorted(), "round " + round);
        }
    }
}
