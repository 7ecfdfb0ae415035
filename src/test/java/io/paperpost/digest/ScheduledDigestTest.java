package io.paperpost.digest;

import static io.paperpost.digest.TestReaders.active;
import static io.paperpost.digest.TestReaders.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled run end to end, through GreenMail: readers across the date line and in several zones get their
 * email at their local hour, weekly and paused readers are respected, reruns send nothing twice, a catch-up
 * after downtime sends one email holding everything since the last, and every run leaves a record.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ScheduledDigestTest {

    static final LocalDate SUNDAY = LocalDate.of(2026, 3, 1);

    @Inject
    TestData data;
    @Inject
    DigestService digest;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        mail = GreenMailResource.greenMail();
        data.demoPapersFirstSeenOn(SUNDAY);
    }

    @Test
    void anEarlierDatesDueRetryIsSentBeforeTheReadersHourAndSupersededByTodaysEmailAfterIt() throws Exception {
        Reader early = save(active("early@example.org", "UTC", 9));
        Reader late = save(active("late@example.org", "UTC", 6));
        // Sunday's email met a temporary failure for both; the retry is due from 06:00 on Monday.
        for (Reader reader : List.of(early, late)) {
            QuarkusTransaction.requiringNew().run(() -> {
                Delivery retrying = new Delivery();
                retrying.readerId = reader.id;
                retrying.digestDate = SUNDAY;
                retrying.status = DeliveryStatus.RETRYING;
                retrying.attempts = 1;
                retrying.nextAttemptAt = Instant.parse("2026-03-02T06:00:00Z");
                retrying.createdAt = Instant.parse("2026-03-01T09:00:00Z");
                retrying.updatedAt = retrying.createdAt;
                retrying.lastError = "421 try again later";
                retrying.persist();
            });
        }

        // 07:00 on Monday: the early reader's hour (9) has not come, so Sunday's email is retried now; the late
        // reader's hour (6) has, so they get Monday's email, which holds Sunday's papers too, and not both.
        DigestSummary run = digest.runDue(Instant.parse("2026-03-02T07:00:00Z"), RunTrigger.SCHEDULE);
        assertThat(run.sent()).isEqualTo(2);
        assertThat(received()).containsOnlyKeys("early@example.org", "late@example.org");
        received().values().forEach(list -> assertThat(list).hasSize(1));
        assertThat(subject("early@example.org")).endsWith("Sun 1 Mar");
        assertThat(subject("late@example.org")).endsWith("Mon 2 Mar");

        Map<String, Delivery> rows = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> Delivery.<Delivery>listAll()
                .forEach(d -> rows.put(d.readerId + "/" + d.digestDate, d)));
        assertThat(rows.get(early.id + "/" + SUNDAY).status).isEqualTo(DeliveryStatus.SENT);
        assertThat(rows.get(early.id + "/" + SUNDAY).attempts).isEqualTo(2);
        assertThat(rows.get(late.id + "/" + SUNDAY).status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(rows.get(late.id + "/" + SUNDAY).lastError).isEqualTo("superseded by the email of 2026-03-02");
        assertThat(rows.get(late.id + "/2026-03-02").status).isEqualTo(DeliveryStatus.SENT);
        assertThat(rows).hasSize(3);
    }

    @Test
    void eachReaderGetsOneEmailAtTheirLocalHour() throws Exception {
        save(active("tokyo@example.org", "Asia/Tokyo", 8));
        save(active("kiritimati@example.org", "Pacific/Kiritimati", 7));
        save(active("pago@example.org", "Pacific/Pago_Pago", 7));
        save(TestReaders.weekly(active("berlin@example.org", "Europe/Berlin", 9), DayOfWeek.MONDAY));
        save(TestReaders.pausedUntil(active("holiday@example.org", "UTC", 0), LocalDate.of(2026, 3, 10)));
        Reader paused = active("paused@example.org", "UTC", 0);
        paused.frequency = DigestFrequency.PAUSED;
        save(paused);
        Reader pending = active("pending@example.org", "UTC", 0);
        pending.status = ReaderStatus.PENDING;
        save(pending);

        // 07:00 on Monday 2 March in Tokyo (hour 8: not yet), noon on 2 March in Kiritimati, 11:00 on Sunday
        // 1 March in Pago Pago, 23:00 on Sunday in Berlin (weekly on Mondays).
        DigestSummary first = digest.runDue(Instant.parse("2026-03-01T22:00:00Z"), RunTrigger.SCHEDULE);
        assertThat(first.readers()).isEqualTo(2);
        assertThat(first.sent()).isEqualTo(2);
        assertThat(received()).containsOnlyKeys("kiritimati@example.org", "pago@example.org");
        assertThat(subject("kiritimati@example.org")).endsWith("Mon 2 Mar");
        assertThat(subject("pago@example.org")).endsWith("Sun 1 Mar");
        GreenMailResource.purge();

        // 08:10 in Tokyo.
        DigestSummary tokyo = digest.runDue(Instant.parse("2026-03-01T23:10:00Z"), RunTrigger.SCHEDULE);
        assertThat(tokyo.sent()).isEqualTo(1);
        assertThat(received()).containsOnlyKeys("tokyo@example.org");
        GreenMailResource.purge();

        // The same instant again (a second tick, or another instance): nobody is due.
        DigestSummary again = digest.runDue(Instant.parse("2026-03-01T23:10:00Z"), RunTrigger.SCHEDULE);
        assertThat(again.readers()).isZero();
        assertThat(received()).isEmpty();

        // 09:00 on Monday in Berlin: the weekly reader.
        DigestSummary monday = digest.runDue(Instant.parse("2026-03-02T08:00:00Z"), RunTrigger.SCHEDULE);
        assertThat(monday.sent()).isEqualTo(1);
        assertThat(received()).containsOnlyKeys("berlin@example.org");
        GreenMailResource.purge();

        // Down from then until 08:30 on Thursday 5 March in Tokyo; papers arrived on 3 and 4 March.
        TestData.postPapers("{\"title\":\"Speculative decoding with a draft tree\",\"summary\":\"LLM inference.\"}\n",
                LocalDate.of(2026, 3, 3)).statusCode(200).body("added", is(1));
        TestData.postPapers(
                "{\"title\":\"Batch speculative decoding for LLM serving\",\"summary\":\"LLM inference.\"}\n",
                LocalDate.of(2026, 3, 4)).statusCode(200).body("added", is(1));
        digest.runDue(Instant.parse("2026-03-04T23:30:00Z"), RunTrigger.SCHEDULE);
        Map<String, List<MimeMessage>> caughtUp = received();
        // Tokyo is on 5 March, Kiritimati on 5 March, Pago Pago on 4 March: one email each, for that date only.
        assertThat(caughtUp).containsOnlyKeys("tokyo@example.org", "kiritimati@example.org", "pago@example.org");
        caughtUp.values().forEach(list -> assertThat(list).hasSize(1));
        MimeMessage tokyoEmail = caughtUp.get("tokyo@example.org").get(0);
        assertThat(tokyoEmail.getSubject()).endsWith("Thu 5 Mar");
        assertThat(MimeParts.find(tokyoEmail, "text/plain"))
                .contains("Speculative decoding with a draft tree")
                .contains("Batch speculative decoding for LLM serving");

        // Every run was recorded.
        TestData.asAdmin().get("/api/v1/admin/runs").then().statusCode(200)
                .body("size()", is(5))
                .body("[4].trigger", is("SCHEDULE")).body("[4].readersDue", is(2)).body("[4].sent", is(2))
                .body("[4].status", is("FINISHED")).body("[4].percent", is(100))
                .body("[2].readersDue", is(0));
        TestData.asAdmin().get("/api/v1/admin/runs/" + first.runId()).then().statusCode(200)
                .body("sent", is(2)).body("done", is(2)).body("failed", is(0));
    }

    @Test
    void runsApiRejectsABadLimitAndAnUnknownRun() {
        TestData.asAdmin().queryParam("limit", "0").get("/api/v1/admin/runs").then().statusCode(400)
                .body("field", is("limit"));
        TestData.asAdmin().get("/api/v1/admin/runs/987654321").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/admin/runs").then().statusCode(401);
    }

    /** Received emails by recipient. */
    private Map<String, List<MimeMessage>> received() throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new TreeMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            byRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(message);
        }
        return byRecipient;
    }

    private String subject(String recipient) throws Exception {
        return received().get(recipient).get(0).getSubject();
    }
}
