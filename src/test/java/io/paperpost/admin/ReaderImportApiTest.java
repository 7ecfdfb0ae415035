package io.paperpost.admin;

import static io.paperpost.TestData.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.mail.queue.MailQueueWorker;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderExport;
import io.paperpost.subscription.ReaderImport;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.SubscriptionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/admin/readers/import: both file shapes, both consent modes (the double opt-in one through the real
 * mail queue to GreenMail), the report's counts and invalid lines, and every bad request as a 4xx {error, field}.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ReaderImportApiTest {

    static final String IMPORT = "/api/v1/admin/readers/import";

    @Inject
    TestData data;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    MailQueueWorker mailQueue;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    static ValidatableResponse post(String consent, String contentType, String body) {
        return asAdmin().contentType(contentType).queryParam("consent", consent)
                .body(body.getBytes(StandardCharsets.UTF_8)).post(IMPORT).then();
    }

    static Reader reader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.findByEmail(email).orElseThrow());
    }

    static long readers() {
        return QuarkusTransaction.requiringNew().call(() -> Reader.count());
    }

    @Test
    void aPlainListImportedAsConfirmedMakesActiveReadersWhoseDataShowsTheOperatorsConsent() throws Exception {
        post("confirmed", "text/plain", "ada@example.org\n\nGrace@Example.ORG\nnot-an-address\nada@EXAMPLE.org\n"
                + "linus@example.org\n")
                .statusCode(200).body("shape", is("plain")).body("consent", is("confirmed")).body("rows", is(5))
                .body("added", is(3)).body("duplicates", is(1)).body("invalid", is(1))
                .body("alreadyPresent", is(0)).body("suppressed", is(0))
                .body("invalidRows[0].line", is(4)).body("invalidRows[0].reason", containsString("email address"))
                .body("error", nullValue());

        Reader grace = reader("grace@example.org");
        assertThat(grace.status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(grace.email).isEqualTo("Grace@example.org");
        // Written with the batch insert: the instant must survive the database's time zone handling.
        assertThat(grace.confirmedAt).isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));
        assertThat(grace.createdAt).isEqualTo(grace.confirmedAt);
        assertThat(grace.consentSource).isEqualTo(ReaderImport.BY_OPERATOR);
        // The row named no topics or interests: the configured default topics, as a reader needs one.
        assertThat(grace.topics).containsExactly("cs.LG");
        ReaderExport export = subscriptions.export(grace.id);
        assertThat(export.subscription().consentSource()).isEqualTo("import:operator");
        assertThat(export.subscription().confirmedAt()).isEqualTo(grace.confirmedAt);
        // Confirmed readers get no confirmation email.
        assertThat(mailQueue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void listmonkCsvImportedWithDoubleOptInMakesPendingReadersWhoGetTheConfirmationLink() throws Exception {
        String csv = "email,name,attributes\n"
                + "ada@example.org,Ada,\"{\"\"topics\"\":[\"\"cs.CL\"\",\"\"rag\"\"],\"\"interests\"\":\"\"retrieval"
                + "\"\",\"\"timezone\"\":\"\"Europe/Berlin\"\",\"\"city\"\":\"\"London\"\"}\"\n";
        post("double-opt-in", "text/csv", csv).statusCode(200).body("shape", is("csv")).body("added", is(1));

        Reader ada = reader("ada@example.org");
        assertThat(ada.status).isEqualTo(ReaderStatus.PENDING);
        assertThat(ada.consentSource).isEqualTo(ReaderImport.BY_OPT_IN);
        assertThat(ada.topics).containsExactly("cs.CL", "rag");
        assertThat(ada.interests).isEqualTo("retrieval");
        assertThat(ada.timeZone).isEqualTo("Europe/Berlin");
        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(10_000, 1)).as("an email arrived").isTrue();
        MimeMessage confirmation = GreenMailResource.greenMail().getReceivedMessages()[0];
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
        assertThat(confirmation.getSubject()).startsWith("Confirm your");
        String link = ReceivedMail.links(confirmation, "http://localhost:8080/confirm/").get(0);
        given().post("/api/v1/subscriptions/confirmations/" + link.substring(link.lastIndexOf('/') + 1))
                .then().statusCode(200).body("status", is("ACTIVE"));
        assertThat(reader("ada@example.org").status).isEqualTo(ReaderStatus.ACTIVE);
    }

    @Test
    void aRowTheFileMarksUnconfirmedGetsTheConfirmationLinkEvenWhenTheOthersAreConfirmed() {
        post("confirmed", "text/csv", "email,attributes\nada@example.org,\"{\"\"status\"\":\"\"pending\"\"}\"\n"
                + "grace@example.org,\"{\"\"status\"\":\"\"active\"\"}\"\n").statusCode(200).body("added", is(2));
        assertThat(reader("ada@example.org").status).isEqualTo(ReaderStatus.PENDING);
        assertThat(reader("grace@example.org").status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
    }

    @Test
    void invalidRowsAreCountedAndListedWithTheirLineAndReasonAndTheValidOnesImported() {
        String csv = "email,attributes\n"
                + "ok@example.org,\"{\"\"topics\"\":[\"\"cs.CV\"\"]}\"\n"
                + "topic@example.org,\"{\"\"topics\"\":[\"\"no-such-topic\"\"]}\"\n"
                + "json@example.org,{not json\n"
                + "array@example.org,\"[1,2]\"\n"
                + "zone@example.org,\"{\"\"timezone\"\":\"\"Mars/Olympus\"\"}\"\n"
                + "\n"
                + "bad address,\n"
                + "status@example.org,\"{\"\"status\"\":\"\"sleeping\"\"}\"\n"
                + "list@example.org,\"{\"\"topics\"\":\"\"cs.LG\"\"}\"\n"
                + ",{}\n";
        post("confirmed", "text/csv", csv).statusCode(200).body("rows", is(9)).body("added", is(1))
                .body("invalid", is(8)).body("invalidRows", hasSize(8))
                .body("invalidRows.line", is(List.of(3, 4, 5, 6, 8, 9, 10, 11)))
                .body("invalidRows[0].reason", is("Unknown topic 'no-such-topic'."))
                .body("invalidRows[1].reason", is("The attributes are not valid JSON."))
                .body("invalidRows[2].reason", containsString("must be a JSON object"))
                .body("invalidRows[3].reason", containsString("time zone"))
                .body("invalidRows[4].reason", containsString("email address"))
                .body("invalidRows[5].reason", is("Unknown status 'sleeping'."))
                .body("invalidRows[6].reason", containsString("list of text"))
                .body("invalidRows[7].reason", containsString("email address"));
        assertThat(readers()).isOne();
        assertThat(reader("ok@example.org").topics).containsExactly("cs.CV");
    }

    @Test
    void theReportListsTheFirstHundredInvalidRowsAndCountsThemAll() {
        String file = IntStream.range(0, 150).mapToObj(i -> "broken" + i).collect(Collectors.joining("\n"));
        post("confirmed", "text/plain", file).statusCode(200).body("invalid", is(150))
                .body("invalidRows", hasSize(100)).body("invalidRows[99].line", is(100));
    }

    @Test
    void aCsvPostedWithoutItsHeaderIsReadAsPlainAndTheReasonSaysWhatIsMissing() {
        post("confirmed", "text/plain", "ada@example.org,Ada\n").statusCode(200).body("invalid", is(1))
                .body("invalidRows[0].reason", containsString("naming its columns, one of them 'email'"));
    }

    @Test
    void addressesThatLeftAreNotReAddedAndPresentReadersStayAsTheyAre() {
        post("confirmed", "text/plain", "erased@example.org\nleft@example.org\nbounced@example.org\n"
                + "present@example.org\n").statusCode(200).body("added", is(4));
        subscriptions.erase(reader("erased@example.org").id);
        subscriptions.unsubscribe(reader("left@example.org").id);
        long bounced = reader("bounced@example.org").id;
        QuarkusTransaction.requiringNew().run(() -> Reader.update("status = ?1 where id = ?2", ReaderStatus.BOUNCED,
                bounced));

        String csv = "email,attributes,status\n"
                + "Erased@example.org,,\n"
                + "left@example.org,,\n"
                + "bounced@example.org,,\n"
                + "blocked@example.org,,blocklisted\n"
                + "present@example.org,\"{\"\"topics\"\":[\"\"cs.RO\"\"]}\",\n"
                + "new@example.org,,enabled\n";
        post("double-opt-in", "text/csv", csv).statusCode(200).body("rows", is(6)).body("suppressed", is(4))
                .body("alreadyPresent", is(1)).body("added", is(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.findByEmail("erased@example.org")))
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.findByEmail("blocked@example.org")))
                .isEmpty();
        assertThat(reader("left@example.org").status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        assertThat(reader("present@example.org").topics).containsExactly("cs.LG");
        assertThat(reader("new@example.org").status).isEqualTo(ReaderStatus.PENDING);
    }

    @Test
    void rowsSpanningSeveralBatchesAreDedupedAcrossThemAndEveryRowIsCounted() {
        // 2,500 rows in batches of 1,000; after the first batch every fifth row repeats an address of the first.
        String file = IntStream.range(0, 2_500)
                .mapToObj(i -> i % 5 == 4 && i > 1_000
                        ? "Reader" + (i % 1_000) + "@example.org"
                        : "reader" + i + "@example.org")
                .collect(Collectors.joining("\n"));
        long repeats = IntStream.range(0, 2_500).filter(i -> i % 5 == 4 && i > 1_000).count();
        post("confirmed", "text/plain", file).statusCode(200).body("rows", is(2_500))
                .body("duplicates", is((int) repeats)).body("added", is((int) (2_500 - repeats)));
        assertThat(readers()).isEqualTo(2_500 - repeats);
        // Importing the same file again adds nothing.
        post("confirmed", "text/plain", file).statusCode(200).body("added", is(0))
                .body("alreadyPresent", is((int) (2_500 - repeats)));
    }

    @Test
    void theBodyIsImportedWhileItIsStillArrivingNotAfterItWasReadWhole() throws Exception {
        // The client sends 10,000 rows (230 KB, more than the readers' buffers on the way hold), then holds the rest
        // back until batches are in the database: an endpoint that read the body whole before importing would
        // never get there.
        boolean[] firstBatchStoredMeanwhile = {false};
        InputStream body = new InputStream() {
            int row;
            byte[] line = new byte[0];
            int at;

            @Override
            public int read() {
                if (at == line.length) {
                    if (row == 20_000) {
                        return -1;
                    }
                    if (row == 10_000) {
                        firstBatchStoredMeanwhile[0] = awaitReaders(5_000);
                    }
                    line = ("reader" + row++ + "@example.org\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return line[at++];
            }
        };
        String auth = Base64.getEncoder().encodeToString((TestData.ADMIN_USER + ":" + TestData.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + RestAssured.port + IMPORT + "?consent=confirmed"))
                .header("Content-Type", "text/plain").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(firstBatchStoredMeanwhile[0]).isTrue();
        assertThat(readers()).isEqualTo(20_000);
    }

    private static boolean awaitReaders(long count) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            if (readers() >= count) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void theConsentParameterIsRequiredAndCheckedBeforeAnythingIsRead() {
        asAdmin().contentType("text/plain").body("ada@example.org").post(IMPORT).then().statusCode(400)
                .contentType(containsString("application/json")).body("field", is("consent"))
                .body("error", containsString("confirmed or double-opt-in"));
        post("yes", "text/plain", "ada@example.org").statusCode(400).body("field", is("consent"))
                .body("error", is("'consent' must be confirmed or double-opt-in."));
        assertThat(readers()).isZero();
    }

    @Test
    void anEmptyFileAnotherContentTypeAndAStrangerAreRefused() {
        post("confirmed", "text/plain", "\n\n").statusCode(400).body("field", is("body"))
                .body("error", containsString("no rows"));
        post("confirmed", "application/json", "{\"email\":\"ada@example.org\"}").statusCode(415)
                .contentType(containsString("application/json")).body("error", containsString("text/csv"));
        given().contentType("text/plain").queryParam("consent", "confirmed").body("ada@example.org").post(IMPORT)
                .then().statusCode(401);
        assertThat(readers()).isZero();
    }

    @Test
    void aBodyOverQuarkusRequestLimitIsRefusedWith413BeforeAnyRowIsRead() throws Exception {
        // 10 MB by default (quarkus.http.limits.max-body-size), about 150,000 rows of listmonk CSV. The server
        // answers as soon as it reads the length, and closes the connection, so the body is never sent.
        String auth = Base64.getEncoder().encodeToString((TestData.ADMIN_USER + ":" + TestData.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + IMPORT + "?consent=confirmed HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 11000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
        assertThat(readers()).isZero();
    }

    @Test
    void csvThatStopsBeingReadablePartWayAnswers400WithHowFarItGot() {
        post("confirmed", "text/csv", "email,name\nada@example.org,Ada\ngrace@example.org,\"Grace\" Hopper\n"
                + "linus@example.org,Linus\n")
                .statusCode(400).body("field", is("body")).body("error", containsString("Line 3"))
                .body("error", containsString("rows before it were imported")).body("added", is(1));
        assertThat(reader("ada@example.org").status).isEqualTo(ReaderStatus.ACTIVE);
    }
}
