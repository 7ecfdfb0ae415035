package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One mailbox, however its address is spelled (case, invisible characters, full-width letters, the Unicode or the
 * punycode domain): one reader, one confirmation, one digest, one suppression list entry.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class EmailSpellingsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String[] SPELLINGS = {"ada@universität.de", "ADA@Universität.DE", "ada\u200B@universität.de",
            "a\u00ADda@univer\u00ADsität.de", "ａｄａ@ｕｎｉｖｅｒｓｉｔäｔ.ｄｅ", "ada@xn--universitt-y5a.de",
            "Ada@XN--UNIVERSITT-Y5A.DE"};
    static final String MAILBOX = "ada@xn--universitt-y5a.de";

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    SuppressionList suppressions;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void everySpellingOfAnAddressSignsUpAsOneReaderThatGetsOneConfirmationAndOneDigest() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        for (String spelling : SPELLINGS) {
            signUp(spelling);
        }
        MimeMessage confirmation = SubscriptionApiTest.waitForOne();
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo(MAILBOX);
        Thread.sleep(300);
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).as("one confirmation").hasSize(1);
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().singleResult());
        assertThat(reader.email).isEqualTo("ada@universität.de");
        assertThat(reader.emailKey).isEqualTo(MAILBOX);

        String token = SubscriptionApiTest.lastSegment(
                ReceivedMail.links(confirmation, SubscriptionApiTest.BASE + "/confirm/").get(0));
        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200).body("status",
                is("ACTIVE"));
        GreenMailResource.purge();
        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests")
                .then().statusCode(200).body("readers", is(1)).body("sent", is(1));
        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(ReceivedMail.countsByRecipient(GreenMailResource.greenMail().getReceivedMessages()))
                .isEqualTo(Map.of(MAILBOX, 1L));
    }

    @Test
    void anErasedAddressIsSuppressedInEverySpelling() {
        long id = SubscriptionApiTest.activeReader("a\u200Bda@universität.de");
        given().delete("/api/v1/preferences/" + tokens.issue(TokenPurpose.MANAGE, id)).then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(SuppressedAddress.count()).isEqualTo(1);
            for (String spelling : SPELLINGS) {
                assertThat(suppressions.isSuppressed(spelling)).as(spelling).isTrue();
            }
            assertThat(suppressions.isSuppressed("bob@universität.de")).isFalse();
        });
    }

    @Test
    void anEntryHashedBeforeV81FromTheUnicodeSpellingStillMatchesAndIsLiftedByAConfirmation() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            SuppressedAddress entry = new SuppressedAddress();
            entry.addressHash = tokens.addressHashes("ada@universität.de").get(0);
            entry.suppressedAt = Instant.now();
            entry.persist();
        });
        QuarkusTransaction.requiringNew().run(() -> assertThat(suppressions.isSuppressed(MAILBOX)).isTrue());
        signUp(MAILBOX);
        String token = SubscriptionApiTest.lastSegment(
                ReceivedMail.links(SubscriptionApiTest.waitForOne(), SubscriptionApiTest.BASE + "/confirm/").get(0));
        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> assertThat(SuppressedAddress.count()).isZero());
    }

    @Test
    void anAddressChangeToAnotherSpellingIsNoChangeAndToAnotherReadersMailboxSendsNothing() throws Exception {
        SubscriptionApiTest.activeReader("ada@universität.de");
        long bob = SubscriptionApiTest.activeReader("bob@example.org");
        String change = "/api/v1/preferences/" + tokens.issue(TokenPurpose.MANAGE, bob) + "/email-change";
        given().contentType(ContentType.JSON).body(Map.of("email", "ＢＯＢ@example.org\u200B")).post(change)
                .then().statusCode(400).body("field", is("email")).body("error", is("That is already your address."));
        given().contentType(ContentType.JSON).body(Map.of("email", "Ada@XN--UNIVERSITT-Y5A.DE")).post(change)
                .then().statusCode(202);
        Thread.sleep(500);
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void theAdminFindsAReaderByAnySpellingOfTheirAddress() {
        SubscriptionApiTest.activeReader("ada@universität.de");
        TestData.asAdmin().queryParam("email", "ＡＤＡ@xn--universitt-y5a.de\u200B").get("/admin").then().statusCode(200)
                .body(containsString("<b>ada@universität.de</b>"));
        TestData.asAdmin().queryParam("email", "not an address").get("/admin").then().statusCode(200)
                .body(containsString("No reader with the address"));
    }

    @Test
    void aReaderMergedWithAnotherOfItsMailboxCannotResubscribeFromItsOldLink() {
        SubscriptionApiTest.activeReader("ada@universität.de");
        long merged = QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.email = "ada@universität.de";
            reader.emailKey = "v81-test";
            reader.status = ReaderStatus.UNSUBSCRIBED;
            reader.createdAt = Instant.now();
            reader.persist();
            reader.flush();
            reader.emailKey = Reader.MERGED_KEY_PREFIX + reader.id;
            return reader.id;
        });
        given().post("/unsubscribe/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, merged) + "/resubscribe")
                .then().statusCode(409).body(containsString("Another subscription gets the emails for this address"));
        assertThat(SubscriptionApiTest.reader(merged).status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
    }

    private static void signUp(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "topics", java.util.List.of("cs.LG")))
                .post("/api/v1/subscriptions").then().statusCode(202);
    }
}
