package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anyone can type an address: a signup for an address that already has a reader changes nothing of that reader
 * (choices, zone, schedule, status, links) until the link emailed for it is clicked, and then applies what that
 * signup chose.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SignupForKnownAddressTest {

    static final String VICTIM = "victim@example.org";

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    SignupService signups;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void anotherSignupForAnUnsubscribedReaderChangesNothingUntilItsLinkIsClickedAndThenApplies() throws Exception {
        long id = unsubscribedReader();
        Reader before = SubscriptionApiTest.reader(id);
        String manage = "/api/v1/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);

        attackerSignsUp("Victim@Example.org\u200B");
        String link = confirmationToken(SubscriptionApiTest.waitForOne());
        Reader untouched = SubscriptionApiTest.reader(id);
        // Only when the last confirmation email went out is noted: resends are limited per address.
        assertThat(untouched).usingRecursiveComparison().ignoringFieldsMatchingRegexes("\\$\\$.*")
                .ignoringFields("confirmationSentAt").isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.count())).isEqualTo(1);
        given().get(manage).then().statusCode(200).body("status", is("UNSUBSCRIBED"))
                .body("interests", is("graph neural networks")).body("timeZone", is("Europe/Berlin"));
        given().get(manage + "/export").then().statusCode(200)
                .body("subscription.interests", is("graph neural networks"))
                .body("waitingSignup.topics", is(List.of("diffusion")))
                .body("waitingSignup.timeZone", is("Pacific/Auckland"));

        given().post("/api/v1/subscriptions/confirmations/" + link).then().statusCode(200)
                .body("status", is("ACTIVE")).body("alreadyConfirmed", is(false));
        Reader after = SubscriptionApiTest.reader(id);
        assertThat(after.status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(after.unsubscribedAt).isNull();
        assertThat(after.topics).containsExactly("diffusion");
        assertThat(after.interests).isEqualTo("cheap pills");
        assertThat(after.timeZone).isEqualTo("Pacific/Auckland");
        assertThat(after.deliveryHour).as("the schedule is not part of a signup").isEqualTo(18);
        assertThat(after.papersPerEmail).isEqualTo(20);
        given().post("/api/v1/subscriptions/confirmations/" + link).then().statusCode(200).body("alreadyConfirmed",
                is(true));
        given().get(manage).then().statusCode(200).body("status", is("ACTIVE"));
        given().get(manage + "/export").then().statusCode(200).body("waitingSignup", nullValue());
    }

    @Test
    void aSignupForAnActiveReaderOnlyRemindsThemAndChangesNothing() throws Exception {
        long id = unsubscribedReader();
        QuarkusTransaction.requiringNew()
                .run(() -> Reader.update("status = ?1 where id = ?2", ReaderStatus.ACTIVE, id));
        Reader before = SubscriptionApiTest.reader(id);
        attackerSignsUp(VICTIM);
        assertThat(SubscriptionApiTest.waitForOne().getSubject()).startsWith("You are already subscribed");
        assertThat(SubscriptionApiTest.reader(id)).usingRecursiveComparison().ignoringFieldsMatchingRegexes("\\$\\$.*")
                .isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSignup.count())).isZero();
    }

    @Test
    void aSecondSignupForAnUnconfirmedAddressWaitsForItsOwnLinkAndEachLinkConfirmsWhatItWasSentFor() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("email", VICTIM, "topics", List.of("cs.LG")))
                .post("/api/v1/subscriptions")
                .then().statusCode(202);
        String own = confirmationToken(next());
        allowAnotherConfirmationEmail();
        String other = attackersLink();
        Reader pending = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult());
        assertThat(pending.topics).containsExactly("cs.LG");
        assertThat(pending.status).isEqualTo(ReaderStatus.PENDING);

        given().post("/api/v1/subscriptions/confirmations/" + own).then().statusCode(200).body("alreadyConfirmed",
                is(false));
        given().post("/api/v1/subscriptions/confirmations/" + other).then().statusCode(200).body("alreadyConfirmed",
                is(true));
        Reader confirmed = SubscriptionApiTest.reader(pending.id);
        assertThat(confirmed.topics).as("confirming settled the other signup").containsExactly("cs.LG");
        assertThat(confirmed.timeZone).isEqualTo("UTC");
    }

    @Test
    void withinTheResendIntervalASecondSignupSendsAndKeepsNothing() throws Exception {
        long id = unsubscribedReader();
        attackerSignsUp(VICTIM);
        next();
        given().contentType(ContentType.JSON).body(Map.of("email", VICTIM, "topics", List.of("cs.CL")))
                .post("/api/v1/subscriptions").then().statusCode(202);
        Thread.sleep(300);
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
        PendingSignup waiting = QuarkusTransaction.requiringNew()
                .call(() -> PendingSignup.<PendingSignup>findAll().singleResult());
        assertThat(waiting.topics).containsExactly("diffusion");
        assertThat(SubscriptionApiTest.reader(id).topics).containsExactly("cs.LG");
    }

    @Test
    void theLinkOfASignupReplacedByALaterOneConfirmsNothingAndResendSendsTheLatest() throws Exception {
        long id = unsubscribedReader();
        String replaced = attackersLink();
        allowAnotherConfirmationEmail();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", VICTIM, "topics", List.of("cs.CL"), "interests", "parsing"))
                .post("/api/v1/subscriptions").then().statusCode(202);
        next();
        allowAnotherConfirmationEmail();
        given().contentType(ContentType.JSON).body(Map.of("email", VICTIM)).post("/api/v1/subscriptions/resend")
                .then().statusCode(202);
        String resent = confirmationToken(next());

        given().post("/api/v1/subscriptions/confirmations/" + replaced).then().statusCode(404);
        assertThat(SubscriptionApiTest.reader(id).status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        given().post("/api/v1/subscriptions/confirmations/" + resent).then().statusCode(200).body("status",
                is("ACTIVE"));
        assertThat(SubscriptionApiTest.reader(id).interests).isEqualTo("parsing");
    }

    @Test
    void resubscribingFromTheReadersOwnLinkSettlesAWaitingSignup() throws Exception {
        long id = unsubscribedReader();
        String link = attackersLink();
        given().post("/unsubscribe/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, id) + "/resubscribe").then()
                .statusCode(200);
        given().post("/api/v1/subscriptions/confirmations/" + link).then().statusCode(200).body("alreadyConfirmed",
                is(true));
        Reader back = SubscriptionApiTest.reader(id);
        assertThat(back.status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(back.interests).isEqualTo("graph neural networks");
    }

    @Test
    void unconfirmedSignupsForKnownAddressesArePurgedAfterTheRetentionAndTheReaderStays() {
        long id = unsubscribedReader();
        attackerSignsUp(VICTIM);
        QuarkusTransaction.requiringNew().run(() -> PendingSignup.update("requestedAt = ?1",
                Instant.now().minus(Duration.ofDays(8))));
        signups.purgeUnconfirmed();
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSignup.count())).isZero();
        assertThat(SubscriptionApiTest.reader(id).status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
    }

    /** The victim: confirmed long ago with settings of their own, unsubscribed since. */
    private static long unsubscribedReader() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(VICTIM);
            reader.status = ReaderStatus.UNSUBSCRIBED;
            reader.topics = new java.util.ArrayList<>(List.of("cs.LG"));
            reader.interests = "graph neural networks";
            reader.timeZone = "Europe/Berlin";
            reader.deliveryHour = 18;
            reader.papersPerEmail = 20;
            reader.frequency = DigestFrequency.WEEKLY;
            reader.weeklyDay = DayOfWeek.FRIDAY;
            Instant longAgo = Instant.now().minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.SECONDS);
            reader.createdAt = longAgo;
            reader.confirmedAt = longAgo;
            reader.confirmationSentAt = longAgo;
            reader.unsubscribedAt = longAgo.plus(Duration.ofDays(100));
            reader.persist();
            return reader.id;
        });
    }

    private static void attackerSignsUp(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "topics", List.of("diffusion"),
                "interests", "cheap pills", "timezone", "Pacific/Auckland"))
                .post("/api/v1/subscriptions").then().statusCode(202);
    }

    /** The confirmation link the attacker's signup for the victim's address sent to the victim. */
    private static String attackersLink() throws Exception {
        attackerSignsUp(VICTIM);
        return confirmationToken(next());
    }

    /** As if the resend interval had passed since the last confirmation email. */
    private static void allowAnotherConfirmationEmail() {
        QuarkusTransaction.requiringNew().run(() -> Reader.update("confirmationSentAt = ?1",
                Instant.now().minus(Duration.ofMinutes(11))));
    }

    private static String confirmationToken(MimeMessage confirmation) throws Exception {
        assertThat(confirmation.getSubject()).startsWith("Confirm your");
        return SubscriptionApiTest
                .lastSegment(ReceivedMail.links(confirmation, SubscriptionApiTest.BASE + "/confirm/").get(0));
    }

    private static MimeMessage next() {
        MimeMessage message = SubscriptionApiTest.waitForOne();
        GreenMailResource.purge();
        return message;
    }
}
