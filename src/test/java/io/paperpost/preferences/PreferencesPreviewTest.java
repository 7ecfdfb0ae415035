package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.papers.Paper;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
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
    void previewEndpointRanksTheEditedChoicesAsManyAsTheEmailHolds() {
        List<String> titles = given().queryParam("interests", "speculative decoding for LLM inference")
                .get("/preferences/" + token + "/preview").then().statusCode(200)
                .contentType("application/json").extract().jsonPath().getList("title");
        assertThat(titles).hasSize(10);
        assertThat(titles.get(0).toLowerCase(Locale.ROOT)).containsAnyOf("decoding", "inference", "llm", "speculative");
        given().queryParam("interests", "speculative decoding").get("/preferences/" + token + "/preview")
                .then().statusCode(200).body("[0].reason", containsString("interest"));
        // Repeated and comma-separated topics both work.
        given().queryParam("topics", "diffusion").queryParam("topics", "llm-inference")
                .queryParam("papersPerEmail", "5")
                .get("/preferences/" + token + "/preview").then().statusCode(200).body("size()", is(5));
        given().queryParam("topics", "diffusion,llm-inference").queryParam("papersPerEmail", "7")
                .get("/preferences/" + token + "/preview").then().statusCode(200).body("size()", is(7));
    }

    @Test
    void previewFollowsTheTrendSliderTheFollowedAuthorsAndTheExplorationPick() {
        // Set before the first ranking of the day's papers, which keeps them for the run.
        String author = "Ada Lovelace";
        QuarkusTransaction.requiringNew().run(() -> {
            Paper paper = Paper.<Paper>listAll().get(0);
            paper.authors = new ArrayList<>(List.of(author));
        });
        List<String> followReasons = given().queryParam("topics", "diffusion").queryParam("authors", author)
                .get("/preferences/" + token + "/preview").then().statusCode(200).extract().jsonPath()
                .getList("reason");
        assertThat(followReasons).anySatisfy(reason -> assertThat(reason).contains(author));

        List<String> personal = titles(given().queryParam("topics", "diffusion").queryParam("trendWeight", "0"));
        List<String> trending = titles(given().queryParam("topics", "diffusion").queryParam("trendWeight", "100"));
        assertThat(trending).isNotEqualTo(personal);

        List<String> reasons = given().queryParam("topics", "diffusion").queryParam("exploration", "on")
                .get("/preferences/" + token + "/preview").then().statusCode(200).extract().jsonPath()
                .getList("reason");
        List<String> withoutExploration = given().queryParam("topics", "diffusion").queryParam("exploration", "off")
                .get("/preferences/" + token + "/preview").then().statusCode(200).extract().jsonPath()
                .getList("reason");
        assertThat(reasons).isNotEqualTo(withoutExploration);

    }

    @Test
    void previewWithOnlyWhenMatchesIsEmptyWhenNothingMatches() {
        given().queryParam("interests", "zzqx vvqj kkwp").queryParam("onlyWhenMatches", "on")
                .queryParam("exploration", "off")
                .get("/preferences/" + token + "/preview").then().statusCode(200).body("size()", is(0));
        given().queryParam("interests", "zzqx vvqj kkwp").queryParam("onlyWhenMatches", "off")
                .get("/preferences/" + token + "/preview").then().statusCode(200).body("size()", is(10));
    }

    @Test
    void badTokenIs404AndARefusedValueIs400NamingItsField() {
        given().queryParam("topics", "diffusion").get("/preferences/not-a-token/preview").then().statusCode(404);
        given().queryParam("topics", "diffusion").get("/preferences/" + tokens.issue(TokenPurpose.UNSUBSCRIBE, 1)
                + "/preview").then().statusCode(404);
        given().queryParam("topics", "no-such-topic").get("/preferences/" + token + "/preview")
                .then().statusCode(400).body("field", is("topics"));
        given().queryParam("topics", "diffusion").queryParam("papersPerEmail", "50")
                .get("/preferences/" + token + "/preview").then().statusCode(400).body("field", is("papersPerEmail"))
                .body("error", containsString("between 5 and 30"));
        given().queryParam("topics", "diffusion").queryParam("trendWeight", "101")
                .get("/preferences/" + token + "/preview").then().statusCode(400).body("field", is("trendWeight"));
    }

    @Test
    void pageShowsTheSavedChoicesNextEmailWithTheLiveScript() {
        String page = given().get("/preferences/" + token).then().statusCode(200)
                .body(containsString("Your next email")).extract().asString();
        assertThat(page).contains("id=\"preview-list\"").contains("<script src=\"/js/preferences.js\"");
        assertThat(page.split("<li><b>", -1)).hasSize(11);
        given().get("/js/preferences.js").then().statusCode(200).body(containsString("/preview"))
                .body(containsString("papersPerEmail")).body(containsString("trendWeight"));
        String saved = given().formParam("topics", "llm-inference").formParam("interests", "speculative decoding")
                .formParam("papersPerEmail", "6").post("/preferences/" + token).then().statusCode(200)
                .body(containsString("Saved.")).extract().asString();
        assertThat(saved.split("<li><b>", -1)).hasSize(7);
        assertThat(saved.toLowerCase(Locale.ROOT)).contains("decoding");
    }

    private List<String> titles(RequestSpecification request) {
        return request.get("/preferences/" + token + "/preview").then().statusCode(200).extract().jsonPath()
                .getList("title");
    }
}
