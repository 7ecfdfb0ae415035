package io.paperpost.admin;

import static io.paperpost.TestData.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.SubscriptionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/admin/readers/export: every reader as listmonk-shaped CSV, a download nobody caches, and a file the
 * import takes back: export, empty the database, import, and the same subscribed readers are there again.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ReaderExportApiTest {

    static final String EXPORT = "/api/v1/admin/readers/export";

    @Inject
    TestData data;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    /** What the round trip must keep of a reader. */
    record Kept(String email, String status, List<String> topics, String interests, List<String> authors,
            String timeZone) {
        static Kept of(Reader r) {
            return new Kept(r.email, r.status.name(), List.copyOf(r.topics), r.interests,
                    List.copyOf(r.followedAuthors), r.timeZone);
        }
    }

    static List<Kept> readers() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Reader.<Reader>listAll().stream().map(Kept::of).sorted(
                        java.util.Comparator.comparing(Kept::email)).toList());
    }

    static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    static void importCsv(String consent, String csv) {
        asAdmin().contentType("text/csv").queryParam("consent", consent)
                .body(csv.getBytes(StandardCharsets.UTF_8)).post(ReaderImportApiTest.IMPORT).then().statusCode(200);
    }

    @Test
    void theExportIsACsvDownloadOfEveryReaderWithTheirStatusChoicesAndConsent() throws Exception {
        importCsv("confirmed", "email,name,attributes\n"
                + "ada@example.org,Ada,\"{\"\"topics\"\":[\"\"cs.CL\"\"],\"\"interests\"\":\"\"retrieval, RAG\"\","
                + "\"\"authors\"\":[\"\"Grace Hopper\"\"],\"\"timezone\"\":\"\"Asia/Tokyo\"\"}\"\n"
                + "left@example.org,,\n");
        subscriptions.unsubscribe(ReaderImportApiTest.reader("left@example.org").id);

        Response response = asAdmin().get(EXPORT);
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"paperpost-readers-"))
                .header("Cache-Control", is("no-store"));
        String csv = response.asString();
        assertThat(csv).startsWith("email,name,attributes\n");
        List<CSVRecord> rows = records(csv);
        assertThat(rows).extracting(r -> r.get("email")).containsExactly("ada@example.org", "left@example.org");
        JsonNode ada = json.readTree(rows.get(0).get("attributes"));
        assertThat(ada.get("status").asText()).isEqualTo("active");
        assertThat(ada.get("topics").get(0).asText()).isEqualTo("cs.CL");
        assertThat(ada.get("interests").asText()).isEqualTo("retrieval, RAG");
        assertThat(ada.get("authors").get(0).asText()).isEqualTo("Grace Hopper");
        assertThat(ada.get("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(ada.get("consent_source").asText()).isEqualTo("import:operator");
        assertThat(ada.get("created_at").asText()).isNotBlank();
        assertThat(ada.get("confirmed_at").asText()).isNotBlank();
        assertThat(json.readTree(rows.get(1).get("attributes")).get("status").asText()).isEqualTo("unsubscribed");
    }

    @Test
    void onlyTheOperatorMayExport() {
        given().get(EXPORT).then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get(EXPORT).then().statusCode(401);
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseGivesTheSameSubscribedReaders() throws Exception {
        // 2,500 readers, more than two export pages and import batches, with varied choices.
        String[] topics = {"cs.LG", "cs.CV", "rag", "agents"};
        String file = "email,name,attributes\n" + IntStream.range(0, 2_500).mapToObj(i -> "reader" + i
                + "@example.org,,\"{\"\"topics\"\":[\"\"" + topics[i % 4] + "\"\"],\"\"interests\"\":\"\""
                + (i % 3 == 0 ? "" : "topic " + i) + "\"\",\"\"timezone\"\":\"\""
                + (i % 2 == 0 ? "Europe/Paris" : "UTC") + "\"\"}\"").collect(Collectors.joining("\n"));
        importCsv("confirmed", file);
        subscriptions.unsubscribe(ReaderImportApiTest.reader("reader7@example.org").id);
        List<Kept> before = readers();

        String export = asAdmin().get(EXPORT).then().statusCode(200).extract().asString();
        assertThat(records(export)).hasSize(2_500);
        data.reset();
        asAdmin().contentType("text/csv").queryParam("consent", "confirmed")
                .body(export.getBytes(StandardCharsets.UTF_8)).post(ReaderImportApiTest.IMPORT).then()
                .statusCode(200).body("added", is(2_499)).body("suppressed", is(1)).body("invalid", is(0));

        // Who unsubscribed is not re-added by an import: everyone else is back as they were.
        assertThat(readers()).isEqualTo(before.stream().filter(k -> !k.email().equals("reader7@example.org"))
                .toList());
    }
}
