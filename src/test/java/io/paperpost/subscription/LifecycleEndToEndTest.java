package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader's whole life, through the pages and the links in the emails that arrive at a real SMTP server:
 * subscribe, confirm, welcome, change preferences, change address, download data, delete.
 */
@QuarkusTest
@TestProfile(StrictFormsProfile.class)
@WithTestResource(GreenMailResource.class)
class LifecycleEndToEndTest {

    static final String BASE = "http://localhost:8080";

    @Inject
    TestData data;
    @Inject
    SignupRateLimits rateLimits;
    @Inject
    SuppressionList suppressions;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        rateLimits.forgetAll();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void subscribeConfirmWelcomeChangePreferencesChangeAddressExportDelete() throws Exception {
        // Subscribe through the form, as a person: with the page's form token, after a few seconds.
        String signupPage = given().get("/").then().statusCode(200).extract().asString();
        assertThat(signupPage).contains("name=\"website\"")
                .contains("Intl.DateTimeFormat().resolvedOptions().timeZone");
        Forms.pauseLikeAPerson();
        given().formParam("email", "life@example.org").formParam("topics", "llm-inference")
                .formParam("interests", "speculative decoding").formParam("timezone", "Europe/Berlin")
                .formParam("website", "").formParam("formToken", Forms.token(signupPage))
                .post("/subscribe").then().statusCode(200).body(containsString("Check your inbox"));

        // Confirm from the email; the welcome email says what arrives, when and how to change it.
        MimeMessage confirmation = next();
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your PaperPost subscription");
        given().post(ReceivedMail.path(ReceivedMail.links(confirmation, BASE + "/confirm/").get(0)))
                .then().statusCode(200).body(containsString("You're in"));
        MimeMessage welcome = next();
        assertThat(welcome.getSubject()).startsWith("Welcome to PaperPost");
        String welcomeText = MimeParts.find(welcome, "text/plain");
        assertThat(welcomeText).contains("up to 10 new research papers").contains("Efficient LLM inference")
                .contains("speculative decoding").contains("each day at 07:00 (Europe/Berlin)");
        assertThat(welcome.getHeader("List-Unsubscribe")[0]).startsWith("<" + BASE + "/unsubscribe/");
        String manage = ReceivedMail.path(ReceivedMail.links(welcome, BASE + "/preferences/").get(0));

        // Change preferences; a refused value is shown next to its field with what was typed kept.
        String page = given().get(manage).then().statusCode(200).body(containsString("life@example.org")).extract()
                .asString();
        given().formParam("formToken", Forms.token(page)).formParam("topics", "llm-inference")
                .formParam("interests", "speculative decoding").formParam("papersPerEmail", "40")
                .formParam("deliveryHour", "6").formParam("timeZone", "Asia/Tokyo").post(manage)
                .then().statusCode(400).body(containsString("Choose between 5 and 30 papers per email."))
                .body(containsString("value=\"40\"")).body(containsString("value=\"Asia/Tokyo\""));
        given().formParam("formToken", Forms.token(page)).formParam("topics", "llm-inference")
                .formParam("topics", "diffusion")
                .formParam("interests", "speculative decoding").formParam("authors", "Tri Dao\nAda Lovelace")
                .formParam("trendWeight", "20").formParam("papersPerEmail", "15").formParam("frequency", "WEEKLY")
                .formParam("weeklyDay", "FRIDAY").formParam("pausedUntil", "").formParam("deliveryHour", "6")
                .formParam("timeZone", "Asia/Tokyo").formParam("mailFormat", "PLAIN").post(manage)
                .then().statusCode(200).body(containsString("Saved."))
                .body(containsString("every Friday at 06:00 (Asia/Tokyo)"));
        Reader saved = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult());
        assertThat(saved.topics).containsExactly("llm-inference", "diffusion");
        assertThat(saved.followedAuthors).containsExactly("Tri Dao", "Ada Lovelace");
        assertThat(saved.papersPerEmail).isEqualTo(15);
        assertThat(saved.frequency).isEqualTo(DigestFrequency.WEEKLY);
        assertThat(saved.mailFormat).isEqualTo(MailFormat.PLAIN);

        // Change the address: confirmed on the new address before it switches.
        given().formParam("formToken", Forms.token(page)).formParam("email", "new-life@example.org")
                .post(manage + "/email")
                .then().statusCode(200).body(containsString("We sent a link to new-life@example.org"));
        MimeMessage change = next();
        assertThat(change.getAllRecipients()[0].toString()).isEqualTo("new-life@example.org");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult().email))
                .as("not before the click").isEqualTo("life@example.org");
        String changeLink = ReceivedMail.path(ReceivedMail.links(change, BASE + "/email-change/").get(0));
        // Opening it shows the button and changes nothing; pressing it switches the address.
        given().get(changeLink).then().statusCode(200).body(containsString("Use new-life@example.org"));
        given().head(changeLink).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult().email))
                .isEqualTo("life@example.org");
        given().post(changeLink).then().statusCode(200).body(containsString("new-life@example.org"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult().email))
                .isEqualTo("new-life@example.org");
        // The address left is told, with a way to undo it (AddressChangeNoticeTest follows that way).
        MimeMessage notice = next();
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("life@example.org");
        assertThat(notice.getSubject()).isEqualTo("Your PaperPost address was changed");

        // Download my data.
        given().get(manage + "/export").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("subscription.email", is("new-life@example.org"))
                .body("subscription.followedAuthors", is(List.of("Tri Dao", "Ada Lovelace")))
                .body("emails.size()", is(0));

        // Delete me: the reader is gone; only the keyed hash stays, so nothing is sent there again.
        given().formParam("formToken", Forms.token(page)).post(manage + "/delete")
                .then().statusCode(400).body(containsString("Tick the box"));
        given().formParam("formToken", Forms.token(page)).formParam("confirm", "yes").post(manage + "/delete")
                .then().statusCode(200).body(containsString("Everything is deleted"));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Reader.count()).isZero();
            assertThat(suppressions.isSuppressed("new-life@example.org")).isTrue();
        });
        given().get(manage).then().statusCode(404);

        // Subscribing anew and confirming lifts the suppression.
        String again = given().get("/").then().extract().asString();
        Forms.pauseLikeAPerson();
        given().formParam("email", "new-life@example.org").formParam("topics", "diffusion")
                .formParam("formToken", Forms.token(again)).post("/subscribe").then().statusCode(200);
        given().post(ReceivedMail.path(ReceivedMail.links(next(), BASE + "/confirm/").get(0))).then().statusCode(200);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(suppressions.isSuppressed("new-life@example.org")).isFalse());
    }

    /** The one email that arrived since the last call. */
    private MimeMessage next() {
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received[0];
    }
}
