package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.feedback.FeedbackLinks;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.site.InvalidLinkException;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links after an address change or a leak: the old address is told and can undo the change, and "sign me out
 * everywhere" stops every earlier link but the unsubscribe ones.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SignOutEverywhereTest {

    static final String BASE = "http://localhost:8080";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    TestClock clock;
    @Inject
    FeedbackLinks feedbackLinks;

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
    void anAddressChangeTellsTheOldAddressWhoseLinkUndoesItAndSignsOutTheLinksOfWhoeverMadeIt() throws Exception {
        // The change happens a while before the owner notices: links are issued in whole seconds.
        clock.runShiftedBy(Duration.ofMinutes(-10));
        long id = reader("owner@example.org");
        String leakedManage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);

        // Someone with a forwarded email moves the subscription to their own address.
        String page = given().get(leakedManage).then().statusCode(200).extract().asString();
        given().formParam("formToken", formToken(page)).formParam("email", "taker@example.org")
                .post(leakedManage + "/email").then().statusCode(200);
        String confirm = ReceivedMail.path(ReceivedMail.links(next("taker@example.org"), BASE + "/email-change/")
                .get(0));
        given().post(confirm).then().statusCode(200);
        assertThat(emailOf(id)).isEqualTo("taker@example.org");

        // The owner's mailbox is told, with a link that asks before it changes anything.
        MimeMessage notice = next("owner@example.org");
        assertThat(notice.getSubject()).isEqualTo("Your PaperPost address was changed");
        String undo = ReceivedMail.path(ReceivedMail.links(notice, BASE + "/email-change/undo/").get(0));
        given().get(undo).then().statusCode(200).body(containsString("Move my emails back to owner@example.org"));
        given().head(undo).then().statusCode(200);
        assertThat(emailOf(id)).isEqualTo("taker@example.org");

        clock.reset();
        given().post(undo).then().statusCode(200).body(containsString("Your emails go to <b>owner@example.org</b>"));
        assertThat(emailOf(id)).isEqualTo("owner@example.org");
        // The taker's way in is gone; the owner gets the one link that works now.
        given().get(leakedManage).then().statusCode(404);
        String fresh = ReceivedMail.path(ReceivedMail.links(next("owner@example.org"), BASE + "/preferences/").get(0));
        given().get(fresh).then().statusCode(200).body(containsString("owner@example.org"));
        // The undo link is spent: the change it undoes is gone.
        given().get(undo).then().statusCode(404);
        given().post(undo).then().statusCode(404);
    }

    @Test
    void theUndoLinkStillWorksAfterWhoeverMadeTheChangeSignsOutEverywhere() throws Exception {
        clock.runShiftedBy(Duration.ofMinutes(-10));
        long id = reader("owner@example.org");
        String manage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);
        String page = given().get(manage).then().extract().asString();
        given().formParam("formToken", formToken(page)).formParam("email", "taker@example.org")
                .post(manage + "/email").then().statusCode(200);
        given().post(ReceivedMail.path(ReceivedMail.links(next("taker@example.org"), BASE + "/email-change/").get(0)))
                .then().statusCode(200);
        String undo = ReceivedMail.path(ReceivedMail.links(next("owner@example.org"), BASE + "/email-change/undo/")
                .get(0));

        clock.runShiftedBy(Duration.ofMinutes(-5));
        String takersPage = given().get(manage).then().statusCode(200).extract().asString();
        given().formParam("formToken", formToken(takersPage)).post(manage + "/sign-out").then().statusCode(200);
        next("taker@example.org");

        clock.reset();
        given().post(undo).then().statusCode(200);
        assertThat(emailOf(id)).isEqualTo("owner@example.org");
    }

    @Test
    void signingOutStopsEveryEarlierLinkButUnsubscribeAndEmailsAFreshOne() throws Exception {
        clock.runShiftedBy(Duration.ofMinutes(-10));
        long id = reader("careful@example.org");
        String manage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);
        String unsubscribe = "/unsubscribe/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, id);
        String feedback = feedbackLinks.token(id, "2603.00001", 1);
        assertThat(feedbackLinks.verify(feedback).readerId()).isEqualTo(id);
        String page = given().get(manage).then().statusCode(200)
                .body(containsString("Sign me out everywhere")).extract().asString();

        clock.reset();
        given().formParam("formToken", formToken(page)).post(manage + "/sign-out").then().statusCode(200)
                .body(containsString("Signed out everywhere")).body(containsString("careful@example.org"));

        given().get(manage).then().statusCode(404);
        assertThatThrownBy(() -> feedbackLinks.verify(feedback)).isInstanceOf(InvalidLinkException.class);
        // The old unsubscribe link still unsubscribes, and offers no way to the preferences.
        given().get(unsubscribe).then().statusCode(200).body(containsString("Unsubscribe?"))
                .body(not(containsString("/preferences/"))).body(not(containsString("Pause instead")));
        given().formParam("List-Unsubscribe", "One-Click").post(unsubscribe).then().statusCode(200)
                .body(containsString("You are unsubscribed")).body(not(containsString("Resubscribe")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id).status))
                .isEqualTo(ReaderStatus.UNSUBSCRIBED);

        MimeMessage fresh = next("careful@example.org");
        assertThat(fresh.getSubject()).isEqualTo("Your new PaperPost preferences link");
        given().get(ReceivedMail.path(ReceivedMail.links(fresh, BASE + "/preferences/").get(0))).then()
                .statusCode(200);
    }

    private MimeMessage next(String to) throws Exception {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("an email to " + to).isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(to);
        GreenMailResource.purge();
        return received[0];
    }

    private static String formToken(String page) {
        Matcher m = FORM_TOKEN.matcher(page);
        assertThat(m.find()).as("a form token on the page").isTrue();
        return m.group(1);
    }

    private static String emailOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id).email);
    }

    private static long reader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = List.of("diffusion");
            reader.interests = "";
            reader.createdAt = Instant.now();
            reader.confirmedAt = reader.createdAt;
            reader.persist();
            return reader.id;
        });
    }
}
