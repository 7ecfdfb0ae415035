package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a record changes on a paper, without a database. */
class MergePolicyTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 10, 20);
    private static final Instant NOW = Instant.parse("2025-10-20T05:00:00Z");

    private static Paper known(PaperRecord.Builder first) {
        return MergePolicy.newPaper(PaperStore.keyed(first.build()), "huggingface", MONDAY, NOW);
    }

    @Test
    void aNewPaperKeepsItsSourceDayAndTheVersionItWasFirstSeenWith() {
        Paper paper = known(PaperRecord.builder("2501.00001", "Title").version(2).announceType("new").upvotes(4));

        assertThat(paper.id).isEqualTo("2501.00001");
        assertThat(paper.arxivId).isEqualTo("2501.00001");
        assertThat(paper.titleKey).isEqualTo(PaperKeys.fromTitle("Title"));
        assertThat(paper.source).isEqualTo("huggingface");
        assertThat(paper.firstSeenOn).isEqualTo(MONDAY);
        assertThat(paper.updatedAt).isEqualTo(NOW);
        assertThat(paper.upvotes).isEqualTo(4);
        assertThat(List.of(paper.latestVersion, paper.firstVersion)).containsExactly(2, 2);
        assertThat(paper.firstAnnounceType).isEqualTo("new");
    }

    @Test
    void aPaperFirstSeenWithoutAVersionHasNoAnnounceTypeEither() {
        Paper paper = known(PaperRecord.builder("t-title", "Title").announceType("new"));

        assertThat(paper.firstVersion).isNull();
        assertThat(paper.firstAnnounceType).isNull();
        assertThat(paper.arxivId).isNull();
    }

    @Test
    void whatARecordDoesNotKnowNeverErasesAKnownValue() {
        Paper paper = known(PaperRecord.builder("2501.00002", "Title").summary("abstract").authors(List.of("Wei Zhang"))
                .categories(List.of("cs.LG")).keywords(List.of("agents")).upvotes(7).codeUrl("https://github.com/x/y")
                .githubStars(12).organization("Lab").aiSummary("short").projectUrl("https://x.org").authorCount(1)
                .publishedOn(MONDAY));

        boolean changed = MergePolicy.merge(paper, PaperRecord.builder("2501.00002", "Title").build());

        assertThat(changed).isFalse();
        assertThat(paper.summary).isEqualTo("abstract");
        assertThat(paper.authors).containsExactly("Wei Zhang");
        assertThat(paper.categories).containsExactly("cs.LG");
        assertThat(paper.keywords).containsExactly("agents");
        assertThat(paper.upvotes).isEqualTo(7);
        assertThat(paper.codeUrl).isEqualTo("https://github.com/x/y");
        assertThat(paper.githubStars).isEqualTo(12);
        assertThat(paper.organization).isEqualTo("Lab");
        assertThat(paper.aiSummary).isEqualTo("short");
        assertThat(paper.projectUrl).isEqualTo("https://x.org");
        assertThat(paper.authorCount).isEqualTo(1);
        assertThat(paper.publishedOn).isEqualTo(MONDAY);
    }

    @Test
    void knownValuesFromALaterRecordWin() {
        Paper paper = known(PaperRecord.builder("2501.00003", "Title").summary("HF abstract").upvotes(3)
                .authors(List.of("Wei Zhang")));

        boolean changed = MergePolicy.merge(paper, PaperRecord.builder("2501.00003", "Title, revised")
                .summary("arXiv abstract").upvotes(40).authors(List.of("Wei Zhang", "Priya Raman")).build());

        assertThat(changed).isTrue();
        assertThat(paper.title).isEqualTo("Title, revised");
        assertThat(paper.summary).isEqualTo("arXiv abstract");
        assertThat(paper.upvotes).isEqualTo(40);
        assertThat(paper.authors).containsExactly("Wei Zhang", "Priya Raman");
        assertThat(paper.source).as("the first source stays").isEqualTo("huggingface");
    }

    @Test
    void onlyANewerVersionIsTaken() {
        Paper paper = known(PaperRecord.builder("2501.00004", "Title").version(2));

        assertThat(MergePolicy.takeNewerVersion(paper, PaperRecord.builder("2501.00004", "Title").version(2).build()))
                .isFalse();
        assertThat(MergePolicy.takeNewerVersion(paper, PaperRecord.builder("2501.00004", "Title").version(1).build()))
                .isFalse();
        assertThat(MergePolicy.takeNewerVersion(paper, PaperRecord.builder("2501.00004", "Title").build())).isFalse();
        assertThat(MergePolicy.takeNewerVersion(paper, PaperRecord.builder("2501.00004", "Title").version(3).build()))
                .isTrue();
        assertThat(paper.latestVersion).isEqualTo(3);
        assertThat(paper.firstVersion).as("the first version stays").isEqualTo(2);
    }

    @Test
    void aPaperFirstSeenWithoutAVersionTakesTheFirstOneItIsSeenWith() {
        Paper paper = known(PaperRecord.builder("2501.00005", "Title"));

        assertThat(MergePolicy.takeNewerVersion(paper, PaperRecord.builder("2501.00005", "Title").version(1).build()))
                .isTrue();
        assertThat(paper.latestVersion).isEqualTo(1);
    }

    @Test
    void anAuthorListTooLongForItsColumnIsCutAndKeepsTheFullCount() {
        List<String> authors = Collections.nCopies(1000, "Author Name");

        Paper paper = known(PaperRecord.builder("2501.00006", "Title").authors(authors));

        assertThat(String.join("\n", paper.authors)).hasSizeLessThanOrEqualTo(MergePolicy.AUTHORS_CHARS);
        assertThat(paper.authors).hasSize(MergePolicy.AUTHORS_CHARS / "Author Name\n".length());
        assertThat(paper.authorCount).isEqualTo(1000);
    }

    @Test
    void aListIsCutAtTheLastValueThatFitsWhole() {
        assertThat(MergePolicy.prefixWithin(List.of("abc", "de", "f"), 6)).containsExactly("abc", "de");
        assertThat(MergePolicy.prefixWithin(List.of("abc", "de", "f"), 8)).containsExactly("abc", "de", "f");
        assertThat(MergePolicy.prefixWithin(List.of("abcdefg"), 6)).isEmpty();
        assertThat(MergePolicy.prefixWithin(List.of(), 6)).isEmpty();
    }
}
