package io.paperpost.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Muted authors and topics, must and never words: hard filters that no score, fallback or exploration overrides. */
class HardFiltersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    final Ranker ranker = new Ranker(RankerTest.TOPICS);

    static CandidatePaper paper(String id, String title, String summary, String author, String category,
            int upvotes) {
        return new CandidatePaper(id, title, summary, List.of(author), Set.of(category), upvotes, TODAY);
    }

    /** A day where every paper matches the reader's interest, so only the filters can leave one out. */
    static List<CandidatePaper> day() {
        List<CandidatePaper> papers = new ArrayList<>(RankerTest.filler());
        papers.add(paper("robot-diffusion", "Diffusion policies for robot manipulation",
                "We train diffusion models to grasp objects.", "Ana Souza", "cs.RO", 50));
        papers.add(paper("medical-diffusion", "Diffusion models for medical imaging",
                "Denoising diffusion for MRI reconstruction.", "Jörg Müller", "eess.IV", 40));
        papers.add(paper("audio-diffusion", "Diffusion for speech synthesis",
                "A diffusion model that generates audio.", "Li Wei", "eess.AS", 30));
        papers.add(paper("image-diffusion", "Fast diffusion sampling for images",
                "Fewer denoising steps with a distilled diffusion model.", "Chen Hao", "cs.CV", 20));
        return papers;
    }

    static ReaderProfile diffusionReader(HardFilters filters) {
        return new ReaderProfile(Set.of(), "diffusion", List.of(), 0.0, Set.of()).withExploration(false)
                .withFilters(filters);
    }

    List<String> picks(HardFilters filters) {
        return RankerTest.ids(ranker.index(day(), TODAY).rank(diffusionReader(filters), 10));
    }

    @Test
    void withoutFiltersEveryMatchingPaperIsPicked() {
        assertThat(picks(HardFilters.NONE)).contains("robot-diffusion", "medical-diffusion", "audio-diffusion",
                "image-diffusion");
    }

    @Test
    void aMutedAuthorsPapersNeverAppearWhateverTheSpelling() {
        assertThat(picks(new HardFilters(List.of("jorg muller"), List.of(), List.of(), List.of())))
                .doesNotContain("medical-diffusion").contains("robot-diffusion", "audio-diffusion");
    }

    @Test
    void aMutedTopicRemovesThePapersWhosePrimaryTopicItIs() {
        assertThat(picks(new HardFilters(List.of(), List.of("cs.RO"), List.of(), List.of())))
                .doesNotContain("robot-diffusion").contains("medical-diffusion", "image-diffusion");
    }

    @Test
    void aNeverWordRemovesEveryPaperWithItInTitleOrAbstractAndMatchesWordForms() {
        assertThat(picks(new HardFilters(List.of(), List.of(), List.of(), List.of("medical", "MRI"))))
                .doesNotContain("medical-diffusion").contains("robot-diffusion");
        // "speech" rules out the paper on "speech synthesis"; "grasping" rules out the one that "grasp"s.
        assertThat(picks(new HardFilters(List.of(), List.of(), List.of(), List.of("grasping", "speech"))))
                .doesNotContain("robot-diffusion", "audio-diffusion").contains("image-diffusion");
    }

    @Test
    void aNeverPhraseNeedsItsWordsTogether() {
        // "diffusion model" is in three papers as a phrase; the robot paper has "diffusion policies" and "models".
        List<String> picks = picks(new HardFilters(List.of(), List.of(), List.of(), List.of("diffusion model")));
        assertThat(picks).doesNotContain("medical-diffusion", "audio-diffusion", "image-diffusion");
    }

    @Test
    void mustWordsKeepOnlyPapersWithOneOfThem() {
        assertThat(picks(new HardFilters(List.of(), List.of(), List.of("robot", "audio"), List.of())))
                .containsExactlyInAnyOrder("robot-diffusion", "audio-diffusion");
    }

    @Test
    void aMustWordThatNoPaperHasLeavesTheEmailEmptyRatherThanBreakingTheFilter() {
        assertThat(picks(new HardFilters(List.of(), List.of(), List.of("quantum"), List.of()))).isEmpty();
    }

    @Test
    void aMustWordMadeOnlyOfStopWordsFiltersNothing() {
        assertThat(picks(new HardFilters(List.of(), List.of(), List.of("the of"), List.of())))
                .contains("robot-diffusion", "medical-diffusion", "audio-diffusion", "image-diffusion");
    }

    @Test
    void filtersHoldForTheTrendingFallbackToo() {
        // A reader whose interest matches nothing gets trending papers; the muted author's is not among them.
        ReaderProfile nothingMatches = new ReaderProfile(Set.of(), "zzyzx", List.of(), 0.0, Set.of())
                .withExploration(false).withFilters(new HardFilters(List.of("Ana Souza"), List.of(), List.of(),
                        List.of("medical")));
        List<RankedPaper> picks = ranker.index(day(), TODAY).rank(nothingMatches, 10);
        assertThat(picks).isNotEmpty();
        assertThat(RankerTest.ids(picks)).doesNotContain("robot-diffusion", "medical-diffusion");
    }

    @Test
    void picksCarryTheirPrimaryTopicForTheMuteTopicLink() {
        RankedPaper robot = ranker.index(day(), TODAY).rank(diffusionReader(HardFilters.NONE), 10).stream()
                .filter(p -> p.paper().id().equals("robot-diffusion")).findFirst().orElseThrow();
        assertThat(robot.topic()).isEqualTo("cs.RO");
    }
}
