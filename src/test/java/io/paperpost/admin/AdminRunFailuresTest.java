package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.digest.DigestChunk;
import io.paperpost.digest.DigestRun;
import io.paperpost.digest.RunCounts;
import io.paperpost.digest.RunStatus;
import io.paperpost.digest.RunTrigger;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's failures page: the failed, retrying and suppressed emails of the run's readers (its chunk's zone and id
 * range) for the run's date whose last attempt fell while it ran; nothing else.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminRunFailuresTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(10));
    static final String BERLIN = "Europe/Berlin";

    @Inject
    TestData data;

    long runId;
    Set<Long> runsFailures = new HashSet<>();

    @BeforeEach
    void setUp() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        runsFailures.clear();
        // In id order; the run's chunk covers Berlin's readers from the first to the last of these.
        Reader failed = reader("failed+tag@example.org", BERLIN);
        Reader otherZone = reader("new-york@example.org", "America/New_York");
        Reader bounced = reader("bounced@example.org", BERLIN);
        Reader retriedLater = reader("retried-later@example.org", BERLIN);
        Reader sent = reader("sent@example.org", BERLIN);
        Reader retrying = reader("retrying@example.org", BERLIN);
        Reader outsideTheRange = reader("outside@example.org", BERLIN);

        runsFailures.add(delivery(failed, DAY, DeliveryStatus.FAILED, 6, START.plusSeconds(60),
                "message refused (554): 5.7.1 Spam"));
        runsFailures.add(delivery(bounced, DAY, DeliveryStatus.SUPPRESSED, 1, START.plusSeconds(90),
                "recipient refused (550): 5.1.1 No such user"));
        runsFailures.add(delivery(retrying, DAY, DeliveryStatus.RETRYING, 2, START.plusSeconds(120),
                "deferred (421): 4.7.0 Try again later"));
        // Not this run's: another zone, another date, tried again after the run ended, sent, outside the range.
        delivery(otherZone, DAY, DeliveryStatus.FAILED, 1, START.plusSeconds(60), "other zone");
        delivery(failed, DAY.minusDays(1), DeliveryStatus.FAILED, 6, START.plusSeconds(60), "other date");
        delivery(retriedLater, DAY, DeliveryStatus.RETRYING, 3, END.plusSeconds(900), "a later run's attempt");
        delivery(sent, DAY, DeliveryStatus.SENT, 1, START.plusSeconds(60), null);
        delivery(outsideTheRange, DAY, DeliveryStatus.FAILED, 1, START.plusSeconds(60), "outside the range");

        runId = QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = new DigestRun();
            run.trigger = RunTrigger.SCHEDULE;
            run.status = RunStatus.FINISHED;
            run.startedAt = START;
            run.finishedAt = END;
            run.readersDue = 5;
            run.counts = new RunCounts(5, 1, 0, 3, 1, 0);
            run.persist();
            DigestChunk chunk = new DigestChunk();
            chunk.runId = run.id;
            chunk.timeZone = BERLIN;
            chunk.digestDate = DAY;
            chunk.localHour = 7;
            chunk.afterId = failed.id - 1;
            chunk.lastId = retrying.id;
            chunk.readers = 5;
            chunk.position = retrying.id;
            chunk.status = DigestChunk.Status.DONE;
            chunk.counts = run.counts;
            chunk.persist();
            return run.id;
        });
    }

    private static Reader reader(String email, String zone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader r = new Reader();
            r.setEmail(email);
            r.status = email.startsWith("bounced") ? ReaderStatus.BOUNCED : ReaderStatus.ACTIVE;
            r.timeZone = zone;
            r.topics = List.of("diffusion");
            r.createdAt = Instant.parse("2026-01-01T00:00:00Z");
            r.confirmedAt = r.createdAt;
            r.persist();
            return r;
        });
    }

    private static long delivery(Reader reader, LocalDate date, DeliveryStatus status, int attempts, Instant at,
            String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = new Delivery();
            d.readerId = reader.id;
            d.digestDate = date;
            d.status = status;
            d.attempts = attempts;
            d.createdAt = START.plusSeconds(1);
            d.updatedAt = at;
            d.sentAt = status == DeliveryStatus.SENT ? at : null;
            d.nextAttemptAt = status == DeliveryStatus.RETRYING ? at.plusSeconds(600) : null;
            d.lastError = error;
            d.persist();
            return d.id;
        });
    }

    private static Set<Long> listedDeliveries(String page) {
        Set<Long> ids = new HashSet<>();
        Matcher row = Pattern.compile("data-delivery-id=\"(\\d+)\"").matcher(page);
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    @Test
    void listsExactlyTheRunsFailedRetryingAndSuppressedEmails() {
        String page = TestData.asAdmin().get("/admin/runs/" + runId + "/failures").then().statusCode(200)
                .extract().asString();

        assertThat(listedDeliveries(page)).isEqualTo(runsFailures);
        assertThat(page).contains("failed+tag@example.org", "5.7.1 Spam", "bounced@example.org", "SUPPRESSED",
                "retrying@example.org", "4.7.0 Try again later")
                .doesNotContain("new-york@example.org", "other date", "retried-later@example.org", "sent@example.org",
                        "outside@example.org");
        // The address is encoded in the link to the reader's deliveries ('+' would read as a space).
        assertThat(page).contains("href=\"/admin?email=failed%2Btag%40example.org#reader\"");
        // Which run an attempt belongs to is inferred, and the page says how.
        assertThat(page).contains("does not record which run made an attempt");
        // The retry's next attempt, and every time, as a <time> with its UTC fallback.
        assertThat(page).contains("<time datetime=\"2026-03-02T06:12:00Z\">2026-03-02 06:12 UTC</time>");
    }

    @Test
    void theReadersDeliveriesLinkedFromThePageShowThatReader() {
        TestData.asAdmin().urlEncodingEnabled(false).get("/admin?email=failed%2Btag%40example.org").then()
                .statusCode(200)
                .body(containsString("<b>failed+tag@example.org</b>")).body(containsString("5.7.1 Spam"));
    }

    @Test
    void eachRunOnTheDashboardLinksToItsFailures() {
        TestData.asAdmin().get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/runs/" + runId + "/failures\""));
    }

    @Test
    void anUnknownRunGetsTheFriendlyNotFoundPage() {
        TestData.asAdmin().get("/admin/runs/" + (runId + 1000) + "/failures").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("There is no digest run " + (runId + 1000)))
                .body(not(containsString("Exception")));
        TestData.asAdmin().get("/admin/runs/not-a-number/failures").then().statusCode(404)
                .body(not(containsString("Exception")));
    }

    @Test
    void needsTheAdminCredentials() {
        given().get("/admin/runs/" + runId + "/failures").then().statusCode(401);
    }
}
