package io.paperpost.ranking.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperpost.ranking.eval.EvalData.Judged;
import io.paperpost.ranking.eval.RankingEvaluation.MethodResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the ranker's measured quality (docs/ranking.md) on the independent readers' held-out profiles, which no
 * one looked at while tuning: it must stay above its floor and above every baseline.
 */
class RankingEvaluationTest {

    /** Held-out nDCG@10 measured when this floor was set (0.662), less a little so harmless changes do not fail. */
    static final double HELD_OUT_NDCG_FLOOR = 0.65;

    @Test
    void theRankerBeatsEveryBaselineOnTheHeldOutReaders() {
        RankingEvaluation eval = new RankingEvaluation(EvalData.readers());
        assertTrue(eval.data.judged().size() >= 60, "profiles: " + eval.data.judged().size());
        assertTrue(eval.papers.size() >= 600, "papers: " + eval.papers.size());
        List<Judged> held = eval.data.heldOut();
        List<MethodResult> results = eval.all();
        System.out.println(eval.report(results));
        MethodResult ranker = results.get(0);
        assertTrue(ranker.meanNdcg(held) >= HELD_OUT_NDCG_FLOOR, "held-out nDCG@10 " + ranker.meanNdcg(held));
        for (MethodResult baseline : results.subList(1, results.size())) {
            assertTrue(ranker.meanNdcg(held) > baseline.meanNdcg(held),
                    baseline.method() + " held-out nDCG@10 " + baseline.meanNdcg(held));
        }
    }

    @Test
    void theJudgmentSetsHaveEveryKindOfReaderOnBothSides() {
        EvalData readers = EvalData.readers();
        for (String kind : List.of("short", "long", "plain", "author", "feedback")) {
            assertTrue(readers.dev().stream().anyMatch(j -> j.kind().equals(kind)), "dev " + kind);
            assertTrue(readers.heldOut().stream().anyMatch(j -> j.kind().equals(kind)), "held-out " + kind);
        }
        assertEquals(20, EvalData.tuners().judged().size());
    }

    @Test
    void metricsBehave() {
        var grades = Map.of("a", 2, "b", 1);
        assertEquals(1.0, RankingEvaluation.ndcg(List.of("a", "b", "x"), grades, 10), 1e-9);
        assertTrue(RankingEvaluation.ndcg(List.of("b", "a"), grades, 10) < 1.0);
        assertEquals(0.0, RankingEvaluation.ndcg(List.of("x", "y"), grades, 10), 1e-9);
        assertEquals(0.4, RankingEvaluation.precision(List.of("a", "x", "b", "y", "z"), grades, 5), 1e-9);
        assertEquals(0.5, RankingEvaluation.reciprocalRank(List.of("x", "b"), grades, 10), 1e-9);
    }
}
