package io.paperpost.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact column a sent digest's web view is shown again from. */
class DigestContentsTest {

    static final List<String> IDS = List.of("2611.01234", "t-0000000000ab", "2611.04321");

    @Test
    void subjectTrendingFlagAndReasonsReadBackAsWritten() {
        DigestContents sent = new DigestContents(IDS, "3 new papers on Diffusion — Tue 24 Nov", true,
                List.of("trending in Diffusion · 184 upvotes", "", "trending today"));
        DigestContents read = DigestContents.read(IDS, sent.column());
        assertThat(read).isEqualTo(sent);
        assertThat(sent.column()).isEqualTo("3 new papers on Diffusion — Tue 24 Nov\ntrending\n"
                + "trending in Diffusion · 184 upvotes\n\ntrending today");
    }

    @Test
    void aReasonWithALineBreakStaysOnItsLineAndALongOneIsCut() {
        String typed = "matches your interest 'robots\nand\tarms'";
        DigestContents sent = new DigestContents(IDS.subList(0, 2), "s", false, List.of(typed, "x".repeat(500)));
        DigestContents read = DigestContents.read(IDS.subList(0, 2), sent.column());
        assertThat(read.reasons().get(0)).isEqualTo("matches your interest 'robots and arms'");
        assertThat(read.reasons().get(1)).hasSize(DigestContents.MAX_LINE).endsWith("…");
        assertThat(read.trending()).isFalse();
    }

    @Test
    void aRowSentBeforeTheColumnExistedShowsItsPapersWithoutReasons() {
        DigestContents read = DigestContents.read(IDS, null);
        assertThat(read.subject()).isEmpty();
        assertThat(read.reasons()).containsExactly("", "", "");
        // A value shorter than its papers (damaged) still gives one reason per paper.
        assertThat(DigestContents.read(IDS, "subject\npersonal\nonly one").reasons()).containsExactly("only one", "",
                "");
    }

    @Test
    void everyPaperNeedsItsReason() {
        assertThatThrownBy(() -> new DigestContents(IDS, "s", false, List.of("one")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
