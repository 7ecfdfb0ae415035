package io.paperpost.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The thin path through every stage, as a reader lives it: sign up, confirm from the email, receive the
 * digest, unsubscribe with one click from the email's header, and receive nothing more.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class DigestEndToEndTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";

    @Inject
    TestData data;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void readerSubscribesConfirmsReceivesDigestAndUnsubscribesWithOneClick() throws Exception {
        importDemoPapersThroughTheAdminApi();

        given().formParam("email", "  Reader@Example.ORG ")
                .formParam("topics", "llm-inference")
                .formParam("interests", "speculative decoding to speed up LLM inference")
                .post("/subscribe")
                .then().statusCode(200).body(containsString("Check your inbox"));

        MimeMessage confirmation = single();
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your PaperPost subscription");
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("Reader@example.org");
        String confirmLink = ReceivedMail.links(confirmation, BASE + "/confirm/").get(0);

        // No digest before confirmation.
        runDigest(DAY).body("readers", is(0)).body("sent", is(0));

        // Opening the link (as a mail scanner does) shows the button and confirms nothing; pressing it does.
        given().get(ReceivedMail.path(confirmLink)).then().statusCode(200)
                .body(containsString("Confirm my subscription"));
        given().head(ReceivedMail.path(confirmLink)).then().statusCode(200);
        runDigest(DAY).body("readers", is(0));
        given().post(ReceivedMail.path(confirmLink)).then().statusCode(200).body(containsString("You're in"));

        runDigest(DAY).body("readers", is(1)).body("sent", is(1)).body("failed", is(0));
        MimeMessage digest = single();
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        assertThat(digest.getSubject()).isEqualTo("10 new papers on Efficient LLM inference — Mon 2 Mar");
        assertThat(digest.getHeader("Message-ID")[0]).matches("<digest-\\d+-2026-03-02@localhost>");
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String unsubscribeHeader = digest.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribeHeader).matches("<" + BASE + "/unsubscribe/[A-Za-z0-9_.-]+>");
        String text = MimeParts.find(digest, "text/plain");
        String html = MimeParts.find(digest, "text/html");
        assertThat(html).contains("Manage preferences").contains("Unsubscribe");
        assertThat(ReceivedMail.links(digest, BASE + "/preferences/")).hasSize(1);

        // The demo papers about the reader's topic come first.
        String firstTitle = text.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow()
                .toLowerCase(Locale.ROOT);
        assertThat(firstTitle).containsAnyOf("decoding", "inference", "llm", "serving", "speculative");

        // Running the same date again sends nothing: the reader already has the date's email.
        runDigest(DAY).body("readers", is(0)).body("sent", is(0));
        assertThat(mail.getReceivedMessages()).isEmpty();

        // RFC 8058 one-click unsubscribe, as a mail provider posts it: 200, no redirect.
        String unsubscribeUrl = unsubscribeHeader.substring(1, unsubscribeHeader.length() - 1);
        given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(ReceivedMail.path(unsubscribeUrl))
                .then().statusCode(200).body(containsString("You are unsubscribed"));

        // A new paper on the reader's topic the next day: the unsubscribed reader gets nothing.
        TestData.postPapers("{\"key\":\"t-000000000001\",\"title\":\"Speculative decoding for faster LLM inference\","
                + "\"summary\":\"A draft model proposes tokens.\"}\n", DAY.plusDays(1)).statusCode(200)
                .body("added", is(1));
        runDigest(DAY.plusDays(1)).body("readers", is(0)).body("sent", is(0));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void unsubscribeLinkOpenedByAMailScannerChangesNothing() throws Exception {
        importDemoPapersThroughTheAdminApi();
        given().formParam("email", "scanner@example.org").formParam("topics", "diffusion").post("/subscribe")
                .then().statusCode(200);
        given().post(ReceivedMail.path(ReceivedMail.links(single(), BASE + "/confirm/").get(0))).then().statusCode(200);
        runDigest(DAY).body("sent", is(1));
        MimeMessage first = single();
        List<String> firstTitles = numberedTitles(MimeParts.find(first, "text/plain"));
        assertThat(firstTitles).hasSize(10);
        String unsubscribe = ReceivedMail.links(first, BASE + "/unsubscribe/").get(0);

        given().get(ReceivedMail.path(unsubscribe)).then().statusCode(200)
                .body(containsString("Unsubscribe?")).body(containsString("<form method=\"post\">"));

        // Still subscribed: tomorrow's papers arrive.
        TestData.postPapers(
                "{\"title\":\"Faster diffusion sampling with fewer denoising steps\",\"summary\":\"Diffusion models.\"}\n",
                DAY.plusDays(1)).statusCode(200).body("added", is(1));
        runDigest(DAY.plusDays(1)).body("sent", is(1));
        List<String> nextTitles = numberedTitles(MimeParts.find(single(), "text/plain"));
        assertThat(nextTitles).containsExactly("Faster diffusion sampling with fewer denoising steps");
        assertThat(nextTitles).doesNotContainAnyElementsOf(firstTitles);
    }

    /** The paper titles of a digest's plain-text part, in order. */
    private static List<String> numberedTitles(String text) {
        return text.lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.substring(l.indexOf(". ") + 2)).toList();
    }

    private void importDemoPapersThroughTheAdminApi() throws Exception {
        byte[] demo = getClass().getClassLoader().getResourceAsStream("demo/sample-papers.jsonl").readAllBytes();
        TestData.postPapers(new String(demo, java.nio.charset.StandardCharsets.UTF_8), DAY)
                .statusCode(200).body("added", is(281)).body("errors.size()", is(0));
    }

    private io.restassured.response.ValidatableResponse runDigest(LocalDate date) {
        return TestData.asAdmin().queryParam("date", date.toString()).post("/api/v1/admin/digests").then()
                .statusCode(200);
    }

    /** The one email received since the last call; fails when there is none or more than one. */
    private MimeMessage single() {
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        List<MimeMessage> received = List.of(mail.getReceivedMessages());
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received.get(0);
    }
}
