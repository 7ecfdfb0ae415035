package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity rules, without a database: papers are added as {@link PaperStore} adds the rows it reads. */
class PaperMatcherTest {

    private final PaperMatcher matcher = new PaperMatcher();

    private static PaperStore.Keyed record(String id, String title) {
        return PaperStore.keyed(PaperRecord.builder(id, title).build());
    }

    private static Paper paper(String id, String arxivId, String title) {
        Paper paper = new Paper();
        paper.id = id;
        paper.arxivId = arxivId;
        paper.title = title;
        paper.titleKey = PaperKeys.fromTitle(title);
        return paper;
    }

    private Paper added(Paper paper) {
        matcher.add(paper);
        return paper;
    }

    @Test
    void aRecordIsThePaperWithItsId() {
        Paper known = added(paper("2501.00001", "2501.00001", "Known"));

        assertThat(matcher.resolve(record("2501.00001", "Another title altogether"))).isSameAs(known);
    }

    @Test
    void anArxivRecordFindsThePaperThatCarriesItsArxivIdUnderATitleKey() {
        Paper linked = added(paper(PaperKeys.fromTitle("Workshop Paper"), "2501.00002", "Workshop Paper"));

        assertThat(matcher.resolve(record("2501.00002", "Renamed since"))).isSameAs(linked);
    }

    @Test
    void anArxivRecordTakesOverAPaperKnownByTitleAloneWhichKeepsItsId() {
        Paper byTitle = added(paper(PaperKeys.fromTitle("Workshop Paper"), null, "Workshop Paper"));

        assertThat(matcher.resolve(record("2501.00003", "WORKSHOP PAPER."))).isSameAs(byTitle);
        assertThat(matcher.linkArxivId(byTitle, "2501.00003")).isTrue();
        assertThat(byTitle.id).isEqualTo(PaperKeys.fromTitle("Workshop Paper"));
        assertThat(matcher.resolve(record("2501.00003", "Renamed since"))).as("found by its arXiv id from then on")
                .isSameAs(byTitle);
    }

    @Test
    void twoArxivPapersWithTheSameTitleStayTwo() {
        matcher.add(paper("2501.00004", "2501.00004", "Common Title"));

        assertThat(matcher.resolve(record("2501.00005", "Common Title"))).isNull();
    }

    @Test
    void aPaperKeyedByArxivIdIsNeverTakenOverEvenWithoutItsArxivIdColumn() {
        // Rows from before V20 have an arXiv id as their id but no arxiv_id.
        matcher.add(paper("2501.00006", null, "Old Row"));

        assertThat(matcher.resolve(record("2501.00007", "Old Row"))).isNull();
    }

    @Test
    void aRecordWithoutArxivIdMergesIntoAnyPaperWithItsTitleKey() {
        Paper arxiv = added(paper("2501.00008", "2501.00008", "Known On arXiv"));

        assertThat(matcher.resolve(record(PaperKeys.fromTitle("Known On arXiv"), "known on arxiv!"))).isSameAs(arxiv);
    }

    @Test
    void aPaperWhoseTitleChangedIsFoundByTheNewTitleKeyToo() {
        Paper paper = added(paper("t-old", null, "Old Title"));
        paper.title = "New Title";

        matcher.retitled(paper);

        assertThat(paper.titleKey).isEqualTo(PaperKeys.fromTitle("New Title"));
        assertThat(matcher.resolve(record("t-other", "new title"))).isSameAs(paper);
        assertThat(matcher.resolve(record("t-another", "old title"))).as("and, within the batch, by the old one")
                .isSameAs(paper);
    }

    @Test
    void anArxivIdIsLinkedOnlyToAPaperThatHasNone() {
        Paper paper = added(paper("t-x", "2501.00009", "X"));

        assertThat(matcher.linkArxivId(paper, "2501.00010")).isFalse();
        assertThat(matcher.linkArxivId(paper, null)).isFalse();
        assertThat(paper.arxivId).isEqualTo("2501.00009");
    }

    @Test
    void eachLookupAsksOnlyForWhatTheOnesBeforeDidNotFind() {
        PaperStore.Keyed knownById = record("2501.00011", "Known By Id");
        PaperStore.Keyed arxivUnknown = record("2501.00012", "Arxiv Unknown");
        PaperStore.Keyed byTitle = record(PaperKeys.fromTitle("By Title"), "By Title");
        List<PaperStore.Keyed> records = List.of(knownById, arxivUnknown, byTitle);

        assertThat(matcher.idsToLoad(records)).containsExactly("2501.00011", "2501.00012",
                PaperKeys.fromTitle("By Title"));
        matcher.add(paper("2501.00011", "2501.00011", "Known By Id"));
        assertThat(matcher.arxivIdsToLoad(records)).containsExactly("2501.00012");
        matcher.add(paper(PaperKeys.fromTitle("Arxiv Unknown"), "2501.00012", "Arxiv Unknown"));
        assertThat(matcher.titleKeysToLoad(records)).containsExactly(PaperKeys.fromTitle("By Title"));
    }

    @Test
    void aRowReadAgainByALaterLookupIsTheSamePaper() {
        matcher.add(paper("2501.00013", "2501.00013", "Read Twice"));

        assertThat(matcher.knows("2501.00013")).isTrue();
        assertThat(matcher.knows("2501.00014")).isFalse();
    }
}
