package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bots and forgeries: form tokens, fill time, honeypot, Origin check and rate limits, each a polite page. */
@QuarkusTest
@TestProfile(StrictFormsProfile.class)
@WithTestResource(GreenMailResource.class)
class SignupDefencesTest {

    @Inject
    TestData data;
    @Inject
    SignupRateLimits rateLimits;
    @Inject
    ReaderTokens tokens;
    @Inject
    FormGuard forms;

    @BeforeEach
    void setUp() {
        data.reset();
        rateLimits.forgetAll();
    }

    @Test
    void aSignupWithoutAValidFormTokenIsRefusedPolitelyAndStoresNothing() {
        String otherForm = forms.issue("prefs", 0);
        for (String token : new String[]{null, "", "forged.token", tokens.issue(TokenPurpose.MANAGE, 0), otherForm}) {
            var request = given().formParam("email", "bot@example.org").formParam("topics", "cs.LG");
            if (token != null) {
                request.formParam("formToken", token);
            }
            request.post("/subscribe").then().statusCode(400)
                    .body(containsString("Please open the page again"))
                    .body(containsString("value=\"bot@example.org\""))
                    .body(not(containsString("Exception")));
        }
        assertNothingStoredOrSent();
    }

    @Test
    void aFormSentBackFasterThanAPersonCanIsHeldBack() throws Exception {
        String token = Forms.token(given().get("/").then().statusCode(200).extract().asString());
        signup("quick@example.org", token).then().statusCode(400)
                .body(containsString("faster than a person can fill it in"));
        assertNothingStoredOrSent();
        Forms.pauseLikeAPerson();
        signup("quick@example.org", token).then().statusCode(200).body(containsString("Check your inbox"));
    }

    @Test
    void theHoneypotLooksLikeSuccessButStoresAndSendsNothing() throws Exception {
        String token = Forms.token(given().get("/").then().extract().asString());
        Forms.pauseLikeAPerson();
        given().formParam("email", "honey@example.org").formParam("topics", "cs.LG").formParam("formToken", token)
                .formParam("website", "http://spam.example").post("/subscribe")
                .then().statusCode(200).body(containsString("Check your inbox"));
        assertNothingStoredOrSent();
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        String token = Forms.token(given().get("/").then().extract().asString());
        Forms.pauseLikeAPerson();
        given().header("Origin", "https://evil.example").formParam("email", "csrf@example.org")
                .formParam("topics", "cs.LG")
                .formParam("formToken", token).post("/subscribe")
                .then().statusCode(403).body(containsString("only accept this form from"));
        assertNothingStoredOrSent();
        // A sandboxed frame or a redirect across sites says "null": another site too.
        given().header("Origin", "null").formParam("email", "csrf@example.org").formParam("topics", "cs.LG")
                .formParam("formToken", token).post("/subscribe").then().statusCode(403);
        assertNothingStoredOrSent();
        given().header("Origin", "http://localhost:" + RestAssured.port).formParam("email", "csrf@example.org")
                .formParam("topics", "cs.LG").formParam("formToken", token).post("/subscribe").then().statusCode(200);
    }

