package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaperNewsTest {

    private static Paper paper(String codeUrl, String venue, int upvotes) {
        Paper paper = new Paper();
        paper.codeUrl = codeUrl;
        paper.venue = venue;
        paper.upvotes = upvotes;
        return paper;
    }

    @Test
    void aNewVersionCodeWhereThereWasNoneAndANewVenueAreNews() {
        List<PaperNews.Seen> news = PaperNews.between(null, null, 0,
                paper("https://github.com/x/y", "CoRL 2026", 3), 2);
        assertThat(news).containsExactly(new PaperNews.Seen(NewsKind.VERSION, "2"),
                new PaperNews.Seen(NewsKind.CODE, "https://github.com/x/y"),
                new PaperNews.Seen(NewsKind.VENUE, "CoRL 2026"));
    }

    @Test
    void aChangedCodeLinkOrTheSameVenueAgainIsNotNews() {
        assertThat(PaperNews.between("https://github.com/x/old", "CoRL 2026", 3,
                paper("https://github.com/x/new", "CoRL 2026", 3), null)).isEmpty();
    }

    @Test
    void upvotesAreNewsWhenTheyPassAMilestoneOnceHoweverManyAtATime() {
        assertThat(PaperNews.between(null, null, 30, paper(null, null, 260), null))
                .containsExactly(new PaperNews.Seen(NewsKind.UPVOTES, "260"));
        assertThat(PaperNews.between(null, null, 120, paper(null, null, 180), null)).isEmpty();
        assertThat(PaperNews.between(null, null, 49, paper(null, null, 50), null)).hasSize(1);
    }
}
