package io.paperpost.ranking.eval;

import io.paperpost.ranking.Fusion;
import io.paperpost.ranking.eval.EvalData.Judged;
import io.paperpost.ranking.eval.RankingEvaluation.MethodResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link Fusion}'s weights by 5-fold cross-validation on the development profiles only, then reports the
 * chosen weights' held-out score once. The held-out profiles take no part in the choice.
 *
 * <p>For each fold, the grid point with the best mean nDCG@10 on the other four folds is scored on the fold; the
 * mean over folds is the cross-validated estimate. The weights to ship are the best grid point on all of dev.
 * {@code dislikedWeight} stays at its prior (0.5): the judgments have no disliked papers to fit it on.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.paperpost.ranking.eval.RankingFusionFit}
 */
public final class RankingFusionFit {

    static final double[] FLOORS = {0.20, 0.25, 0.30, 0.35};
    static final double[] MEANING = {0.5, 1.0, 1.5, 2.0, 3.0};
    static final double[] NEGATIVE = {0.0, 1.0};
    static final double[] SIMILAR = {0.3, 0.6};
    static final double[] EXPANSION = {0.0, 0.5, 1.0};
    static final int FOLDS = 5;

    record Point(Fusion fusion, MethodResult result) {
    }

    public static void main(String[] args) {
        RankingEvaluation eval = new RankingEvaluation(EvalData.readers());
        List<Judged> dev = eval.data.dev();
        List<Point> grid = new ArrayList<>();
        for (double floor : FLOORS) {
            for (double meaning : MEANING) {
                for (double negative : NEGATIVE) {
                    for (double similar : SIMILAR) {
                        for (double expansion : EXPANSION) {
                            Fusion f = new Fusion(floor, meaning, negative, similar, 0.5, expansion,
                                    Fusion.FITTED.meaningMatch());
                            grid.add(new Point(f, eval.ranker(f.toString(), f, dev)));
                        }
                    }
                }
            }
        }
        double cv = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            int k = fold;
            List<Judged> test = new ArrayList<>();
            List<Judged> train = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                (i % FOLDS == k ? test : train).add(dev.get(i));
            }
            Point best = grid.stream().max(Comparator.comparingDouble(p -> p.result().meanNdcg(train))).orElseThrow();
            double score = best.result().meanNdcg(test);
            cv += score * test.size();
            System.out.printf(Locale.ROOT, "fold %d: best on the other folds %s (%.3f), on this fold %.3f%n", k,
                    best.fusion(), best.result().meanNdcg(train), score);
        }
        System.out.printf(Locale.ROOT, "cross-validated nDCG@10 on dev: %.3f%n", cv / dev.size());
        grid.sort(Comparator.comparingDouble((Point p) -> -p.result().meanNdcg(dev)));
        System.out.println("\nbest grid points on all of dev:");
        for (int i = 0; i < 10; i++) {
            System.out.printf(Locale.ROOT, "  %.3f  %s%n", grid.get(i).result().meanNdcg(dev), grid.get(i).fusion());
        }
        Fusion chosen = grid.get(0).fusion();
        MethodResult held = eval.ranker("chosen", chosen, eval.data.heldOut());
        System.out.printf(Locale.ROOT, "%nchosen %s: dev %.3f, held-out %.3f (%d profiles)%n", chosen,
                grid.get(0).result().meanNdcg(dev), held.meanNdcg(eval.data.heldOut()), eval.data.heldOut().size());
    }
}
