package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.paperpost.TestData;
import io.paperpost.digest.DigestRun;
import io.paperpost.digest.DigestService;
import io.paperpost.digest.DigestSummary;
import io.paperpost.digest.RunCounts;
import io.paperpost.digest.RunStatus;
import io.paperpost.digest.RunTrigger;
import io.paperpost.digest.SendingSwitch;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.queue.QueuedMail;
import io.paperpost.mail.queue.QueuedMailStatus;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin dashboard: behind basic auth, shows runs, subscribers and a reader's history; pause and run now. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminDashboardTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    TestData data;
    @Inject
    DigestService digest;
    @Inject
    SendingSwitch sending;

    @BeforeEach
    void setUp() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> io.paperpost.digest.DigestRun.deleteAll());
        data.demoPapersFirstSeenOn(DAY);
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = new Reader();
            reader.setEmail("history@example.org");
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = List.of("diffusion");
            reader.createdAt = Instant.now();
            reader.confirmedAt = reader.createdAt;
            reader.persist();
        });
    }

    @AfterEach
    void resume() {
        sending.setPaused(false);
    }

    @Test
    void showsTheAccountEmailsWaitingAndTheServersAnswerForOneDeferred() {
        QuarkusTransaction.requiringNew().run(() -> {
            QueuedMail deferred = new QueuedMail();
            deferred.kind = "CONFIRM";
            deferred.recipient = "greylisted@example.org";
            deferred.subject = "Confirm your subscription";
            deferred.textBody = "Confirm: http://localhost:8080/confirm/x";
            deferred.messageId = "deferred@paperpost.test";
            deferred.status = QueuedMailStatus.RETRYING;
            deferred.attempts = 1;
            deferred.lastError = "deferred by the SMTP server (421): 4.7.0 Try again later";
            deferred.createdAt = Instant.now();
            deferred.updatedAt = deferred.createdAt;
            // Not due for an hour: the worker leaves it alone during the test.
            deferred.nextAttemptAt = deferred.createdAt.plusSeconds(3600);
            deferred.persist();
        });

        TestData.asAdmin().get("/admin").then().statusCode(200)
                .body(containsString("Account emails"))
                .body(containsString("1 deferred"))
                .body(containsString("greylisted@example.org"))
                .body(containsString("4.7.0 Try again later"));
        TestData.asAdmin().get("/q/metrics").then().statusCode(200)
                .body(containsString("paperpost_mail_queue{status=\"retrying\"} 1.0"));
    }

    @Test
    void needsTheAdminCredentials() {
        given().get("/admin").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get("/admin").then().statusCode(401);
    }

    @Test
    void showsRunsSubscribersAndAReadersDeliveryHistory() {
        digest.run(DAY);
        TestData.asAdmin().get("/admin").then().statusCode(200)
                .body(containsString("Digest runs")).body(containsString("ADMIN"))
                .body(containsString("<th>ACTIVE</th>"));
        TestData.asAdmin().queryParam("email", "History@Example.org").get("/admin").then().statusCode(200)
                .body(containsString("history@example.org")).body(containsString("2026-03-02"))
                .body(containsString("SENT"));
        TestData.asAdmin().queryParam("email", "nobody@example.org").get("/admin").then().statusCode(200)
                .body(containsString("No reader with the address nobody@example.org"));
    }

    @Test
    void pauseAllSendingStopsRunsUntilResumed() {
        String origin = RestAssured.baseURI + ":" + RestAssured.port;
        TestData.asAdmin().redirects().follow(false).header("Origin", origin).formParam("paused", "true")
                .post("/admin/sending").then().statusCode(303);
        assertThat(sending.paused()).isTrue();
        TestData.asAdmin().get("/admin").then().statusCode(200).body(containsString("All sending is paused"));

        DigestSummary paused = digest.run(DAY);
        assertThat(paused.sent()).isZero();
        TestData.asAdmin().get("/api/v1/admin/runs/" + paused.runId()).then()
                .body("error", is("Sending is paused by the operator"));

        TestData.asAdmin().redirects().follow(false).header("Origin", origin).formParam("paused", "false")
                .post("/admin/sending").then().statusCode(303);
        assertThat(digest.run(DAY).sent()).isEqualTo(1);
    }

    @Test
    void runNowStartsARunInTheBackground() throws InterruptedException {
        String origin = RestAssured.baseURI + ":" + RestAssured.port;
        TestData.asAdmin().redirects().follow(false).header("Origin", origin).post("/admin/run").then().statusCode(303);
        // "Run now" takes today's date; the reader's papers are from DAY, within the first-email lookback or not,
        // so only the run record is certain.
        // The first run of a JVM embeds the demo papers: on two busy cores (CI) that took over 10 s.
        for (int i = 0; i < 1200 && !"FINISHED".equals(TestData.asAdmin().get("/api/v1/admin/runs").jsonPath()
                .getString("[0].status")); i++) {
            Thread.sleep(100);
        }
        TestData.asAdmin().get("/api/v1/admin/runs").then().body("[0].trigger", is("ADMIN"))
                .body("[0].status", is("FINISHED"));
    }

    @Test
    void refusesAFormPostedFromAnotherSite() {
        TestData.asAdmin().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("paused", "true").post("/admin/sending").then().statusCode(403);
        TestData.asAdmin().redirects().follow(false).formParam("paused", "true").post("/admin/sending")
                .then().statusCode(403);
        TestData.asAdmin().redirects().follow(false).post("/admin/run").then().statusCode(403);
        assertThat(sending.paused()).isFalse();
    }

    /** What the page's polling reads (the API) and what it updates in place (the rows' contract). */
    @Test
    void aFinishedRunShowsItsFinalCountsInTheRunsJsonAndInItsRow() {
        DigestSummary run = digest.run(DAY);

        TestData.asAdmin().get("/api/v1/admin/runs").then().statusCode(200)
                .body("[0].id", is((int) run.runId())).body("[0].status", is("FINISHED"))
                .body("[0].readersDue", is(1)).body("[0].done", is(1)).body("[0].percent", is(100))
                .body("[0].sent", is(1)).body("[0].failed", is(0)).body("[0].suppressed", is(0))
                .body("[0].skipped", is(0)).body("[0].finishedAt", notNullValue())
                .body("[0].etaSeconds", nullValue());
        String page = TestData.asAdmin().get("/admin").then().statusCode(200).extract().asString();
        assertThat(page).contains("<table class=\"list\" id=\"runs\">")
                .contains("<tr data-run-id=\"" + run.runId() + "\" data-status=\"FINISHED\">")
                .contains("<td class=\"num\" data-field=\"progress\">1 / 1 (100%)</td>")
                .contains("<td class=\"num\" data-field=\"sent\">1</td>")
                .contains("<p id=\"live\" class=\"notice\" role=\"status\" aria-live=\"polite\"></p>")
                // The script polls the runs API and writes the final line itself.
                .contains("fetch('/api/v1/admin/runs?limit=20'").contains("' finished: '")
                // Its own scroll box, named for assistive technology (axe: scrollable-region-focusable).
                .contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Digest runs\">");
    }

    @Test
    void timesAreTimeElementsWithTheInstantAndAReadableUtcFallback() {
        Instant started = Instant.parse("2026-03-02T06:15:42.123456Z");
        QuarkusTransaction.requiringNew().run(() -> {
            DigestRun run = new DigestRun();
            run.trigger = RunTrigger.ADMIN;
            run.status = RunStatus.FINISHED;
            run.startedAt = started;
            run.finishedAt = started.plusSeconds(75);
            run.persist();
        });

        String page = TestData.asAdmin().get("/admin").then().statusCode(200).extract().asString();
        assertThat(page).contains("<time datetime=\"2026-03-02T06:15:42Z\">2026-03-02 06:15 UTC</time>")
                .contains("<time datetime=\"2026-03-02T06:16:57Z\">2026-03-02 06:16 UTC</time>")
                .doesNotContain("06:15:42.123456").contains("timeZoneName: 'short'");
        // The API keeps ISO instants.
        TestData.asAdmin().get("/api/v1/admin/runs").then().body("[0].startedAt", is("2026-03-02T06:15:42.123456Z"));
    }

    @Test
    void theChartAndItsTableShowTodaysEmailsAndSubscribers() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            DigestRun run = new DigestRun();
            run.trigger = RunTrigger.SCHEDULE;
            run.status = RunStatus.FINISHED;
            run.startedAt = now;
            run.finishedAt = now;
            run.readersDue = 12;
            run.counts = new RunCounts(12, 9, 0, 2, 1, 0);
            run.persist();
        });
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String page = TestData.asAdmin().get("/admin").then().statusCode(200).extract().asString();
        // Today: the run's 9 sent, 2 failed, 1 bounced; the reader of setUp confirmed today, so 1 subscriber now and
        // none the day before.
        assertThat(page).contains("<tr><td>" + today + "</td><td class=\"num\">9</td><td class=\"num\">2</td>"
                + "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>")
                .contains("<tr><td>" + today.minusDays(1) + "</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">0</td>")
                .contains("role=\"img\" aria-labelledby=\"chart-emails-title\"")
                .contains("9 sent, 2 failed, 1 bounced in all</title>")
                .contains("aria-labelledby=\"chart-subscribers-title\"").contains(": from 0 to 1 (highest 1)</title>");
    }
}
