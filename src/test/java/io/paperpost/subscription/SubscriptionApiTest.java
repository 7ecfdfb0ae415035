package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.feedback.Feedback;
import io.paperpost.feedback.FeedbackId;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.mail.queue.MailQueueWorker;
import io.paperpost.mail.queue.QueuedMail;
import io.paperpost.mail.queue.QueuedMailStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON API under /api/v1: every bad input is a 4xx {error, field} with nothing stored or sent; the
 * double opt-in rules (expiry, replay, resend limit, purge); preferences, export and erase by token.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SubscriptionApiTest {

    @Inject
    TopicCatalog catalog;

    static final String BASE = "http://localhost:8080";

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    TokenConfig tokenConfig;
    @Inject
    SignupService signups;
    @Inject
    SuppressionList suppressions;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    static Stream<Arguments> badSignups() {
        String many = IntStream.range(0, 51).mapToObj(i -> "\"Author " + i + "\"").reduce((a, b) -> a + "," + b)
                .orElseThrow();
        return Stream.of(
                Arguments.of("{\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"not-an-address\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"a@b\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"ada@example.org\\r\\nBcc: victim@example.org\",\"topics\":[\"cs.LG\"]}",
                        "email"),
                Arguments.of("{\"email\":\"ada@example.org\\nSubject: hi\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"Ada <ada@example.org>\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"ada@example.org\\u0000\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"<script>alert(1)</script>@example.org\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"ädä@example.org\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"ada@-bad-.org\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"" + "x".repeat(250) + "@example.org\",\"topics\":[\"cs.LG\"]}", "email"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":[\"no-such-topic\"]}", "topics"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":[]}", "topics"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":\"cs.LG\"}", "topics"),
                Arguments.of("{\"email\":\"ada@example.org\",\"interests\":\"" + "x".repeat(501) + "\"}", "interests"),
                Arguments.of("{\"email\":\"ada@example.org\",\"interests\":\"bell\\u0007\"}", "interests"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":[\"cs.LG\"],\"authors\":[" + many + "]}",
                        "authors"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":[\"cs.LG\"],\"authors\":[\"" + "y".repeat(101)
                        + "\"]}", "authors"),
                Arguments.of(
                        "{\"email\":\"ada@example.org\",\"topics\":[\"cs.LG\"],\"timezone\":\"Mars/Olympus_Mons\"}",
                        "timezone"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":[\"cs.LG\"],\"timezone\":\"+02:00\"}",
                        "timezone"),
                Arguments.of("{\"email\":\"ada@example.org\",\"topics\":[\"cs.LG\"],\"timezone\":\"CEST\"}",
                        "timezone"),
                Arguments.of("{\"email\":\"ada@example.org\",", null),
                Arguments.of("", "email"));
    }

    @ParameterizedTest
    @MethodSource("badSignups")
    void badSignupIsA400WithTheFieldAndNothingIsStoredOrSent(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions")
                .then().statusCode(400).contentType(containsString("application/json"))
                .body("error", notNullValue())
                .body("field", field == null ? nullValue() : is(field))
                .body(not(containsString("Exception")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.count())).isZero();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void theTopicListCanBeDiscoveredAndItsIdsSignUp() throws Exception {
        List<String> ids = given().get("/api/v1/topics").then().statusCode(200).contentType(ContentType.JSON)
                .body("[0].id", notNullValue())
                .body("[0].name", notNullValue())
                .body("[0].description", notNullValue())
                .extract().jsonPath().getList("id");
        assertThat(ids).hasSameElementsAs(catalog.all().stream().map(t -> t.id()).toList()).doesNotHaveDuplicates();
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"topics@example.org\",\"topics\":[\"" + ids.get(ids.size() - 1) + "\"]}")
                .post("/api/v1/subscriptions").then().statusCode(202);
    }

    @Test
    void signupAnswersTheSameForANewAndAKnownAddressAndConfirmationIsReplayable() throws Exception {
        String body = "{\"email\":\"Api@Example.ORG\",\"topics\":[\"cs.CL\"],\"interests\":\"retrieval\","
                + "\"authors\":[\"Ada Lovelace\"],\"timezone\":\"Europe/Berlin\"}";
        String first = given().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions")
                .then().statusCode(202).body("status", is("pending")).extract().asString();
        MimeMessage confirmation = waitForOne();
        String token = lastSegment(ReceivedMail.links(confirmation, BASE + "/confirm/").get(0));

        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200)
                .body("status", is("ACTIVE")).body("alreadyConfirmed", is(false)).body("manageToken", notNullValue());
        // A replayed confirmation (a second click, a mail scanner) is harmless.
        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200)
                .body("alreadyConfirmed", is(true));
        given().post("/confirm/" + token).then().statusCode(200).body(containsString("Already confirmed"));

        GreenMailResource.purge();
        String again = given().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions")
                .then().statusCode(202).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(waitForOne().getSubject()).startsWith("You are already subscribed");
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult());
        assertThat(reader.timeZone).isEqualTo("Europe/Berlin");
        assertThat(reader.followedAuthors).containsExactly("Ada Lovelace");
        assertThat(reader.email).isEqualTo("Api@example.org");
    }

    @Test
    void expiredTamperedAndWrongPurposeConfirmationsAre404AndConfirmNothing() {
        long id = pendingReader("expired@example.org", Instant.now().minus(Duration.ofHours(60)));
        ReaderTokens past = new ReaderTokens();
        past.config = tokenConfig;
        past.clock = Clock.fixed(Instant.now().minus(Duration.ofHours(52)), ZoneOffset.UTC);
        past.loadKeys();
        String expired = past.issue(TokenPurpose.CONFIRM, id);
        String valid = tokens.issue(TokenPurpose.CONFIRM, id);
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");
        for (String token : List.of(expired, tampered, tokens.issue(TokenPurpose.MANAGE, id), "garbage", "a.b")) {
            given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(404)
                    .body("error", notNullValue()).body(not(containsString("expired@example.org")));
            given().get("/confirm/" + token).then().statusCode(404).body(containsString("This link is not valid"));
        }
        assertThat(reader(id).status).isEqualTo(ReaderStatus.PENDING);
    }

    @Test
    void aBouncedAddressThatSignsUpAgainGetsTheSameAnswerAndNoEmail() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = new Reader();
            reader.setEmail("gone@example.org");
            reader.status = ReaderStatus.BOUNCED;
            reader.createdAt = Instant.now();
            reader.persist();
        });
        given().contentType(ContentType.JSON).body("{\"email\":\"gone@example.org\",\"topics\":[\"cs.LG\"]}")
                .post("/api/v1/subscriptions").then().statusCode(202).body("status", is("pending"));
        Thread.sleep(500);
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult().status))
                .isEqualTo(ReaderStatus.BOUNCED);
    }

    @Test
    void confirmationIsResentAtMostOncePerInterval() throws Exception {
        given().contentType(ContentType.JSON).body("{\"email\":\"slow@example.org\",\"topics\":[\"cs.LG\"]}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        waitForOne();
        GreenMailResource.purge();
        given().contentType(ContentType.JSON).body("{\"email\":\"slow@example.org\"}")
                .post("/api/v1/subscriptions/resend")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"email\":\"slow@example.org\",\"topics\":[\"cs.LG\"]}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        Thread.sleep(500);
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).as("within the interval").isEmpty();

        QuarkusTransaction.requiringNew().run(() -> Reader.update("confirmationSentAt = ?1",
                Instant.now().minus(Duration.ofMinutes(11))));
        given().contentType(ContentType.JSON).body("{\"email\":\"slow@example.org\"}")
                .post("/api/v1/subscriptions/resend")
                .then().statusCode(202);
        assertThat(waitForOne().getSubject()).startsWith("Confirm your");
        // Unknown addresses get the same answer and nothing is sent.
        GreenMailResource.purge();
        given().contentType(ContentType.JSON).body("{\"email\":\"nobody@example.org\"}")
                .post("/api/v1/subscriptions/resend")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"email\":\"bad address\"}").post("/api/v1/subscriptions/resend")
                .then().statusCode(400).body("field", is("email"));
        Thread.sleep(300);
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void unconfirmedReadersArePurgedAfterTheRetention() {
        long old = pendingReader("old@example.org", Instant.now().minus(Duration.ofDays(8)));
        long recent = pendingReader("recent@example.org", Instant.now().minus(Duration.ofDays(6)));
        long active = activeReader("active@example.org");
        QuarkusTransaction.requiringNew().run(() -> Reader.update("createdAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofDays(30)), active));
        assertThat(signups.purgeUnconfirmed()).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(old))).isNull();
        assertThat(reader(recent)).isNotNull();
        assertThat(reader(active)).isNotNull();
    }

    static Stream<Arguments> badUpdates() {
        return Stream.of(
                Arguments.of("papersPerEmail", 4), Arguments.of("papersPerEmail", 31),
                Arguments.of("papersPerEmail", "ten"),
                Arguments.of("deliveryHour", 24), Arguments.of("deliveryHour", -1),
                Arguments.of("timeZone", "Mars/Olympus_Mons"), Arguments.of("timeZone", "UTC+2"),
                Arguments.of("timeZone", "x".repeat(300)),
                Arguments.of("frequency", "HOURLY"), Arguments.of("weeklyDay", "FUNDAY"),
                Arguments.of("pausedUntil", "2020-01-01"), Arguments.of("pausedUntil", "tomorrow"),
                Arguments.of("mailFormat", "PDF"), Arguments.of("trendPercent", 150),
                Arguments.of("topics", List.of("no-such-topic")), Arguments.of("interests", "x".repeat(501)),
                Arguments.of("authors", List.of("z".repeat(101))), Arguments.of("exploration", Map.of("a", 1)));
    }

    @ParameterizedTest
    @MethodSource("badUpdates")
    void badPreferenceUpdateIsA400WithTheFieldAndChangesNothing(String field, Object value) {
        long id = activeReader("prefs@example.org");
        String token = tokens.issue(TokenPurpose.MANAGE, id);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("papersPerEmail", 20));
        body.put(field, value);
        given().contentType(ContentType.JSON).body(body)
                .put("/api/v1/preferences/" + token)
                .then().statusCode(400).body("field", is(field)).body("error", notNullValue());
        Reader after = reader(id);
        assertThat(after.papersPerEmail).as("nothing saved half-way").isEqualTo(10);
        assertThat(after.topics).containsExactly("cs.LG");
    }

    @Test
    void preferencesAreReadAndUpdatedByTokenAndWrongTokensAre404() {
        long id = activeReader("update@example.org");
        String token = tokens.issue(TokenPurpose.MANAGE, id);
        given().get("/api/v1/preferences/" + token).then().statusCode(200)
                .body("email", is("update@example.org")).body("papersPerEmail", is(10)).body("frequency", is("DAILY"));
        String until = LocalDate.now().plusDays(10).toString();
        given().contentType(ContentType.JSON)
                .body(Map.of("topics", List.of("diffusion"), "authors", List.of("Ada Lovelace"),
                        "papersPerEmail", 25, "frequency", "weekly", "weeklyDay", "friday", "pausedUntil", until,
                        "deliveryHour", "18", "timeZone", "America/New_York", "mailFormat", "PLAIN", "trendPercent",
                        40))
                .put("/api/v1/preferences/" + token).then().statusCode(200)
                .body("papersPerEmail", is(25)).body("frequency", is("WEEKLY")).body("weeklyDay", is("FRIDAY"))
                .body("pausedUntil", is(until)).body("deliveryHour", is(18)).body("timeZone", is("America/New_York"))
                .body("mailFormat", is("PLAIN")).body("trendPercent", is(40)).body("interests", is(""));
        Reader saved = reader(id);
        assertThat(saved.topics).containsExactly("diffusion");
        assertThat(saved.followedAuthors).containsExactly("Ada Lovelace");
        given().contentType(ContentType.JSON).body(Map.of("pausedUntil", "")).put("/api/v1/preferences/" + token)
                .then().statusCode(200).body("pausedUntil", nullValue()).body("papersPerEmail", is(25));

        String wrongPurpose = tokens.issue(TokenPurpose.UNSUBSCRIBE, id);
        for (String bad : List.of(wrongPurpose, token.substring(0, token.length() - 1) + "x", "nope")) {
            given().get("/api/v1/preferences/" + bad).then().statusCode(404).body("error", notNullValue());
            given().contentType(ContentType.JSON).body(Map.of("papersPerEmail", 5)).put("/api/v1/preferences/" + bad)
                    .then().statusCode(404);
            given().delete("/api/v1/preferences/" + bad).then().statusCode(404);
        }
        assertThat(reader(id).papersPerEmail).isEqualTo(25);
    }

    @Test
    void exportHoldsEverythingAndDeleteErasesItKeepingOnlyTheSuppressionHash() {
        long id = activeReader("export@example.org");
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = new Delivery();
            delivery.readerId = id;
            delivery.digestDate = LocalDate.of(2026, 3, 2);
            delivery.status = DeliveryStatus.SENT;
            delivery.paperIds = new java.util.ArrayList<>(List.of("2403.00001", "2403.00002"));
            delivery.createdAt = Instant.now();
            delivery.updatedAt = Instant.now();
            delivery.sentAt = Instant.now();
            delivery.messageId = "digest-1@localhost";
            delivery.persist();
            Feedback feedback = new Feedback();
            feedback.id = new FeedbackId(id, "2403.00001");
            feedback.rating = Feedback.LIKE;
            feedback.createdAt = Instant.now();
            feedback.updatedAt = Instant.now();
            feedback.persist();
            QueuedMail welcome = new QueuedMail();
            welcome.kind = "WELCOME";
            welcome.readerId = id;
            welcome.recipient = "export@example.org";
            welcome.subject = "Welcome to PaperPost";
            welcome.textBody = "Manage: http://localhost:8080/preferences/secret-link";
            welcome.messageId = "welcome-1@localhost";
            welcome.status = QueuedMailStatus.SENT;
            welcome.attempts = 1;
            welcome.createdAt = Instant.now();
            welcome.updatedAt = welcome.createdAt;
            welcome.sentAt = welcome.createdAt;
            welcome.persist();
        });
        String token = tokens.issue(TokenPurpose.MANAGE, id);
        given().get("/api/v1/preferences/" + token + "/export").then().statusCode(200)
                .body("accountEmails[0].subject", is("Welcome to PaperPost"))
                .body("accountEmails[0].status", is("SENT"))
                .body(not(containsString("secret-link")))
                .body("subscription.email", is("export@example.org"))
                .body("subscription.topics", is(List.of("cs.LG")))
                .body("emails[0].paperIds", is(List.of("2403.00001", "2403.00002")))
                .body("emails[0].status", is("SENT"))
                .body("feedback[0].paperId", is("2403.00001")).body("feedback[0].rating", is(1));

        given().delete("/api/v1/preferences/" + token).then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Reader.count()).isZero();
            assertThat(Delivery.count()).isZero();
            assertThat(Feedback.count()).isZero();
            assertThat(QueuedMail.count()).isZero();
            assertThat(SuppressedAddress.<SuppressedAddress>listAll()).singleElement()
                    .satisfies(s -> assertThat(s.addressHash).matches("[0-9a-f]{64}").doesNotContain("export"));
            assertThat(suppressions.isSuppressed("Export@EXAMPLE.org")).isTrue();
        });
        given().get("/api/v1/preferences/" + token).then().statusCode(404);
    }

    @Test
    void unsubscribeByApiKeepsTheReason() {
        long id = activeReader("leaving@example.org");
        given().contentType(ContentType.JSON).body("{\"reason\":\"Too many emails\\r\\nBcc: x\"}")
                .post("/api/v1/unsubscribe/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, id))
                .then().statusCode(200).body("status", is("UNSUBSCRIBED"));
        Reader after = reader(id);
        assertThat(after.status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        assertThat(after.unsubscribeReason).isEqualTo("Too many emails Bcc: x");
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/unsubscribe/" + tokens.issue(TokenPurpose.MANAGE, id))
                .then().statusCode(404);
    }

    @Test
    void theApiIsDescribedAtQOpenapi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/subscriptions"))
                .body(containsString("/api/v1/preferences/{token}/export"))
                .body(containsString("/api/v1/email-changes/{token}"));
    }

    static long pendingReader(String email, Instant createdAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.PENDING;
            reader.createdAt = createdAt;
            reader.topics = new java.util.ArrayList<>(List.of("cs.LG"));
            reader.persist();
            return reader.id;
        });
    }

    static long activeReader(String email) {
        long id = pendingReader(email, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> Reader.update("status = ?1, confirmedAt = ?2 where id = ?3",
                ReaderStatus.ACTIVE, Instant.now(), id));
        return id;
    }

    static Reader reader(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
    }

    static MimeMessage waitForOne() {
        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        // The queue records it as sent (and a confirmation's resend interval starts) just after the server took it.
        try {
            assertThat(Arc.container().instance(MailQueueWorker.class).get().awaitIdle(Duration.ofSeconds(5)))
                    .as("the mail queue recorded it").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        MimeMessage[] received = GreenMailResource.greenMail().getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    static String lastSegment(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
