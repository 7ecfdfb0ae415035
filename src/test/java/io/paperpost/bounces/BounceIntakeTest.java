package io.paperpost.bounces;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.queue.QueuedMail;
import io.paperpost.mail.queue.QueuedMailStatus;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/admin/bounces and the rules behind it: what each report does, and what it must not do. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class BounceIntakeTest {

    @Inject
    TestData data;
    @Inject
    BounceFixture fixture;
    @Inject
    TestClock clock;
    @Inject
    BounceHistory history;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ValidatableResponse post(byte[] message) {
        return TestData.asAdmin().contentType("message/rfc822").body(message).post("/api/v1/admin/bounces").then();
    }

    @Test
    void aPermanentFailureSuppressesTheReaderAtOnce() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        post(fixture.samples(reader).load("gmail-permanent.eml")).statusCode(200)
                .body("outcome", is("suppressed")).body("kind", is("permanent")).body("code", is("5.1.1"))
                .body("reader", is(reader.id.intValue()));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.BOUNCED);
        TestData.asAdmin().get("/api/v1/admin/readers/" + reader.id + "/deliveries").then().statusCode(200)
                .body("readerStatus", is("BOUNCED")).body("bounces[0].action", is("SUPPRESSED"))
                .body("bounces[0].kind", is("PERMANENT")).body("bounces[0].source", is("HTTP"))
                .body("bounces[0].detail", containsString("does not exist"));
        assertThat(history.lastDays(1).get(0).permanent()).isEqualTo(1);
        assertThat(history.lastDays(1).get(0).suppressed()).isEqualTo(1);
    }

    @Test
    void theSameReportTwiceCountsOnce() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        byte[] report = fixture.samples(reader).load("postfix-transient.eml");
        post(report).statusCode(200).body("outcome", is("counted"));
        post(report).statusCode(200).body("outcome", is("duplicate")).body("status", is("APPLIED"));
        assertThat(BounceFixture.reports()).hasSize(1);
        assertThat(history.lastDays(1).get(0).transients()).isEqualTo(1);
    }

    @Test
    void transientFailuresSuppressOnlyWhenThreeFallWithinSevenDays() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        post(fixture.samples(reader).load("postfix-transient.eml")).body("outcome", is("counted"));
        clock.advance(Duration.ofDays(8));
        post(fixture.samples(reader).load("postfix-transient.eml")).body("outcome", is("counted"));
        clock.advance(Duration.ofDays(1));
        post(fixture.samples(reader).load("postfix-transient.eml")).body("outcome", is("counted"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.ACTIVE);
        clock.advance(Duration.ofDays(5));
        post(fixture.samples(reader).load("postfix-transient.eml")).body("outcome", is("suppressed"))
                .body("kind", is("transient"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.BOUNCED);
    }

    @Test
    void aComplaintUnsubscribesAtOnceAndIsCounted() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        post(fixture.samples(reader).load("arf-abuse.eml")).statusCode(200).body("outcome", is("unsubscribed"))
                .body("kind", is("complaint")).body("code", is("abuse"));
        Reader after = BounceFixture.reload(reader);
        assertThat(after.status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        assertThat(after.unsubscribedAt).isNotNull();
        assertThat(after.unsubscribeReason).contains("spam");
        BounceHistory.Day today = history.lastDays(1).get(0);
        assertThat(today.complaints()).isEqualTo(1);
        assertThat(today.unsubscribed()).isEqualTo(1);
        // A bounce after the complaint finds the reader already gone.
        post(fixture.samples(reader).load("gmail-permanent.eml")).body("outcome", is("unchanged"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
    }

    @Test
    void aMalformedReportIsKeptAsideWithTheReasonAndChangesNothing() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        post(fixture.samples(reader).load("broken-bad-status.eml")).statusCode(422)
                .body("error", containsString("Status five-one-one is not an RFC 3463 code"))
                .body("field", is("message"));
        post("not a message at all".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("error", containsString("not a report"));
        post(new byte[0]).statusCode(422).body("error", containsString("empty"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(BounceFixture.reports()).hasSize(3).allSatisfy(row -> {
            assertThat(row.status).isEqualTo(ReportStatus.MALFORMED);
            assertThat(row.readerId).isNull();
        });
        assertThat(BounceFixture.reports()).anySatisfy(row -> assertThat(new String(row.raw, StandardCharsets.UTF_8))
                .contains("five-one-one"));
        assertThat(history.lastDays(1).get(0).keptAside()).isEqualTo(3);
    }

    @Test
    void aReportAboutAnUnknownMessageIdIsUnmatched() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        BounceSamples other = new BounceSamples("digest-999999-2026-12-01@localhost", reader.email,
                "bounces@paperpost.example.org", "unknown");
        post(other.load("gmail-permanent.eml")).statusCode(200).body("outcome", is("unmatched"))
                .body("reader", nullValue()).body("detail", containsString("digest-999999-2026-12-01@localhost"));
        BounceSamples stranger = new BounceSamples("CAF=x9e1@mail.gmail.com", reader.email, "x@example.org", "s");
        post(stranger.load("postfix-permanent.eml")).statusCode(200).body("outcome", is("unmatched"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(BounceFixture.reports()).allSatisfy(row -> assertThat(row.raw).isNotEmpty());
    }

    @Test
    void aBounceOfAnAddressTheReaderNoLongerHasChangesNothing() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        BounceSamples old = new BounceSamples(BounceFixture.messageId(reader), "ada.old@example.com",
                "bounces@paperpost.example.org", "old");
        post(old.load("exchange-permanent.eml")).statusCode(200).body("outcome", is("unmatched"))
                .body("detail", containsString("not the address reader"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.ACTIVE);
    }

    @Test
    void aSignedReturnPathAloneNamesTheEmailAndAForgedOneNothing() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        BounceSamples forged = new BounceSamples("none", reader.email,
                fixture.returnPath(reader).replaceFirst("\\.[0-9a-f]{4}", ".0000"), "forged");
        post(forged.load("dsn-without-original.eml")).statusCode(200).body("outcome", is("unmatched"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.ACTIVE);
        BounceSamples signed = new BounceSamples("none", reader.email,
                fixture.returnPath(reader).toUpperCase(Locale.ROOT), "signed");
        post(signed.load("dsn-without-original.eml")).statusCode(200).body("outcome", is("suppressed"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.BOUNCED);
    }

    @Test
    void aLateBounceOfAnAccountEmailIsMatchedThroughTheMailQueue() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        String messageId = "subscription-" + UUID.randomUUID() + "@localhost";
        QuarkusTransaction.requiringNew().run(() -> {
            QueuedMail welcome = new QueuedMail();
            welcome.kind = "WELCOME";
            welcome.readerId = reader.id;
            welcome.recipient = reader.email;
            welcome.subject = "Welcome";
            welcome.textBody = "Welcome.";
            welcome.messageId = messageId;
            welcome.status = QueuedMailStatus.SENT;
            welcome.attempts = 1;
            welcome.createdAt = Instant.now();
            welcome.updatedAt = welcome.createdAt;
            welcome.sentAt = welcome.createdAt;
            welcome.persist();
        });
        BounceSamples samples = new BounceSamples(messageId, reader.email, "digest@paperpost.localhost", "account");
        post(samples.load("postfix-permanent.eml")).statusCode(200).body("outcome", is("suppressed"))
                .body("reader", is(reader.id.intValue()));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.BOUNCED);
    }

    @Test
    void aDelayWarningIsRecordedButChangesNothing() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        post(fixture.samples(reader).load("postfix-delayed.eml")).statusCode(200).body("outcome", is("ignored"))
                .body("kind", is("notice"));
        assertThat(BounceFixture.reload(reader).status).isEqualTo(ReaderStatus.ACTIVE);
    }

    @Test
    void theDashboardCountsTodaysReportsAndTheReadersHistoryShowsThem() {
        Reader reader = fixture.readerWithDigest("ada@example.com");
        post(fixture.samples(reader).load("exchange-permanent.eml")).body("outcome", is("suppressed"));
        post(fixture.samples(reader).load("broken-no-status-part.eml")).statusCode(422);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String page = TestData.asAdmin().queryParam("email", "ada@example.com").get("/admin").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<h2>Bounces and complaints</h2>")
                .contains("<tr><td>" + today + "</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">1</td></tr>")
                .contains("id=\"reader-bounces\"").contains("APPLIED SUPPRESSED")
                .contains("RESOLVER.ADR.RecipientNotFound");
    }

    @Test
    void theIntakeTakesOnlyTheOperatorsRawMessages() {
        given().contentType("message/rfc822").body("x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/bounces").then().statusCode(401);
        TestData.asAdmin().contentType("application/json").body("{}").post("/api/v1/admin/bounces").then()
                .statusCode(415).body("error", containsString(""));
        TestData.asAdmin().contentType("message/rfc822").header("Origin", "https://evil.example")
                .body("x".getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/bounces").then().statusCode(403);
    }
}
