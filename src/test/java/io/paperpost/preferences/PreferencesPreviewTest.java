package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Your next email would contain" on the preferences page, and its live JSON endpoint. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class PreferencesPreviewTest {

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;

    String token;

    @BeforeEach
    void setUp() {
        data.reset();
        data.demoPapersFirstSeenOn(LocalDate.now());
        long readerId = QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail("preview@example.org");
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = new ArrayList<>(List.of("diffusion"));
            reader.interests = "";
            reader.createdAt = Instant.now();
            reader.confirmedAt = Instant.now();
            reader.persist();
            return reader.id;
        });
        token = tokens.issue(TokenPurpose.MANAGE, readerId);
    }

    @Test
    void previewEndpointRanksTheEditedChoices() {
        List<String> titles = given().queryParam("interests", "speculative decoding for LLM inference")
                .get("/preferences/" + token + "/preview").then().statusCode(200)
                .contentType("application/json").extract().jsonPath().getList("title");
        assertThat(titles).hasSize(5);
        assertThat(titles.get(0).toLowerCase(Locale.ROOT)).containsAnyOf("decoding", "inference", "llm", "speculative");
        given().queryParam("interests", "speculative decoding").get("/preferences/" + token + "/preview")
                .then().statusCode(200).body("[0].reason", containsString("interest"));
        // Repeated and comma-separated topics both work.
        given().queryParam("topics", "diffusion").queryParam("topics", "llm-inference")
                .get("/preferences/" + token + "/preview").then().statusCode(200).body("size()", is(5));
        given().queryParam("topics", "diffusion,llm-inference")
                .get("/preferences/" + token + "/preview").then().statusCode(200).body("size()", is(5));
    }

    @Test
    void badTokenIs404AndUnknownTopicIs400() {
        given().queryParam("topics", "diffusion").get("/preferences/not-a-token/preview").then().statusCode(404);
        given().queryParam("topics", "diffusion").get("/preferences/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, 1)
                + "/preview").then().statusCode(404);
        given().queryParam("topics", "no-such-topic").get("/preferences/" + token + "/preview")
                .then().statusCode(400).body("field", is("topics"));
    }

    @Test
    void pageShowsTheTopPicksOfTheSavedChoicesWithTheLiveScript() {
        String page = given().get("/preferences/" + token).then().statusCode(200)
                .body(containsString("Your next email would contain")).extract().asString();
        assertThat(page).contains("id=\"preview-list\"").contains("/preview").contains("setTimeout(refresh, 400)");
        assertThat(page.split("<li><b>", -1)).hasSize(6);
        String saved = given().formParam("topics", "llm-inference").formParam("interests", "speculative decoding")
                .post("/preferences/" + token).then().statusCode(200).body(containsString("Saved.")).extract()
                .asString();
        assertThat(saved.split("<li><b>", -1)).hasSize(6);
        assertThat(saved.toLowerCase(Locale.ROOT)).contains("decoding");
    }
}
