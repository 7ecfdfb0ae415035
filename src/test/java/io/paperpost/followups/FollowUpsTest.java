package io.paperpost.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.feedback.Feedback;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.papers.PaperFeed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which updates an email tells: at most three, the rest in a later email, each once, again only on a retry. */
@QuarkusTest
class FollowUpsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    TestData data;
    @Inject
    FeedbackService feedback;
    @Inject
    FollowUps followUps;
    @Inject
    PaperFeed feed;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void anEmailTellsAtMostThreeUpdatesItsRetryTheSameAndTheNextEmailTheRest() {
        TestData.postPapers(papers(""), DAY).statusCode(200).body("added", is(4));
        long reader = FollowUpEndToEndTest.reader("four@example.org");
        long other = FollowUpEndToEndTest.reader("other@example.org");
        IntStream.rangeClosed(1, 4).forEach(i -> feedback.record(reader, id(i), Feedback.LIKE));
        // Code for all four; the fourth also gets a venue, the news readers want most.
        TestData.postPapers(papers(",\"codeUrl\":\"https://github.com/example/p%d\""), DAY.plusDays(1))
                .statusCode(200);
        TestData.postPapers(
                "{\"key\":\"" + id(4) + "v1\",\"title\":\"Paper 4\",\"comments\":\"Accepted at ICML 2026\"}",
                DAY.plusDays(1)).statusCode(200);
        FollowUpSnapshot snapshot = followUps.snapshot(feed.lastBatch());

        List<FollowUp> first = followUps.take(snapshot, reader, 100);
        assertThat(first).hasSize(FollowUps.MAX_PER_EMAIL);
        assertThat(first.get(0).paperId()).isEqualTo(id(4));
        assertThat(first.get(0).change()).isEqualTo("Accepted: ICML 2026 · code released");
        assertThat(followUps.take(snapshot, reader, 100)).isEqualTo(first);

        List<FollowUp> next = followUps.take(snapshot, reader, 101);
        assertThat(next).hasSize(1);
        assertThat(first).extracting(FollowUp::paperId).doesNotContain(next.get(0).paperId());
        assertThat(followUps.take(snapshot, reader, 102)).isEmpty();
        assertThat(followUps.take(snapshot, other, 103)).isEmpty();
    }

    private static String papers(String extra) {
        return IntStream.rangeClosed(1, 4).mapToObj(i -> "{\"key\":\"" + id(i) + "v1\",\"title\":\"Paper " + i
                + "\",\"summary\":\"Diffusion.\"" + extra.replace("%d", Integer.toString(i)) + "}")
                .collect(Collectors.joining("\n"));
    }

    private static String id(int i) {
        return "2605.0000" + i;
    }
}
