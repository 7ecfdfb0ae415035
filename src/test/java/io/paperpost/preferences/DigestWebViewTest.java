package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.papers.Paper;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web view of a sent digest ("View in your browser", {@code /digest/{token}}) and the reader's past emails
 * ({@code /digests/{token}}), reached by following the links of emails GreenMail received.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class DigestWebViewTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";
    static final Pattern TITLE = Pattern.compile("<h2 class=\"pp-title\"[^>]*><a [^>]*>(.*?)</a></h2>");
    static final Pattern REASON = Pattern.compile("<i>(.*?)</i>");

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    TestClock clock;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void theDigestEmailLinksToAWebViewWithTheSameTitlesAndReasons() throws Exception {
        papers(DAY, "Diffusion policies for robot arms", "Faster diffusion sampling", "Diffusion for speech");
        long reader = reader("ada@example.org");
        MimeMessage email = sendDigest(DAY);
        String html = MimeParts.find(email, "text/html");
        String link = single(hrefs(html, "View in your browser"));
        assertThat(link).startsWith(BASE + "/digest/");
        // The text part carries the same link.
        assertThat(ReceivedMail.links(email, BASE + "/digest/")).containsExactly(link);

        String page = given().get(ReceivedMail.path(link)).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(all(TITLE, page)).hasSize(3).isEqualTo(all(TITLE, html));
        assertThat(all(REASON, page)).hasSize(3).isEqualTo(all(REASON, html));
        assertThat(page).contains("<title>" + email.getSubject() + "</title>")
                .doesNotContain("View in your browser")
                .contains("<h1 ");
        // Instead of "View in your browser", the way to the reader's past emails, as in the footer.
        assertThat(hrefs(page, "Past emails")).hasSize(2).allMatch(href -> href.startsWith(BASE + "/digests/"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("readerId", reader)
                .singleResult().contents)).startsWith(email.getSubject() + "\npersonal\n");
    }

    @Test
    void theWebViewAndPastEmailsAreNotIndexedAndSendNoReferrer() throws Exception {
        papers(DAY, "Diffusion policies for robot arms");
        reader("noindex@example.org");
        String html = MimeParts.find(sendDigest(DAY), "text/html");
        String view = ReceivedMail.path(single(hrefs(html, "View in your browser")));
        String archive = ReceivedMail.path(single(hrefs(html, "Past emails")));
        for (String path : List.of(view, archive)) {
            given().get(path).then().statusCode(200)
                    .header("X-Robots-Tag", "noindex, nofollow")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", containsString("no-store"))
                    .body(containsString("<meta name=\"robots\" content=\"noindex, nofollow\">"))
                    .body(containsString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
                    .body(containsString("@media (prefers-color-scheme: dark)"))
                    .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\""));
        }
    }

    @Test
    void pastEmailsListTheReadersDigestsNewestFirst() throws Exception {
        papers(DAY, "Diffusion policies for robot arms", "Faster diffusion sampling");
        reader("archive@example.org");
        MimeMessage first = sendDigest(DAY);
        papers(DAY.plusDays(1), "Diffusion transformers at scale");
        MimeMessage second = sendDigest(DAY.plusDays(1));

        String archive = ReceivedMail.path(single(hrefs(MimeParts.find(second, "text/html"), "Past emails")));
        String page = given().get(archive).then().statusCode(200).extract().asString();
        assertThat(all(Pattern.compile("<time datetime=\"([0-9-]+)\">"), page)).containsExactly("2026-03-03",
                "2026-03-02");
        assertThat(page).contains(second.getSubject()).contains(first.getSubject())
                .contains("Tue 3 Mar 2026</time> · 1 paper ·")
                .contains("Mon 2 Mar 2026</time> · 2 papers ·");
        assertThat(page.indexOf(second.getSubject())).isLessThan(page.indexOf(first.getSubject()));
        // Each entry opens that email's web view.
        List<String> views = all(Pattern.compile("<a class=\"subject\" href=\"([^\"]+)\""), page);
        assertThat(views).hasSize(2);
        given().get(ReceivedMail.path(views.get(1))).then().statusCode(200)
                .body(containsString("<title>" + first.getSubject() + "</title>"))
                .body(containsString("Faster diffusion sampling"));
    }

    @Test
    void aPaperDeletedSinceIsLeftOutOfTheWebView() throws Exception {
        papers(DAY, "Diffusion policies for robot arms", "Faster diffusion sampling");
        reader("deleted-paper@example.org");
        String html = MimeParts.find(sendDigest(DAY), "text/html");
        assertThat(all(TITLE, html)).contains("Faster diffusion sampling");
        QuarkusTransaction.requiringNew().run(() -> Paper.delete("title", "Faster diffusion sampling"));

        String page = given().get(ReceivedMail.path(single(hrefs(html, "View in your browser")))).then()
                .statusCode(200).extract().asString();
        assertThat(all(TITLE, page)).containsExactly("Diffusion policies for robot arms");
    }

    @Test
    void aTamperedExpiredOrForeignLinkGetsTheFriendlyNotFoundPage() throws Exception {
        papers(DAY, "Diffusion policies for robot arms");
        long ada = reader("ada@example.org");
        String html = MimeParts.find(sendDigest(DAY), "text/html");
        String view = ReceivedMail.path(single(hrefs(html, "View in your browser")));
        given().get(view).then().statusCode(200);
        String token = view.substring("/digest/".length());

        long bob = reader("bob@example.org");
        List<String> bad = new ArrayList<>();
        bad.add(token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"));
        bad.add("x" + token);
        bad.add(tokens.issue(TokenPurpose.MANAGE, ada));
        bad.add(tokens.issue(TokenPurpose.DIGEST_VIEW, ada, "20260303"));
        bad.add(tokens.issue(TokenPurpose.DIGEST_VIEW, ada, "not-a-date"));
        // Bob's token names only Bob's emails: the date of Ada's email is none of his.
        bad.add(tokens.issue(TokenPurpose.DIGEST_VIEW, bob, "20260302"));
        bad.add("no-token-at-all");
        for (String wrong : bad) {
            notFound("/digest/" + wrong);
        }
        notFound("/digests/" + bad.get(0));
        notFound("/digests/" + bad.get(2));

        // A year and a bit later the links have expired.
        clock.set(Instant.now().plus(Duration.ofDays(401)));
        notFound(view);
        notFound("/digests/" + token);
    }

    @Test
    void anErasedReadersWebViewIsGone() throws Exception {
        papers(DAY, "Diffusion policies for robot arms");
        long reader = reader("erase-me@example.org");
        MimeMessage email = sendDigest(DAY);
        String html = MimeParts.find(email, "text/html");
        String view = ReceivedMail.path(single(hrefs(html, "View in your browser")));
        String archive = ReceivedMail.path(single(hrefs(html, "Past emails")));
        given().get(view).then().statusCode(200);
        // "Download my data" still lists the email.
        String manage = single(hrefs(html, "Manage preferences")).substring((BASE + "/preferences/").length());
        given().get("/api/v1/preferences/" + manage + "/export").then().statusCode(200)
                .body(containsString("2026-03-02"));

        given().delete("/api/v1/preferences/" + manage).then().statusCode(204);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("readerId", reader))).isZero();
        notFound(view);
        notFound(archive);
    }

    private static void notFound(String path) {
        given().get(path).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("This link is not valid")).body(not(containsString("Exception")));
    }

    private MimeMessage sendDigest(LocalDate date) throws Exception {
        GreenMailResource.purge();
        TestData.asAdmin().queryParam("date", date.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(1));
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
        return mail.getReceivedMessages()[0];
    }

    /** Papers about diffusion, first available on the day. */
    private static void papers(LocalDate day, String... titles) {
        StringBuilder lines = new StringBuilder();
        for (String title : titles) {
            lines.append("{\"title\":\"").append(title).append("\",\"summary\":\"Diffusion models for ")
                    .append(title.toLowerCase()).append(".\",\"upvotes\":3}\n");
        }
        TestData.postPapers(lines.toString(), day).statusCode(200).body("added", is(titles.length));
    }

    private static long reader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.interests = "diffusion models";
            reader.createdAt = Instant.now();
            reader.confirmedAt = Instant.now();
            reader.persist();
            return reader.id;
        });
    }

    /** The targets of the links whose text is exactly the given one. */
    private static List<String> hrefs(String html, String text) {
        return all(Pattern.compile("<a href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "</a>"), html);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String single(List<String> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
