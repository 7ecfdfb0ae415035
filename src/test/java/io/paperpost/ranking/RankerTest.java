package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RankerTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    static final List<Topic> TOPICS = List.of(
            new Topic("cs.RO", "Robotics", "", List.of("cs.RO"), List.of("robot", "manipulation")),
            new Topic("diffusion", "Diffusion models", "", List.of(), List.of("diffusion", "denoising")),
            new Topic("speech", "Speech and audio", "", List.of("eess.AS"), List.of("speech", "audio")),
            new Topic("moe", "Mixture of experts", "", List.of(), List.of("mixture of experts", "moe")));

    static CandidatePaper paper(String id, String title, String summary) {
        return new CandidatePaper(id, title, summary, List.of(), Set.of(), 0, TODAY);
    }

    static CandidatePaper paper(String id, String title, String summary, int upvotes) {
        return new CandidatePaper(id, title, summary, List.of(), Set.of(), upvotes, TODAY);
    }

    /** Background papers so that document frequencies look like a real day. */
    static List<CandidatePaper> filler() {
        List<CandidatePaper> list = new ArrayList<>();
        String[] subjects = {"graph networks", "protein folding", "tabular data", "recommender systems", "time series",
                "weather forecasting", "code search", "image segmentation", "knowledge graphs", "fairness audits"};
        for (int i = 0; i < subjects.length; i++) {
            list.add(paper("f" + i, "A study of " + subjects[i],
                    "We present a model for " + subjects[i]
                            + " and evaluate it on standard benchmarks with a new training"
                            + " recipe. Results show improvements over strong baselines."));
        }
        return list;
    }

    static List<CandidatePaper> with(CandidatePaper... papers) {
        List<CandidatePaper> list = filler();
        list.addAll(List.of(papers));
        return list;
    }

    static ReaderProfile reader(String interests) {
        return new ReaderProfile(Set.of(), interests, List.of(), 0.0, Set.of()).withExploration(false);
    }

    static List<String> ids(List<RankedPaper> picks) {
        return picks.stream().map(p -> p.paper().id()).toList();
    }

    Ranker ranker = new Ranker(TOPICS);

    // ---------------------------------------------------------------------------------------------- text model

    @Test
    void analyzerStemsAndDropsStopWords() {
        TextAnalyzer analyzer = new TextAnalyzer();
        assertEquals(List.of("run", "model", "robot"), analyzer.terms("Running the models of a robot"));
        assertEquals(analyzer.terms("diffusion policies"), analyzer.terms("Diffusion Policy"));
    }

    @Test
    void titleMatchOutranksAbstractMatch() {
        var index = ranker.index(with(
                paper("in-abstract", "A general learning framework",
                        "We apply it to speech enhancement in noisy rooms."),
                paper("in-title", "Speech enhancement in noisy rooms", "We propose a general learning framework.")),
                TODAY);
        assertEquals(List.of("in-title", "in-abstract"), ids(index.rank(reader("speech enhancement"), 2)));
    }

    @Test
    void rareWordsCountMoreThanCommonOnes() {
        // "benchmarks" is in every filler paper, "wavelet" only in one paper.
        var index = ranker.index(with(
                paper("rare", "Wavelet tricks", "Wavelet features everywhere."),
                paper("common", "More benchmarks", "Benchmarks and more benchmarks.")), TODAY);
        List<RankedPaper> picks = index.rank(reader("wavelet benchmarks"), 2);
        assertEquals("rare", picks.get(0).paper().id());
    }

    @Test
    void stemmingMatchesWordForms() {
        var index = ranker.index(with(paper("p", "Accelerated diffusion policies", "Robots manipulate objects.")),
                TODAY);
        List<RankedPaper> picks = index.rank(reader("diffusion policy for robot manipulation"), 1);
        assertEquals("p", picks.get(0).paper().id());
        // the reason quotes the reader's own words, not the stems
        assertEquals("matches your interest 'robot manipulation'", picks.get(0).reason());
        assertEquals("matches your interest 'diffusion policy'",
                index.rank(reader("diffusion policy"), 1).get(0).reason());
    }

    @Test
    void phraseMatchBeatsScatteredWords() {
        var index = ranker.index(with(
                paper("scattered", "Policy learning with diffusion", "A policy for control; diffusion of heat."),
                paper("phrase", "Diffusion policy learning for control", "We learn a policy.")), TODAY);
        assertEquals("phrase", index.rank(reader("diffusion policy"), 2).get(0).paper().id());
    }

    @Test
    void acronymsMeetTheirExpansions() {
        var index = ranker.index(with(
                paper("rl-acronym", "Better math answers",
                        "We fine-tune an LLM with GRPO, a form of RL, to improve reasoning."),
                paper("unrelated", "Reasoning about tables", "Symbolic methods for tabular data.")), TODAY);
        List<RankedPaper> picks = index.rank(reader("LLM reasoning with reinforcement learning"), 2);
        assertEquals("rl-acronym", picks.get(0).paper().id());

        var index2 = ranker.index(with(
                paper("long-form", "Scaling mixture of experts", "Sparse mixture-of-experts language models."),
                paper("other", "Dense transformers", "Dense language models at scale.")), TODAY);
        assertEquals("long-form", index2.rank(reader("MoE"), 2).get(0).paper().id());
        assertTrue(index2.rank(reader("MoE"), 2).stream().noneMatch(p -> p.paper().id().equals("other")),
                "the acronym alone must not match a paper without the concept");
    }

    @Test
    void unrelatedPaperIsNotAPersonalMatch() {
        var index = ranker.index(with(paper("p", "Speech enhancement", "Denoising speech.")), TODAY);
        List<RankedPaper> picks = index.rank(reader("speech enhancement"), 5);
        assertEquals(List.of("p"), ids(picks));
        assertEquals(RankedPaper.Kind.PERSONAL, picks.get(0).kind());
    }

    // ---------------------------------------------------------------------------------------------- topics

    @Test
    void topicMatchesByCategoryWhenThePaperHasCategories() {
        CandidatePaper categorised = new CandidatePaper("cat", "Denoising diffusion for grasping",
                "A diffusion model for robot grasping.", List.of(), Set.of("cs.RO"), 0, TODAY);
        CandidatePaper plain = paper("plain", "Denoising diffusion for images",
                "A diffusion model with denoising steps.");
        var index = ranker.index(with(categorised, plain), TODAY);
        ReaderProfile diffusionReader = new ReaderProfile(Set.of("diffusion"), "", List.of(), 0.0, Set.of())
                .withExploration(false);
        // The categorised paper talks about diffusion, but its categories decide: it is robotics, not diffusion.
        assertEquals(List.of("plain"), ids(index.rank(diffusionReader, 5)));
        ReaderProfile roboticsReader = new ReaderProfile(Set.of("cs.RO"), "", List.of(), 0.0, Set.of())
                .withExploration(false);
        List<RankedPaper> picks = index.rank(roboticsReader, 5);
        assertEquals(List.of("cat"), ids(picks));
        assertTrue(picks.get(0).reason().contains("in your topic 'Robotics'"), picks.get(0).reason());
    }

    @Test
    void topicMatchesBySeedTermsWithoutCategories() {
        var index = ranker.index(with(
                paper("seed-title", "Mixture of experts at scale", "We train sparse models."),
                paper("seed-abstract", "Sparse models", "Our MoE uses a mixture of experts router."),
                paper("no-seed", "Dense models", "Dense training.")), TODAY);
        ReaderProfile moeReader = new ReaderProfile(Set.of("moe"), "", List.of(), 0.0, Set.of()).withExploration(false);
        List<RankedPaper> picks = index.rank(moeReader, 5);
        assertEquals(List.of("seed-title", "seed-abstract"), ids(picks));
        assertTrue(picks.get(0).parts().get("topic") > picks.get(1).parts().get("topic") - 1e-9);
    }

    // ---------------------------------------------------------------------------------------------- authors

    @Test
    void followedAuthorIsBoostedAndNamed() {
        CandidatePaper byFollowed = new CandidatePaper("a", "Graph tricks", "Speech enhancement as a side note.",
                List.of("Ana Lopez", "José García"), Set.of(), 3, TODAY);
        CandidatePaper better = paper("b", "Speech enhancement with transformers", "Speech enhancement in noise.");
        var index = ranker.index(with(byFollowed, better), TODAY);
        ReaderProfile profile = new ReaderProfile(Set.of(), "speech enhancement", List.of("jose  garcia"), 0.0,
                Set.of())
                .withExploration(false);
        List<RankedPaper> picks = index.rank(profile, 2);
        assertEquals(List.of("a", "b"), ids(picks));
        assertTrue(picks.get(0).reason().contains("by José García, whom you follow"), picks.get(0).reason());
        assertTrue(picks.get(0).parts().containsKey("author"));
        assertFalse(picks.get(1).parts().containsKey("author"));
    }

    // ---------------------------------------------------------------------------------------------- list shape

    @Test
    void excludedPapersNeverAppear() {
        var index = ranker.index(with(
                paper("seen", "Speech enhancement", "Speech enhancement."),
                paper("new", "Speech enhancement again", "More speech enhancement.")), TODAY);
        ReaderProfile profile = reader("speech enhancement").withExcluded(Set.of("seen"));
        assertEquals(List.of("new"), ids(index.rank(profile, 10)));
        // not even as the trending fallback or exploration pick
        ReaderProfile nothing = new ReaderProfile(Set.of(), "quantum gravity", List.of(), 0.3, Set.of("seen", "new"));
        assertTrue(index.rank(nothing, 50).stream().noneMatch(p -> Set.of("seen", "new").contains(p.paper().id())));
    }

    @Test
    void oneTopicCannotFillTheList() {
        List<CandidatePaper> papers = filler();
        for (int i = 0; i < 9; i++) {
            papers.add(
                    paper("d" + i, "Fast diffusion sampling " + i, "Diffusion denoising acceleration for sampling."));
        }
        for (int i = 0; i < 4; i++) {
            papers.add(paper("s" + i, "Fast speech codec " + i, "Speech audio sampling made fast."));
        }
        ReaderProfile profile = reader("fast diffusion sampling");
        List<RankedPaper> capped = new Ranker(TOPICS, RankOptions.DEFAULTS.withMaxPerTopic(3)).index(papers, TODAY)
                .rank(profile, 6);
        assertEquals(3, capped.stream().filter(p -> p.paper().id().startsWith("d")).count(), ids(capped).toString());
        assertEquals(6, capped.size());
        List<RankedPaper> uncapped = new Ranker(TOPICS, RankOptions.DEFAULTS.withMaxPerTopic(0)).index(papers, TODAY)
                .rank(profile, 6);
        assertEquals(6, uncapped.stream().filter(p -> p.paper().id().startsWith("d")).count());
        // with nothing else matching, capped papers still fill the list
        List<CandidatePaper> onlyDiffusion = new ArrayList<>(papers.subList(0, papers.size() - 4));
        assertEquals(6, new Ranker(TOPICS, RankOptions.DEFAULTS.withMaxPerTopic(3)).index(onlyDiffusion, TODAY)
                .rank(profile, 6).size());
    }

    @Test
    void explorationPickCanBeSwitchedOff() {
        var index = ranker.index(with(
                paper("mine", "Speech enhancement", "Speech enhancement for calls."),
                paper("hot", "Mixture of experts routing", "A mixture of experts router.", 500)), TODAY);
        ReaderProfile on = new ReaderProfile(Set.of("speech"), "speech enhancement", List.of(), 0.3, Set.of());
        List<RankedPaper> picks = index.rank(on, 5);
        RankedPaper last = picks.get(picks.size() - 1);
        assertEquals(RankedPaper.Kind.EXPLORATION, last.kind());
        assertEquals("hot", last.paper().id());
        assertTrue(last.reason().startsWith("outside your usual topics"), last.reason());
        List<RankedPaper> off = index.rank(on.withExploration(false), 5);
        assertTrue(off.stream().noneMatch(p -> p.kind() == RankedPaper.Kind.EXPLORATION));
        assertEquals(List.of("mine"), ids(off));
    }

    // ---------------------------------------------------------------------------------------------- feedback

    @Test
    void likedAndDislikedPapersMoveTheOrder() {
        CandidatePaper audio = paper("audio", "Efficient transformers for audio",
                "Streaming speech recognition on phones.");
        CandidatePaper vision = paper("vision", "Efficient transformers for vision",
                "Fast image classification on phones.");
        var index = ranker.index(with(audio, vision), TODAY);
        ReaderProfile base = reader("efficient transformers");
        List<String> before = ids(index.rank(base, 2));
        assertEquals(List.of("audio", "vision"), before, "equal scores: ties broken by id");

        String likedVision = "Mobile image classification: a vision transformer for image recognition on phones";
        List<RankedPaper> liked = index.rank(base.withFeedback(List.of(likedVision), List.of()), 2);
        assertEquals(List.of("vision", "audio"), ids(liked));
        assertTrue(liked.get(0).parts().get("feedback") > 0);
        assertTrue(liked.get(0).reason().contains("similar to papers you liked"), liked.get(0).reason());

        String dislikedAudio = "Speech recognition with streaming models for noisy speech";
        List<RankedPaper> disliked = index.rank(base.withFeedback(List.of(), List.of(dislikedAudio)), 2);
        assertEquals(List.of("vision", "audio"), ids(disliked));
        assertTrue(disliked.get(1).parts().get("feedback") < 0);
    }

    // ---------------------------------------------------------------------------------------------- fallback

    @Test
    void nothingMatchingFallsBackToTrendingInTheReadersTopics() {
        var index = ranker.index(with(
                paper("speech-hot", "Speech codecs", "Speech audio codecs.", 40),
                paper("speech-cold", "Speech tokens", "Speech audio tokens.", 5),
                paper("moe-hot", "Router tricks", "A mixture of experts router.", 90)), TODAY);
        ReaderProfile profile = new ReaderProfile(Set.of("speech"), "quantum gravity", List.of(), 0.3, Set.of());
        List<RankedPaper> picks = index.rank(profile, 3);
        assertEquals(List.of("speech-hot", "speech-cold", "moe-hot"), ids(picks));
        assertTrue(picks.stream().allMatch(RankedPaper::trending));
        assertTrue(picks.stream().allMatch(p -> p.parts().keySet().equals(Set.of("trend"))));
        assertEquals("trending in Speech and audio · 40 upvotes", picks.get(0).reason());
        assertEquals("trending today · 90 upvotes", picks.get(2).reason());

        ReaderProfile noTopics = new ReaderProfile(Set.of(), "quantum gravity", List.of(), 0.3, Set.of());
        assertEquals("trending today · 90 upvotes", index.rank(noTopics, 1).get(0).reason());
        assertTrue(index.rank(noTopics.withOnlyWhenMatches(true), 5).isEmpty());
        // a matching reader gets personal picks even with "only when something matches"
        assertFalse(index.rank(reader("speech codecs").withOnlyWhenMatches(true), 5).isEmpty());
    }

    // ---------------------------------------------------------------------------------------------- trend

    @Test
    void trendWeightMovesBetweenRelevanceAndUpvotes() {
        var index = ranker.index(with(
                paper("relevant", "Speech enhancement for hearing aids", "Speech enhancement in real time.", 0),
                paper("popular", "Large audio model", "Also does speech enhancement.", 900)), TODAY);
        ReaderProfile profile = reader("speech enhancement");
        assertEquals("relevant", index.rank(profile.withTrendWeight(0), 2).get(0).paper().id());
        assertEquals("popular", index.rank(profile.withTrendWeight(1), 2).get(0).paper().id());
        RankedPaper popular = index.rank(profile.withTrendWeight(0), 2).get(1);
        assertEquals(0.0, popular.parts().get("trend"), 1e-12);
        assertTrue(popular.reason().contains("900 upvotes"), popular.reason());
        // parts add up to the score
        RankedPaper mixed = index.rank(profile.withTrendWeight(0.5), 2).get(0);
        assertEquals(mixed.score(), mixed.parts().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void olderUpvotesCountLess() {
        CandidatePaper fresh = new CandidatePaper("fresh", "Speech codec", "Speech.", List.of(), Set.of(), 100, TODAY);
        CandidatePaper old = new CandidatePaper("old", "Speech codec", "Speech.", List.of(), Set.of(), 100,
                TODAY.minusDays(14));
        var index = ranker.index(with(fresh, old), TODAY);
        List<RankedPaper> picks = index.rank(reader("speech codec").withTrendWeight(1), 2);
        assertEquals(List.of("fresh", "old"), ids(picks));
        assertEquals(picks.get(0).parts().get("trend") / 4, picks.get(1).parts().get("trend"), 1e-6,
                "two half-lives of 7 days");
    }

    // ---------------------------------------------------------------------------------------------- determinism

    @Test
    void tiesBreakByIdAndInputOrderDoesNotMatter() {
        List<CandidatePaper> papers = filler();
        for (String id : List.of("c", "a", "b")) {
            papers.add(paper(id, "Speech enhancement", "Speech enhancement."));
        }
        ReaderProfile profile = reader("speech enhancement");
        List<String> first = ids(ranker.index(papers, TODAY).rank(profile, 3));
        assertEquals(List.of("a", "b", "c"), first);
        List<CandidatePaper> shuffled = new ArrayList<>(papers);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(first, ids(ranker.index(shuffled, TODAY).rank(profile, 3)));
    }

    @Test
    void parallelRankingGivesTheSameAnswers() throws Exception {
        List<CandidatePaper> papers = filler();
        String[] words = {"speech", "diffusion", "robot", "experts", "graph", "protein", "audio", "policy"};
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            papers.add(paper("p" + i, words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)],
                    words[random.nextInt(words.length)] + " and " + words[random.nextInt(words.length)],
                    random.nextInt(50)));
        }
        var index = ranker.index(papers, TODAY);
        List<ReaderProfile> readers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            readers.add(new ReaderProfile(Set.of(TOPICS.get(i % 4).id()),
                    words[i % words.length] + " " + words[(i / 3) % words.length],
                    List.of(), (i % 5) / 5.0, Set.of()));
        }
        List<List<RankedPaper>> sequential = readers.stream().map(r -> index.rank(r, 10)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<RankedPaper>>> futures = new ArrayList<>();
            for (ReaderProfile r : readers) {
                futures.add(pool.submit(() -> index.rank(r, 10)));
            }
            for (int i = 0; i < readers.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------------------------------------- API

    @Test
    void originalConstructorsKeepTheirMeaning() {
        ReaderProfile profile = new ReaderProfile(Set.of("speech"), "speech", List.of(), 0.3, Set.of());
        assertTrue(profile.exploration());
        assertFalse(profile.onlyWhenMatches());
        assertTrue(profile.likedTexts().isEmpty());
        RankedPaper pick = new RankedPaper(paper("x", "t", "s"), 1.0, java.util.Map.of("interest", 1.0), "why");
        assertEquals(RankedPaper.Kind.PERSONAL, pick.kind());
        assertNotEquals(null, new CandidatePaper("x", "t", null, null, null, 0, null).summary());
        assertEquals(0, ranker.index(List.of()).rank(profile, 10).size());
    }
}
