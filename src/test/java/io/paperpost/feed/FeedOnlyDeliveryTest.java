package io.paperpost.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.subscription.DeliveryChannel;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Feed only, no email": the digest run still ranks and records the reader's picks at their hour, for the feed, and
 * sends nothing; the next day brings the next papers, never one again; switching back to email sends again.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class FeedOnlyDeliveryTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    ReaderTokens tokens;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
        at(DAY);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aFeedOnlyReaderGetsNoEmailYetTheFeedHasEachDaysPicksNeverTwiceAndEmailResumesWhenChosenAgain()
            throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = activeReader("feed-only@example.org");
        String manage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId);
        given().formParam("topics", "diffusion").formParam("delivery", "FEED").post(manage).then().statusCode(200)
                .body(containsString("value=\"FEED\" checked"));
        assertThat(reader(readerId).deliveryChannel).isEqualTo(DeliveryChannel.FEED);
        String feedPath = "/feed/" + tokens.issue(TokenPurpose.FEED, readerId) + ".atom";

        // Day 1: no email, the picks in the ledger for the feed; the run counts no email sent.
        run(DAY).body("sent", is(0)).body("skipped", is(1)).body("failed", is(0));
        assertThat(mail.waitForIncomingEmail(1_000, 1)).as("no email").isFalse();
        Delivery first = delivery(readerId, DAY);
        assertThat(first.status).isEqualTo(DeliveryStatus.FEED);
        assertThat(first.messageId).isNull();
        assertThat(first.paperIds).hasSize(10);
        String etag = given().get(feedPath).then().statusCode(200).extract().header("ETag");
        Feed dayOne = AtomChecks.parseValid(given().get(feedPath).asString());
        assertThat(dayOne.getEntries()).hasSize(10);
        assertThat(reader(readerId).lastDigestDate).isEqualTo(DAY);
        // A second run of the day records nothing again.
        run(DAY).body("sent", is(0));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("readerId", readerId))).isEqualTo(1);

        // Day 2: new papers; the feed gains the day's picks on top, none of them a paper of day 1.
        TestData.postPapers(papers(1, 12), DAY.plusDays(1)).statusCode(200);
        at(DAY.plusDays(1));
        run(DAY.plusDays(1)).body("sent", is(0)).body("skipped", is(1));
        assertThat(mail.waitForIncomingEmail(1_000, 1)).as("no email on day 2").isFalse();
        assertThat(delivery(readerId, DAY.plusDays(1)).status).isEqualTo(DeliveryStatus.FEED);
        given().header("If-None-Match", etag).get(feedPath).then().statusCode(200);
        Feed dayTwo = AtomChecks.parseValid(given().get(feedPath).asString());
        List<String> titles = dayTwo.getEntries().stream().map(Entry::getTitle).toList();
        assertThat(titles).hasSize(20).doesNotHaveDuplicates();
        assertThat(titles.subList(0, 10)).as("newest first").allMatch(t -> t.startsWith("Fast video diffusion"));
        assertThat(titles.subList(10, 20))
                .containsExactlyElementsOf(dayOne.getEntries().stream().map(Entry::getTitle).toList());
        assertThat(dayTwo.getEntries().get(0).getUpdated().toInstant())
                .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));

        // Back to email (the JSON API this time): the next run sends, with none of the feed's papers.
        given().contentType(ContentType.JSON).body("{\"delivery\": \"EMAIL\"}")
                .put("/api/v1/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId)).then().statusCode(200)
                .body("delivery", is("EMAIL"));
        TestData.postPapers(papers(13, 24), DAY.plusDays(2)).statusCode(200);
        at(DAY.plusDays(2));
        run(DAY.plusDays(2)).body("sent", is(1));
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email again").isTrue();
        MimeMessage email = mail.getReceivedMessages()[0];
        GreenMailResource.purge();
        List<String> emailed = MimeParts.find(email, "text/plain").lines().filter(l -> l.matches("\\d+\\. .*"))
                .map(l -> l.substring(l.indexOf(". ") + 2)).toList();
        assertThat(emailed).isNotEmpty().doesNotContainAnyElementsOf(titles);
        Set<String> everything = new HashSet<>(titles);
        everything.addAll(emailed);
        assertThat(everything).hasSize(titles.size() + emailed.size());
        // The feed shows the emailed picks too.
        Feed dayThree = AtomChecks.parseValid(given().get(feedPath).asString());
        assertThat(dayThree.getEntries().subList(0, emailed.size())).extracting(Entry::getTitle)
                .containsExactlyElementsOf(emailed);
    }

    @Test
    void anUnknownDeliveryChoiceIsRefusedWithAMessageAndNothingIsSaved() {
        long readerId = activeReader("chooser@example.org");
        String manage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId);
        given().formParam("topics", "diffusion").formParam("delivery", "PIGEON").formParam("papersPerEmail", "20")
                .post(manage).then().statusCode(400).body(containsString("Choose email or feed only."));
        given().contentType(ContentType.JSON).body("{\"delivery\": \"carrier pigeon\", \"papersPerEmail\": 20}")
                .put("/api/v1/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId)).then().statusCode(400)
                .body("field", is("delivery")).body("error", is("Choose email or feed only."));
        Reader reader = reader(readerId);
        assertThat(reader.deliveryChannel).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(reader.papersPerEmail).isEqualTo(10);
        given().get("/api/v1/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId)).then().statusCode(200)
                .body("delivery", is("EMAIL"));
    }

    private void at(LocalDate day) {
        clock.set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static io.restassured.response.ValidatableResponse run(LocalDate day) {
        return TestData.asAdmin().queryParam("date", day.toString()).post("/api/v1/admin/digests").then()
                .statusCode(200);
    }

    /** On-topic papers for the reader's topic, arXiv ids 2603.000{from} to 2603.000{to}. */
    private static String papers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> String.format(Locale.ROOT,
                "{\"key\": \"2603.%05dv1\", \"title\": \"Fast video diffusion with fewer sampling steps, part %d\","
                        + " \"summary\": \"A denoising diffusion model for video that needs fewer sampling steps,"
                        + " study %d.\", \"authors\": [\"Ada Lovelace\"], \"upvotes\": %d}",
                n, n, n, n)).collect(Collectors.joining("\n"));
    }

    private static long activeReader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = new java.util.ArrayList<>(List.of("diffusion"));
            reader.interests = "";
            reader.createdAt = Instant.parse("2026-01-01T00:00:00Z");
            reader.confirmedAt = reader.createdAt;
            reader.persist();
            return reader.id;
        });
    }

    private static Reader reader(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
    }

    private static Delivery delivery(long readerId, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery
                .<Delivery>find("readerId = ?1 and digestDate = ?2", readerId, day).singleResult());
    }
}
