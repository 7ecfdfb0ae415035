package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Closeness in meaning as the ranker uses it, with made-up vectors (no model needed). */
class SemanticRankingTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);
    final Random random = new Random(11);
    /** A direction per theme; papers and interests are noisy copies of one. */
    final float[] kernels = SemanticVectorTest.random(random, 384);
    final float[] vision = SemanticVectorTest.random(random, 384);
    final float[] speech = SemanticVectorTest.random(random, 384);

    SemanticVector near(float[] theme, double noise) {
        float[] v = SemanticVectorTest.random(random, 384);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (theme[i] + noise * v[i]);
        }
        return SemanticVector.of(v);
    }

    List<CandidatePaper> day() {
        List<CandidatePaper> papers = new ArrayList<>();
        papers.add(paper("p-kernel", "Triton autotuning for fused attention operators", near(kernels, 0.5)));
        papers.add(paper("p-vision", "Open-vocabulary segmentation with frozen backbones", near(vision, 0.5)));
        papers.add(paper("p-speech", "Streaming speech recognition with small transducers", near(speech, 0.5)));
        for (int i = 0; i < 40; i++) {
            papers.add(paper("p-other-" + i, "Unrelated study number " + i,
                    SemanticVector.of(SemanticVectorTest.random(random, 384))));
        }
        return papers;
    }

    static CandidatePaper paper(String id, String title, SemanticVector meaning) {
        return new CandidatePaper(id, title, "An abstract about " + title.toLowerCase() + ".", List.of(), Set.of(), 0,
                DAY, meaning);
    }

    ReaderProfile reader(String interests, SemanticProfile meaning) {
        return new ReaderProfile(Set.of(), interests, List.of(), 0, Set.of()).withExploration(false)
                .withSemantic(meaning);
    }

    @Test
    void aPaperCloseInMeaningIsPickedWithoutSharingAWordAndSaysWhy() {
        Ranker.DayIndex index = new Ranker(List.of()).index(day(), DAY);
        String interests = "making GPU code run faster";
        SemanticProfile meaning = new SemanticProfile(
                List.of(new SemanticProfile.Aspect(interests, near(kernels, 0.5), false)), List.of(), List.of());

        List<RankedPaper> picks = index.rank(reader(interests, meaning), 3);

        assertEquals("p-kernel", picks.get(0).paper().id());
        assertEquals("close in meaning to your interest 'making GPU code run faster'", picks.get(0).reason());
        double sum = picks.get(0).parts().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(picks.get(0).score(), sum, 1e-9);
        assertTrue(picks.get(0).parts().containsKey("meaning"));
    }

    @Test
    void withoutVectorsTheSameReaderGetsTheTrendingFallback() {
        List<CandidatePaper> plain = day().stream()
                .map(p -> new CandidatePaper(p.id(), p.title(), p.summary(), p.authors(), p.categories(),
                        p.upvotes(), p.publishedOn()))
                .toList();
        Ranker.DayIndex index = new Ranker(List.of()).index(plain, DAY);
        List<RankedPaper> picks = index.rank(reader("making GPU code run faster", SemanticProfile.NONE), 3);
        assertTrue(picks.stream().allMatch(RankedPaper::trending));
    }

    @Test
    void aLikedPaperPullsUpItsNeighboursAndIsNamedInTheReason() {
        Ranker.DayIndex index = new Ranker(List.of()).index(day(), DAY);
        SemanticProfile meaning = new SemanticProfile(List.of(),
                List.of(new SemanticProfile.RatedPaper("Conformer-based speech recognition", near(speech, 0.4))),
                List.of());

        List<RankedPaper> picks = index.rank(reader("", meaning), 3);

        assertEquals("p-speech", picks.get(0).paper().id());
        assertEquals("similar to 'Conformer-based speech recognition', which you liked", picks.get(0).reason());
        assertFalse(picks.get(0).trending());
    }

    @Test
    void aNegativeAspectPushesItsPapersBelowTheWantedOnes() {
        Ranker.DayIndex index = new Ranker(List.of()).index(day(), DAY);
        SemanticProfile both = new SemanticProfile(List.of(
                new SemanticProfile.Aspect("computer vision and speech", near(vision, 0.9), false),
                new SemanticProfile.Aspect("segmentation", near(vision, 0.5), true)), List.of(), List.of());
        List<String> ids = index.rank(reader("computer vision and speech", both), 10).stream()
                .map(p -> p.paper().id()).toList();
        assertFalse(ids.contains("p-vision"), ids.toString());
    }

    @Test
    void anEmojiOnlyInterestFallsBackToTrendingPapers() {
        Ranker.DayIndex index = new Ranker(List.of()).index(day(), DAY);
        assertTrue(index.rank(reader("🙂🚀", SemanticProfile.NONE), 3).stream().allMatch(RankedPaper::trending));
    }
}
