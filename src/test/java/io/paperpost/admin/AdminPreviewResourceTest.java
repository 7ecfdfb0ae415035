package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminPreviewResourceTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.demoPapersFirstSeenOn(DAY);
    }

    @Test
    void needsTheOperator() {
        given().queryParam("interests", "diffusion").get("/api/v1/admin/preview").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").queryParam("interests", "diffusion")
                .get("/api/v1/admin/preview").then().statusCode(401);
    }

    @Test
    void ranksTheDaysPapersForAnInterestBestFirst() {
        JsonPath json = TestData.asAdmin().queryParam("interests", "speculative decoding for LLM inference")
                .queryParam("date", DAY.toString()).queryParam("limit", "5")
                .get("/api/v1/admin/preview").then().statusCode(200).extract().jsonPath();
        List<String> ids = json.getList("id");
        List<Float> scores = json.getList("score", Float.class);
        List<String> kinds = json.getList("kind");
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(json.getList("title", String.class)).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(json.getList("reason", String.class)).allSatisfy(r -> assertThat(r).isNotBlank());
        // Personal picks come in score order (an exploration pick, if any, closes the list).
        List<Float> personal = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (kinds.get(i).equals("PERSONAL")) {
                personal.add(scores.get(i));
            }
        }
        assertThat(personal).hasSizeGreaterThanOrEqualTo(4).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(json.getString("[0].title").toLowerCase(Locale.ROOT))
                .containsAnyOf("decoding", "inference", "llm", "speculative", "serving");
        assertThat(json.getString("[0].reason")).contains("interest");

        // No papers on another day; the default limit is 10 over all papers.
        TestData.asAdmin().queryParam("interests", "diffusion").queryParam("date", "2020-01-01")
                .get("/api/v1/admin/preview").then().statusCode(200).body("size()", is(0));
        TestData.asAdmin().queryParam("topics", "diffusion").get("/api/v1/admin/preview").then().statusCode(200)
                .body("size()", is(10));
    }

    @Test
    void refusesBadInputWithTheField() {
        TestData.asAdmin().queryParam("topics", "diffusion,no-such-topic").get("/api/v1/admin/preview")
                .then().statusCode(400).body("field", is("topics"));
        TestData.asAdmin().queryParam("interests", "x").queryParam("date", "2026-13-01").get("/api/v1/admin/preview")
                .then().statusCode(400).body("field", is("date"));
        for (String limit : List.of("0", "101", "ten")) {
            TestData.asAdmin().queryParam("interests", "x").queryParam("limit", limit).get("/api/v1/admin/preview")
                    .then().statusCode(400).body("field", is("limit"));
        }
    }
}
