package io.paperpost.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.feedback.Feedback;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.readinglist.ReadingListEntry;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail scanners open every link of an email, with HEAD and GET, before the reader does: doing so to every link of
 * the confirmation email and of a digest (both parts and the List-Unsubscribe header) changes nothing: no setting,
 * rating, saved paper or subscription.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class MailScannerTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";
    private static final Pattern HREF = Pattern.compile("href=\"(" + Pattern.quote(BASE) + "[^\"]*)\"");

    @Inject
    TestData data;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void openingEveryLinkOfTheConfirmationEmailDoesNotConfirm() throws Exception {
        given().formParam("email", "scanned@example.org").formParam("topics", "diffusion").post("/subscribe").then()
                .statusCode(200);
        Set<String> links = scan(single());
        assertThat(links).anyMatch(link -> link.contains("/confirm/"));
        assertThat(reader().status).isEqualTo(ReaderStatus.PENDING);
        assertThat(mail.waitForIncomingEmail(500, 1)).as("no email after the scan").isFalse();
    }

    @Test
    void openingEveryLinkOfADigestChangesNoSettingRatingOrSubscription() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        given().formParam("email", "scanned@example.org").formParam("topics", "diffusion")
                .formParam("interests", "video diffusion").post("/subscribe").then().statusCode(200);
        given().post(ReceivedMail.path(ReceivedMail.links(single(), BASE + "/confirm/").get(0))).then()
                .statusCode(200);
        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(1));
        Reader before = reader();

        Set<String> links = scan(single());
        assertThat(links).as("the digest's links").anyMatch(l -> l.contains("/feedback/"))
                .anyMatch(l -> l.contains("/unsubscribe/")).anyMatch(l -> l.contains("/preferences/"))
                .anyMatch(l -> l.contains("/digest/")).anyMatch(l -> l.contains("/steer/"))
                .anyMatch(l -> l.contains("/save/")).anyMatch(l -> l.contains("/reading-list/"))
                .anyMatch(l -> l.contains("/feed/"));

        Reader after = reader();
        assertThat(after.status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(after.topics).isEqualTo(before.topics);
        assertThat(after.interests).isEqualTo(before.interests);
        assertThat(after.pausedUntil).isNull();
        assertThat(after.linksSignedOutAt).isNull();
        assertThat(after.email).isEqualTo(before.email);
        assertThat(after.followedAuthors).isEqualTo(before.followedAuthors);
        assertThat(after.mutedAuthors).isEqualTo(before.mutedAuthors).isEmpty();
        assertThat(after.mutedTopics).isEqualTo(before.mutedTopics).isEmpty();
        assertThat(after.deliveryChannel).isEqualTo(before.deliveryChannel);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count())).as("ratings").isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReadingListEntry.count())).as("saved papers").isZero();
        assertThat(mail.waitForIncomingEmail(500, 1)).as("no email after the scan").isFalse();
    }

    /** HEAD then GET on every link of the site in the email, as a scanner does; answers the links. */
    private static Set<String> scan(MimeMessage email) throws Exception {
        Set<String> links = new LinkedHashSet<>(ReceivedMail.links(email, BASE + "/"));
        String html = MimeParts.find(email, "text/html");
        if (html != null) {
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                links.add(m.group(1).replace("&amp;", "&"));
            }
        }
        String[] unsubscribe = email.getHeader("List-Unsubscribe");
        if (unsubscribe != null) {
            links.add(unsubscribe[0].replaceAll("^<|>$", ""));
        }
        for (String link : links) {
            URI uri = URI.create(link);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            given().urlEncodingEnabled(false).head(target).then().statusCode(org.hamcrest.Matchers.lessThan(500));
            given().urlEncodingEnabled(false).get(target).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        return links;
    }

    private static Reader reader() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.<Reader>findAll().singleResult();
            // loaded before the transaction ends
            reader.topics.size();
            reader.followedAuthors.size();
            return reader;
        });
    }

    private MimeMessage single() {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("an email arrived").isTrue();
        List<MimeMessage> received = List.of(mail.getReceivedMessages());
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received.get(0);
    }
}
