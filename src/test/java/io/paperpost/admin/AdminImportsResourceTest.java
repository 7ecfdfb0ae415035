package io.paperpost.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.paperpost.papers.ImportReport;
import io.paperpost.papers.ImportRun;
import io.paperpost.papers.ImportRuns;
import io.paperpost.papers.IngestionFixtures;
import io.paperpost.papers.IngestionTestProfile;
import io.paperpost.papers.InjectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class AdminImportsResourceTest {

    @InjectWireMock
    WireMockServer server;
    @Inject
    ImportRuns runs;

    @BeforeEach
    void setUp() {
        server.resetAll();
        IngestionFixtures.forgetFixturePapers();
        QuarkusTransaction.requiringNew().run(() -> ImportRun.deleteAll());
    }

    void recordRun(String source, Instant started, ImportReport report, Exception failure) {
        long id = runs.start(source, started);
        runs.finish(id, report, failure, started.plusSeconds(42));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void listsRecentImportsNewestFirstWithCountsAndErrors() {
        Instant monday = Instant.parse("2025-10-20T05:00:00Z");
        recordRun("arxiv-api", monday, new ImportReport("arxiv-api", 10, 7, 2, 0,
                List.of(new ImportReport.ItemError(4, "'title' is missing"))), null);
        recordRun("huggingface", monday.plusSeconds(60), new ImportReport("huggingface", 0, 0, 0, 0, List.of()),
                new java.io.IOException(
                        "HTTP 503 from https://huggingface.co/api/daily_papers (gave up after 4 attempts)"));
        recordRun("arxiv-api", monday.plusSeconds(86_400), new ImportReport("arxiv-api", 3, 3, 0, 0, List.of()), null);

        given().when().get("/api/v1/admin/imports")
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("startedAt", contains("2025-10-21T05:00:00Z", "2025-10-20T05:01:00Z", "2025-10-20T05:00:00Z"))
                .body("[1].source", equalTo("huggingface"))
                .body("[1].status", equalTo("failed"))
                .body("[1].failure", containsString("HTTP 503"))
                .body("[2].status", equalTo("ok"))
                .body("[2].fetched", equalTo(10))
                .body("[2].added", equalTo(7))
                .body("[2].updated", equalTo(2))
                .body("[2].skipped", equalTo(0))
                .body("[2].errors", equalTo(1))
                .body("[2].firstErrors", contains("4: 'title' is missing"))
                .body("[2].durationMs", equalTo(42_000))
                .body("[2].finishedAt", equalTo("2025-10-20T05:00:42Z"));

        given().queryParam("limit", 1).when().get("/api/v1/admin/imports")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].startedAt", equalTo("2025-10-21T05:00:00Z"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void rejectsALimitOutOfRange() {
        given().queryParam("limit", 0).when().get("/api/v1/admin/imports")
                .then().statusCode(400).body("error", containsString("limit"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void runsTheDailyImportNowAndReturnsEachSourcesResult() {
        // The online sources are gone; the file source still imports.
        server.stubFor(get(urlPathMatching("/.*")).willReturn(notFound()));

        given().when().post("/api/v1/admin/imports/run")
                .then().statusCode(200)
                .body("source", contains("arxiv-api", "arxiv-rss", "huggingface", "file"))
                .body("status", contains("failed", "failed", "failed", "ok"))
                .body("[0].failure", containsString("HTTP 404"))
                .body("[3].added", equalTo(2))
                .body("[3].errors", equalTo(1))
                .body("[3].id", notNullValue());

        given().when().get("/api/v1/admin/imports").then().statusCode(200).body("$", hasSize(4));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().when().get("/api/v1/admin/imports").then().statusCode(401);
        given().when().post("/api/v1/admin/imports/run").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void readersAreForbidden() {
        given().when().get("/api/v1/admin/imports").then().statusCode(403);
    }
}
