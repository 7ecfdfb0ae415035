package io.paperpost.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 👍 / 👎 links of a received digest: they record the latest rating, and a tampered link is refused. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class FeedbackEndToEndTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    FeedbackService feedback;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void dislikeLinkFromTheDigestRecordsTheRatingAndTheLatestRatingWins() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = activeReader("rater@example.org", "diffusion", "");
        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(1));
        MimeMessage digest = single();
        String html = MimeParts.find(digest, "text/html");
        assertThat(html).contains("👍").contains("👎").contains(BASE + "/feedback/");
        List<String> links = ReceivedMail.links(digest, BASE + "/feedback/");
        assertThat(links).hasSize(20); // a 👍 and a 👎 per paper, in the text part
        String firstTitle = MimeParts.find(digest, "text/plain").lines().filter(l -> l.startsWith("1. ")).findFirst()
                .orElseThrow().substring(3);

        // Opening 👎 (as a mail scanner does, GET and HEAD) shows the paper and a button, and records nothing.
        given().get(ReceivedMail.path(links.get(1))).then().statusCode(200).body(containsString("Not for me"))
                .body(containsString(escape(firstTitle))).body(containsString("<form method=\"post\""));
        given().head(ReceivedMail.path(links.get(1))).then().statusCode(200);
        assertThat(ratings(readerId)).isEmpty();

        // Pressing it: a thanks page with the undo button, and the row.
        String undo = given().post(ReceivedMail.path(links.get(1))).then().statusCode(200)
                .body(containsString("Thanks")).body(containsString("did not like"))
                .body(containsString(escape(firstTitle)))
                .body(containsString("/preferences/"))
                .extract().asString();
        java.util.regex.Matcher undoLink = java.util.regex.Pattern.compile("action=\"([^\"]*/feedback/[^\"]+)\"")
                .matcher(undo);
        assertThat(undoLink.find()).as("an undo link").isTrue();
        undo = undoLink.group(1);
        assertThat(ratings(readerId)).containsExactly(-1);
        assertThat(feedback.texts(readerId).disliked()).singleElement().asString().startsWith(firstTitle);

        // The undo link is the 👍 of the same paper: one row, now +1.
        given().post(ReceivedMail.path(undo)).then().statusCode(200).body(containsString("You liked"));
        assertThat(ratings(readerId)).containsExactly(1);

        // 👍 then 👎 on the second paper from the email: still one row for it, -1.
        given().post(ReceivedMail.path(links.get(2))).then().statusCode(200);
        given().post(ReceivedMail.path(links.get(3))).then().statusCode(200);
        FeedbackService.Texts texts = feedback.texts(readerId);
        assertThat(texts.liked()).hasSize(1);
        assertThat(texts.disliked()).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count("id.readerId", readerId))).isEqualTo(2);
    }

    @Test
    void tamperedOrForeignFeedbackTokenIs404() {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = activeReader("tamper@example.org", "diffusion", "");
        String paperId = QuarkusTransaction.requiringNew()
                .call(() -> io.paperpost.papers.Paper.<io.paperpost.papers.Paper>findAll().firstResult().id);
        String token = tokens.issue(TokenPurpose.FEEDBACK, readerId, FeedbackLinks.subject(paperId, -1));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().get("/feedback/" + tampered).then().statusCode(404).body(containsString("This link is not valid"));
        // A manage token is not a feedback token.
        given().get("/feedback/" + tokens.issue(TokenPurpose.MANAGE, readerId)).then().statusCode(404);
        assertThat(ratings(readerId)).isEmpty();
        given().post("/feedback/" + tampered).then().statusCode(404);
        assertThat(ratings(readerId)).isEmpty();
        // The genuine one works.
        given().post("/feedback/" + token).then().statusCode(200);
        assertThat(ratings(readerId)).containsExactly(-1);
    }

    @Test
    void dislikedPapersPushSimilarOnesDownInTheNextDigest() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        activeReader("plain@example.org", "diffusion", "");
        long critic = activeReader("critic@example.org", "diffusion", "");
        // The digest's own top 3 for the topic, as the admin preview ranks them (limit 10 like the email: with a
        // smaller limit the list ends with the exploration pick earlier).
        io.restassured.path.json.JsonPath preview = TestData.asAdmin().queryParam("topics", "diffusion")
                .queryParam("date", DAY.toString()).get("/api/v1/admin/preview").then().statusCode(200)
                .extract().jsonPath();
        List<String> top = preview.<String>getList("id").subList(0, 3);
        List<String> topTitles = preview.<String>getList("title").subList(0, 3);
        top.forEach(id -> feedback.record(critic, id, Feedback.DISLIKE));

        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(2));
        assertThat(mail.waitForIncomingEmail(5_000, 2)).isTrue();
        List<String> plain = null;
        List<String> critics = null;
        for (MimeMessage message : mail.getReceivedMessages()) {
            List<String> titles = MimeParts.find(message, "text/plain").lines().filter(l -> l.matches("\\d+\\. .*"))
                    .map(l -> l.substring(l.indexOf(". ") + 2)).toList();
            if (message.getAllRecipients()[0].toString().startsWith("critic")) {
                critics = titles;
            } else {
                plain = titles;
            }
        }
        GreenMailResource.purge();
        assertThat(plain).startsWith(topTitles.toArray(String[]::new));
        assertThat(critics).isNotEqualTo(plain);
        // Each disliked paper ranks no higher than for the reader without feedback, and some rank lower or drop out.
        int moved = 0;
        for (String title : topTitles) {
            int before = plain.indexOf(title);
            int after = critics.indexOf(title);
            assertThat(after == -1 || after >= before).as("%s: %d -> %d", title, before, after).isTrue();
            if (after == -1 || after > before) {
                moved++;
            }
        }
        assertThat(moved).isPositive();
    }

    private static String escape(String title) {
        return title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static List<Integer> ratings(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>list("id.readerId", readerId).stream()
                .map(f -> (int) f.rating).toList());
    }

    static long activeReader(String email, String topic, String interests) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = new java.util.ArrayList<>(List.of(topic));
            reader.interests = interests;
            reader.createdAt = Instant.now();
            reader.confirmedAt = Instant.now();
            reader.persist();
            return reader.id;
        });
    }

    private MimeMessage single() {
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        List<MimeMessage> received = List.of(mail.getReceivedMessages());
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received.get(0);
    }
}