    @Test
    void signupsPerClientAndPerAddressAreLimited() throws Exception {
        String token = Forms.token(given().get("/").then().extract().asString());
        Forms.pauseLikeAPerson();
        for (int i = 0; i < StrictFormsProfile.PER_IP; i++) {
            signup("reader" + i + "@example.org", token).then().statusCode(200);
        }
        signup("one-more@example.org", token).then().statusCode(429)
                .body(containsString("many signups from your network"))
                .body(containsString("value=\"one-more@example.org\""));
        given().contentType("application/json").body("{\"email\":\"api@example.org\",\"topics\":[\"cs.LG\"]}")
                .post("/api/v1/subscriptions").then().statusCode(429).body("error", containsString("many signups"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertThat(
                QuarkusTransaction.requiringNew().call(() -> Reader.find("emailKey", "one-more@example.org").count()))
                .isZero();

        rateLimits.forgetAll();
        for (int i = 0; i < StrictFormsProfile.PER_ADDRESS; i++) {
            signup("same@example.org", token).then().statusCode(200);
        }
        signup("Same@Example.org", token).then().statusCode(429).body(containsString("several emails to this address"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void everySpellingOfAnAddressSharesOnePerAddressLimit() {
        String[] spellings = {"same@bücher.example", "ｓａｍｅ@bücher.example", "sa\u200Bme@xn--bcher-kva.example",
                "SAME@BÜ\u00ADCHER.example"};
        for (int i = 0; i < StrictFormsProfile.PER_ADDRESS; i++) {
            apiSignup(spellings[i]).then().statusCode(202);
        }
        apiSignup(spellings[StrictFormsProfile.PER_ADDRESS]).then().statusCode(429)
                .body("error", containsString("several emails to this address"));
        apiSignup("other@bücher.example").then().statusCode(202);
    }

    private static io.restassured.response.Response apiSignup(String email) {
        return given().contentType("application/json")
                .body(java.util.Map.of("email", email, "topics", java.util.List.of("cs.LG")))
                .post("/api/v1/subscriptions");
    }

    @Test
    void preferenceAndUnsubscribePageFormsNeedTheirTokenButOneClickUnsubscribeDoesNot() {
        long id = SubscriptionApiTest.activeReader("forms@example.org");
        long other = SubscriptionApiTest.activeReader("other@example.org");
        String manage = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);
        String page = given().get(manage).then().statusCode(200).extract().asString();
        String otherToken = Forms.token(given().get("/preferences/" + tokens.issue(TokenPurpose.MANAGE, other)).then()
                .extract().asString());

        given().formParam("topics", "diffusion").post(manage).then().statusCode(400)
                .body(containsString("Please open the page again"));
        given().formParam("topics", "diffusion").formParam("formToken", otherToken).post(manage).then().statusCode(400);
        given().formParam("confirm", "yes").formParam("formToken", otherToken).post(manage + "/delete").then()
                .statusCode(400);
        assertThat(SubscriptionApiTest.reader(id).topics).containsExactly("cs.LG");
        given().formParam("topics", "diffusion").formParam("formToken", Forms.token(page)).post(manage)
                .then().statusCode(200).body(containsString("Saved."));
        assertThat(SubscriptionApiTest.reader(id).topics).containsExactly("diffusion");

        String unsubscribe = "/unsubscribe/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, id);
        String unsubscribePage = given().get(unsubscribe).then().statusCode(200)
                .body(containsString("Pause instead")).extract().asString();
        given().post(unsubscribe + "/pause").then().statusCode(400);
        given().formParam("formToken", Forms.token(unsubscribePage)).post(unsubscribe + "/pause")
                .then().statusCode(200).body(containsString("Paused"));
        assertThat(SubscriptionApiTest.reader(id).pausedUntil).isAfter(LocalDate.now().plusDays(20));

        // RFC 8058: the mail provider's POST has no form token and must work, 200 and no redirect.
        String unsubscribed = given().redirects().follow(false).formParam("List-Unsubscribe", "One-Click")
                .formParam("reason", "just testing").post(unsubscribe)
                .then().statusCode(200).body(containsString("You are unsubscribed")).extract().asString();
        Reader after = SubscriptionApiTest.reader(id);
        assertThat(after.status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        assertThat(after.unsubscribeReason).isEqualTo("just testing");
        given().post(unsubscribe + "/resubscribe").then().statusCode(400);
        given().formParam("formToken", Forms.token(unsubscribed)).post(unsubscribe + "/resubscribe")
                .then().statusCode(200).body(containsString("Welcome back"));
        assertThat(SubscriptionApiTest.reader(id).status).isEqualTo(ReaderStatus.ACTIVE);
    }

    private static io.restassured.response.Response signup(String email, String token) {
        return given().formParam("email", email).formParam("topics", "cs.LG").formParam("formToken", token)
                .post("/subscribe");
    }

    private static void assertNothingStoredOrSent() {
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.count())).isZero();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
    }
}
