package io.paperpost.readinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.papers.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved papers are strong likes: they count twice, and papers like them rise in the next digest. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SavedPapersRankingTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    TestData data;
    @Inject
    ReadingListService readingList;
    @Inject
    FeedbackService feedback;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void aSavedPaperCountsAsTwoLikes() {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = ReadingListEndToEndTest.activeReader("ranked@example.org");
        Paper paper = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findAll().firstResult());
        readingList.save(readerId, paper.id);
        assertThat(feedback.texts(readerId).liked()).hasSize(2).allMatch(text -> text.startsWith(paper.title));
        readingList.remove(readerId, paper.id);
        assertThat(feedback.texts(readerId).liked()).isEmpty();
    }

    @Test
    void aSavedPapersNeighbourRisesInTheNextDigest() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        ReadingListEndToEndTest.activeReader("plain@example.org");
        long saver = ReadingListEndToEndTest.activeReader("saver@example.org");
        // The seventh paper of the digest's own ranking for the topic, as the admin preview ranks it.
        String neighbourId = TestData.asAdmin().queryParam("topics", "diffusion").queryParam("date", DAY.toString())
                .get("/api/v1/admin/preview").then().statusCode(200).extract().jsonPath().<String>getList("id")
                .get(6);
        Paper neighbour = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById(neighbourId));
        // The saved paper is its extended version: stored, but outside every email's window, as an older paper
        // saved from an earlier email would be.
        QuarkusTransaction.requiringNew().run(() -> {
            Paper saved = new Paper();
            saved.id = "2601.99999";
            saved.title = neighbour.title + " (extended version)";
            saved.summary = neighbour.summary;
            saved.authors = new ArrayList<>(neighbour.authors);
            saved.categories = new ArrayList<>(neighbour.categories);
            saved.firstSeenOn = DAY.minusDays(60);
            saved.source = "test";
            saved.updatedAt = Instant.now();
            saved.persist();
        });
        readingList.save(saver, "2601.99999");

        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(2));
        assertThat(mail.waitForIncomingEmail(5_000, 2)).isTrue();
        Map<String, List<String>> titles = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            titles.put(message.getAllRecipients()[0].toString(), MimeParts.find(message, "text/plain").lines()
                    .filter(l -> l.matches("\\d+\\. .*")).map(l -> l.substring(l.indexOf(". ") + 2)).toList());
        }
        GreenMailResource.purge();
        int before = titles.get("plain@example.org").indexOf(neighbour.title);
        int after = titles.get("saver@example.org").indexOf(neighbour.title);
        assertThat(before).as("the neighbour in the plain reader's email").isPositive();
        assertThat(after).as("the neighbour rises: %d -> %d", before, after).isBetween(0, before - 1);
        assertThat(titles.get("saver@example.org")).as("the saved paper itself is not sent")
                .noneMatch(t -> t.endsWith("(extended version)"));
    }
}
