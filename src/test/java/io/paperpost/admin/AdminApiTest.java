package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.papers.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's endpoints: basic auth, the JSON Lines import report, and clear errors. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void adminEndpointsNeedTheOperatorsCredentials() {
        given().contentType("application/x-ndjson").body("{}".getBytes()).post("/api/v1/admin/papers")
                .then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong-password").post("/api/v1/admin/digests")
                .then().statusCode(401);
        given().auth().preemptive().basic("someone", TestData.ADMIN_PASSWORD).post("/api/v1/admin/digests")
                .then().statusCode(401);
    }

    @Test
    void importReportsAddedUpdatedSkippedAndBadLinesByNumber() {
        String lines = """
                {"key":"t-aaaaaaaaaaaa","title":"First paper","summary":"About diffusion.","upvotes":3,"publishedAt":"2025-10-01"}
                {"key":"t-bbbbbbbbbbbb","title":"Broken JSON",
                {"title":"Second paper, key from its title","summary":"About agents.","authors":["Ada Lovelace","Alan Turing"]}
                {"key":"t-cccccccccccc","summary":"no title"}
                {"key":"t-dddddddddddd","title":"Bad upvotes","upvotes":-1}
                [1,2,3]

                {"key":"t-eeeeeeeeeeee","title":"Bad date","publishedAt":"yesterday"}
                """;
        TestData.postPapers(lines, DAY).statusCode(200)
                .body("read", is(7)).body("added", is(2)).body("updated", is(0)).body("skipped", is(0))
                .body("errors.size()", is(5))
                .body("errors[0].position", is(2)).body("errors[0].message", containsString("not valid JSON"))
                .body("errors[1].position", is(4)).body("errors[1].message", is("'title' is missing"))
                .body("errors[2].position", is(5)).body("errors[2].message", containsString("'upvotes'"))
                .body("errors[3].position", is(6)).body("errors[3].message", is("expected a JSON object"))
                .body("errors[4].position", is(8)).body("errors[4].message", containsString("ISO date"));

        Paper second = QuarkusTransaction.requiringNew()
                .call(() -> Paper.<Paper>find("title", "Second paper, key from its title").firstResult());
        assertThat(second.id).matches("t-[0-9a-f]{12}");
        assertThat(second.authors).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(second.firstSeenOn).isEqualTo(DAY);

        // The same again: nothing new. Then new upvotes: an update, and the first-seen day stays.
        TestData.postPapers(lines, DAY.plusDays(1)).statusCode(200).body("added", is(0)).body("skipped", is(2));
        TestData.postPapers("{\"key\":\"t-aaaaaaaaaaaa\",\"title\":\"First paper\",\"upvotes\":40}\n", DAY.plusDays(2))
                .statusCode(200).body("updated", is(1));
        Paper first = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById("t-aaaaaaaaaaaa"));
        assertThat(first.upvotes).isEqualTo(40);
        assertThat(first.summary).as("a later source that lacks the abstract does not erase it")
                .isEqualTo("About diffusion.");
        assertThat(first.firstSeenOn).isEqualTo(DAY);
    }

    @Test
    void badParametersGetAJsonErrorNamingTheField() {
        TestData.asAdmin().queryParam("date", "24/11/2026").post("/api/v1/admin/digests")
                .then().statusCode(400).contentType("application/json")
                .body("error", containsString("must be a date")).body("field", is("date"));
        TestData.asAdmin().contentType("application/x-ndjson").queryParam("firstSeenOn", "soon").body("".getBytes())
                .post("/api/v1/admin/papers")
                .then().statusCode(400).body("field", is("firstSeenOn"));
        TestData.asAdmin().contentType("application/json").body("[]").post("/api/v1/admin/papers")
                .then().statusCode(415).body(not(containsString("Exception")));
    }

    @Test
    void digestRunSummaryCountsReadersAndSends() {
        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests")
                .then().statusCode(200)
                .body("date", is(DAY.toString())).body("readers", is(0)).body("sent", is(0))
                .body("skipped", is(0)).body("failed", is(0));
    }
}
