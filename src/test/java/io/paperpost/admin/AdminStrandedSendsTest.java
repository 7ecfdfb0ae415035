package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.digest.DigestService;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emails a crash left SENDING: never sent again by a run, listed on the dashboard, and sent once by the operator's
 * "send now" (a same-site POST with the admin credentials).
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminStrandedSendsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    TestData data;
    @Inject
    DigestService digest;

    Reader reader;

    @BeforeEach
    void setUp() {
        data.reset();
        data.demoPapersFirstSeenOn(DAY);
        reader = QuarkusTransaction.requiringNew().call(() -> {
            Reader r = new Reader();
            r.setEmail("stranded@example.org");
            r.status = ReaderStatus.ACTIVE;
            r.topics = List.of("llm-inference");
            r.interests = "speculative decoding";
            r.createdAt = Instant.parse("2026-01-01T00:00:00Z");
            r.confirmedAt = r.createdAt;
            r.persist();
            return r;
        });
    }

    /** The row a process that died during the send left behind, last touched the given time ago. */
    private long leftSending(Duration ago) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = new Delivery();
            d.readerId = reader.id;
            d.digestDate = DAY;
            d.status = DeliveryStatus.SENDING;
            d.attempts = 1;
            d.createdAt = Instant.now().minus(ago);
            d.updatedAt = d.createdAt;
            d.persist();
            return d.id;
        });
    }

    private static String sendNow(long deliveryId) {
        String location = TestData.asAdmin().redirects().follow(false)
                .header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .post("/admin/stranded/" + deliveryId + "/send").then().statusCode(303).extract().header("Location");
        return URLDecoder.decode(location, StandardCharsets.UTF_8);
    }

    private static Delivery row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    }

    private static int emails() {
        return GreenMailResource.greenMail().getReceivedMessages().length;
    }

    @Test
    void anEmailLeftSendingIsNeverSentByARunButListedAndSentOnceBySendNow() {
        long id = leftSending(Duration.ofHours(1));

        assertThat(digest.run(DAY).sent()).as("a run does not resend it").isZero();
        assertThat(emails()).isZero();
        TestData.asAdmin().get("/admin").then().statusCode(200)
                .body(containsString("Emails left SENDING by a crash")).body(containsString("stranded@example.org"))
                .body(containsString("action=\"/admin/stranded/" + id + "/send\""));

        assertThat(sendNow(id)).contains("Sent the email of 2026-03-02 to stranded@example.org");
        assertThat(emails()).isEqualTo(1);
        Delivery sent = row(id);
        assertThat(sent.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(sent.paperIds).isNotEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(reader.id).lastDigestDate))
                .isEqualTo(DAY);

        assertThat(sendNow(id)).as("a second click").contains("Nothing sent");
        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(emails()).isEqualTo(1);
        TestData.asAdmin().get("/admin").then().statusCode(200).body(not(containsString("stranded@example.org")));
    }

    @Test
    void aSendThatMayStillBeUnderWayIsNeitherListedNorSentAgain() {
        long id = leftSending(Duration.ofMinutes(1));

        TestData.asAdmin().get("/admin").then().statusCode(200).body(not(containsString("stranded@example.org")));
        assertThat(sendNow(id)).contains("Nothing sent");
        assertThat(emails()).isZero();
        assertThat(row(id).status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void sendNowIsAPostOfTheAdminFromThisSiteOnly() {
        long id = leftSending(Duration.ofHours(1));
        String path = "/admin/stranded/" + id + "/send";

        TestData.asAdmin().get(path).then().statusCode(405);
        given().redirects().follow(false).header("Origin", RestAssured.baseURI + ":" + RestAssured.port).post(path)
                .then().statusCode(401);
        TestData.asAdmin().redirects().follow(false).header("Origin", "https://evil.example").post(path).then()
                .statusCode(403);
        TestData.asAdmin().redirects().follow(false).post(path).then().statusCode(403);

        assertThat(emails()).isZero();
        assertThat(row(id).status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void sendNowToAReaderWhoHasUnsubscribedSendsNothingAndSaysSo() {
        long id = leftSending(Duration.ofHours(1));
        QuarkusTransaction.requiringNew()
                .run(() -> Reader.update("status = ?1 where id = ?2", ReaderStatus.UNSUBSCRIBED,
                        reader.id));

        assertThat(sendNow(id)).contains("Not sent to stranded@example.org (FAILED)").contains("not active");
        assertThat(emails()).isZero();
        assertThat(row(id).status).isEqualTo(DeliveryStatus.FAILED);
    }
}
