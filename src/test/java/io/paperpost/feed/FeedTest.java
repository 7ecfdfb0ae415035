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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader's Atom feed, followed from the link of a received digest: the email's papers in its order with the
 * same reasons, valid Atom, conditional requests, and 404 for a link that is not the reader's current one.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class FeedTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";
    private static final Pattern FEED_URL = Pattern.compile("id=\"feedUrl\" value=\"([^\"]+)\"");

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
        // The feed lists the last 30 days from the reader's today.
        clock.set(DAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void theFeedLinkOfTheEmailListsItsPapersInItsOrderWithTheSameReasons() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        activeReader("feed-reader@example.org");
        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(1));
        MimeMessage digest = single();
        String text = MimeParts.find(digest, "text/plain");
        List<String> titles = text.lines().filter(l -> l.matches("\\d+\\. .*"))
                .map(l -> l.substring(l.indexOf(". ") + 2)).toList();
        List<String> reasons = text.lines().filter(l -> l.startsWith("   Why: ")).map(l -> l.substring(8)).toList();
        assertThat(titles).hasSize(10);
        assertThat(MimeParts.find(digest, "text/html")).contains("Your feed").contains(BASE + "/feed/");
        List<String> feedLinks = ReceivedMail.links(digest, BASE + "/feed/");
        assertThat(feedLinks).hasSize(1);
        String link = feedLinks.get(0);
        assertThat(link).endsWith(".atom");

        Response response = given().get(ReceivedMail.path(link));
        response.then().statusCode(200).contentType(containsString("application/atom+xml"))
                .contentType(containsString("charset=UTF-8"));
        String xml = response.asString();
        Feed feed = AtomChecks.parseValid(xml);
        assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactlyElementsOf(titles);
        assertThat(feed.getEntries()).extracting(AtomChecks::summary).containsExactlyElementsOf(reasons);
        assertThat(feed.getEntries()).allSatisfy(e -> {
            // Picked on the digest date at the reader's hour (7:00 UTC), and linking to the paper.
            assertThat(e.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
            assertThat(e.getAlternateLinks().get(0).getHref()).startsWith("https://");
            assertThat(e.getContents().get(0).getValue()).contains(AtomChecks.summary(e).substring(0, 10));
        });
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        assertThat(feed.getOtherLinks()).anyMatch(l -> "self".equals(l.getRel()) && link.equals(l.getHref()));
        assertThat(feed.getTitle()).startsWith("PaperPost");
        assertThat(xml).as("the address stays out of the feed").doesNotContain("feed-reader@example.org")
                .doesNotContain("feed-reader");
        // Fetching it again gives the same document: the ids are stable.
        Feed again = AtomChecks.parseValid(given().get(ReceivedMail.path(link)).asString());
        assertThat(again.getEntries()).extracting(Entry::getId)
                .containsExactlyElementsOf(feed.getEntries().stream().map(Entry::getId).toList());
        // In the same test, not one of its own: each digest run of the demo papers embeds them anew (minutes).
        aFeedReaderPollingWithItsValidatorsGets304AndHeadAnswersWithoutABody(ReceivedMail.path(link), response);
    }

    private void aFeedReaderPollingWithItsValidatorsGets304AndHeadAnswersWithoutABody(String path, Response first) {
        first.then().header("Cache-Control", containsString("private"));
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isEqualTo("Mon, 02 Mar 2026 07:00:00 GMT");

        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", is(etag))
                .header("Cache-Control", containsString("private"));
        given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        given().header("If-Modified-Since", "Sun, 01 Mar 2026 07:00:00 GMT").get(path).then().statusCode(200);
        Response head = given().head(path);
        head.then().statusCode(200).header("ETag", is(etag)).contentType(containsString("application/atom+xml"));
        assertThat(head.asString()).isEmpty();
    }

    @Test
    void aTamperedForeignOrSignedOutFeedLinkIs404() throws Exception {
        long readerId = activeReader("guarded@example.org");
        String token = tokens.issue(TokenPurpose.FEED, readerId);
        given().get("/feed/" + token + ".atom").then().statusCode(200);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().get("/feed/" + tampered + ".atom").then().statusCode(404)
                .body(containsString("This link is not valid"));
        given().head("/feed/" + tampered + ".atom").then().statusCode(404);
        // A manage token is not a feed token.
        given().get("/feed/" + tokens.issue(TokenPurpose.MANAGE, readerId) + ".atom").then().statusCode(404);
        given().get("/feed/" + token).then().statusCode(404);
        // Another token of the same reader (signed a second later) is the same feed with another self link.
        clock.advance(Duration.ofSeconds(1));
        String other = "/feed/" + tokens.issue(TokenPurpose.FEED, readerId) + ".atom";
        given().get(other).then().statusCode(200).body(containsString(BASE + other));

        // "Sign me out everywhere" revokes the feed URL too; the page's fresh one works.
        clock.advance(Duration.ofSeconds(5));
        String manage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId);
        given().post(manage + "/sign-out").then().statusCode(200);
        given().get("/feed/" + token + ".atom").then().statusCode(404);
        GreenMailResource.purge();
    }

    @Test
    void aReaderWithNoPicksYetGetsAValidEmptyFeedFromTheUrlOnThePreferencesPage() throws Exception {
        long readerId = activeReader("newcomer@example.org");
        String page = given().get("/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId)).then()
                .statusCode(200).body(containsString("Feed only, no email")).extract().asString();
        Matcher url = FEED_URL.matcher(page);
        assertThat(url.find()).as("the feed URL on the page").isTrue();
        Response response = given().get(ReceivedMail.path(url.group(1)));
        response.then().statusCode(200).contentType(containsString("application/atom+xml"));
        Feed feed = AtomChecks.parseValid(response.asString());
        assertThat(feed.getEntries()).isEmpty();
        // An empty feed is as old as the subscription, so its validators hold until the first picks.
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
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

    private MimeMessage single() {
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        List<MimeMessage> received = List.of(mail.getReceivedMessages());
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received.get(0);
    }
}
