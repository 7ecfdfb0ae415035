package io.paperpost.ranking.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the ranker's measured quality (docs/ranking.md) against regressions. */
class RankingEvaluationTest {

    /** Measured 0.806 / 0.870 when this floor was set; a little under, so harmless noise does not fail. */
    static final double NDCG_FLOOR = 0.78;
    static final double P5_FLOOR = 0.83;

    @Test
    void rankerStaysAboveItsFloorAndEveryBaseline() {
        RankingEvaluation eval = new RankingEvaluation();
        assertEquals(20, eval.judged.size());
        assertEquals(281, eval.papers.size());
        RankingEvaluation.MethodResult ranker = eval.ranker();
        List<RankingEvaluation.MethodResult> baselines = List.of(eval.upvotesOnly(), eval.newestFirst(),
                eval.titleOverlap());
        System.out.println(eval.report(List.of(ranker, baselines.get(0), baselines.get(1), baselines.get(2))));
        assertTrue(ranker.meanNdcg() >= NDCG_FLOOR, "nDCG@10 " + ranker.meanNdcg());
        assertTrue(ranker.meanP5() >= P5_FLOOR, "P@5 " + ranker.meanP5());
        for (RankingEvaluation.MethodResult baseline : baselines) {
            assertTrue(ranker.meanNdcg() > baseline.meanNdcg(), baseline.method() + " nDCG@10 " + baseline.meanNdcg());
            assertTrue(ranker.meanP5() > baseline.meanP5(), baseline.method() + " P@5 " + baseline.meanP5());
        }
    }

    @Test
    void metricsBehave() {
        var grades = java.util.Map.of("a", 2, "b", 1);
        assertEquals(1.0, RankingEvaluation.ndcg(List.of("a", "b", "x"), grades, 10), 1e-9);
        assertTrue(RankingEvaluation.ndcg(List.of("b", "a"), grades, 10) < 1.0);
        assertEquals(0.0, RankingEvaluation.ndcg(List.of("x", "y"), grades, 10), 1e-9);
        assertEquals(0.4, RankingEvaluation.precision(List.of("a", "x", "b", "y", "z"), grades, 5), 1e-9);
    }
}
