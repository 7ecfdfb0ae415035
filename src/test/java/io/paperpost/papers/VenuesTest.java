package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VenuesTest {

    @Test
    void theJournalReferenceWinsOverTheComment() {
        assertThat(Venues.of("Phys. Rev. D 110, 023001 (2026)", "Accepted at NeurIPS 2026"))
                .isEqualTo("Phys. Rev. D 110, 023001 (2026)");
    }

    @Test
    void anAcceptanceInTheCommentNamesTheVenueUpToTheFirstClauseBreak() {
        assertThat(Venues.of(null, "Accepted at NeurIPS 2026, 12 pages, 5 figures")).isEqualTo("NeurIPS 2026");
        assertThat(Venues.of(null, "10 pages. To appear in the Proceedings of ACL 2026.")).isEqualTo(
                "Proceedings of ACL 2026");
        assertThat(Venues.of(null, "Camera-ready for ICLR 2027; code at github")).isEqualTo("ICLR 2027");
        assertThat(Venues.of(null, "accepted for publication in Nature Machine Intelligence"))
                .isEqualTo("Nature Machine Intelligence");
    }

    @Test
    void aSubmissionOrAReviewIsNoVenue() {
        assertThat(Venues.of(null, "Submitted to ICLR 2027")).isNull();
        assertThat(Venues.of(null, "Under review, 9 pages")).isNull();
        assertThat(Venues.of("  ", null)).isNull();
        assertThat(Venues.of(null, "Accepted to appear")).isNull();
    }

    @Test
    void aLongVenueIsCutAtAWordWithinTheColumn() {
        String journal = "Journal" + " of long words".repeat(40);
        String venue = Venues.of(journal, null);
        assertThat(venue.length()).isLessThanOrEqualTo(Venues.MAX_CHARS).isGreaterThan(Venues.MAX_CHARS - 10);
        assertThat(journal).startsWith(venue);
        assertThat(journal.charAt(venue.length())).isEqualTo(' ');
    }
}
