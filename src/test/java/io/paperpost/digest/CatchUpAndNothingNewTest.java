package io.paperpost.digest;

import static io.paperpost.digest.EveryPaperReachesEveryReaderTest.arxivId;
import static io.paperpost.digest.EveryPaperReachesEveryReaderTest.onTopicPaper;
import static io.paperpost.digest.TestReaders.active;
import static io.paperpost.digest.TestReaders.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The edges of the watermark rule on the scheduled path: a morning with nothing new is recorded and not made up
 * when an import lands later that day, and a reader back from a two-week pause gets one catch-up email with what
 * came meanwhile, however early in the pause.
 */
@QuarkusTest
class CatchUpAndNothingNewTest extends SimulatedDaysTest {

    @Test
    void aMorningWithNothingNewIsRecordedAndTheLaterImportWaitsForTheNextMorning() throws Exception {
        Instant start = Instant.parse("2026-03-05T12:00:00Z");
        clock.set(start);
        Reader tokyo = save(active("tokyo@example.org", "Asia/Tokyo", 7));
        simulation.publish(Instant.parse("2026-03-05T12:05:00Z"), onTopicPaper(arxivId(1), 1))
                // Friday 6 March, 09:05 in Tokyo: after that morning's email, which had nothing new.
                .publish(Instant.parse("2026-03-06T00:05:00Z"), onTopicPaper(arxivId(2), 2));
        simulation.run(start, Instant.parse("2026-03-07T00:00:00Z"), Duration.ofMinutes(15));

        List<DigestSimulation.Email> emails = simulation.emailsTo(tokyo.email);
        assertThat(emails).extracting(DigestSimulation.Email::at)
                .containsExactly(Instant.parse("2026-03-05T22:00:00Z"), Instant.parse("2026-03-06T22:00:00Z"));
        assertThat(emails.get(0).paperIds()).containsExactly(arxivId(1));
        assertThat(emails.get(1).paperIds()).containsExactly(arxivId(2));
        assertThat(simulation.problems(tokyo.email, ZoneId.of("Asia/Tokyo"), 7, Set.of(arxivId(1), arxivId(2))))
                .isEmpty();
    }

    @Test
    void aMorningBeforeAnyNewPaperIsShownToTheOperatorAsNothingNew() throws Exception {
        Instant start = Instant.parse("2026-03-05T21:00:00Z");
        clock.set(start);
        Reader tokyo = save(active("tokyo@example.org", "Asia/Tokyo", 7));
        simulation.run(start, Instant.parse("2026-03-05T23:00:00Z"), Duration.ofMinutes(15));

        assertThat(simulation.emails()).isEmpty();
        Delivery row = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("readerId", tokyo.id).singleResult());
        assertThat(row.status).isEqualTo(DeliveryStatus.NOTHING_NEW);
        assertThat(row.digestDate).isEqualTo(LocalDate.of(2026, 3, 6));
        TestData.asAdmin().get("/api/v1/admin/readers/" + tokyo.id + "/deliveries").then().statusCode(200)
                .body("deliveries.status", hasItem("NOTHING_NEW"));
    }

    @Test
    void aReaderBackFromATwoWeekPauseGetsOneCatchUpWithTheWholePauseThenDailyEmails() throws Exception {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        clock.set(start);
        Reader reader = active("holiday@example.org", "UTC", 7);
        reader.papersPerEmail = 30;
        save(reader);
        // One paper a day at 12:05 UTC, 1 to 20 March.
        IntStream.rangeClosed(1, 20).forEach(day -> simulation.publish(
                start.plus(Duration.ofDays(day - 1).plusHours(12).plusMinutes(5)), onTopicPaper(arxivId(day), day)));

        simulation.run(start, Instant.parse("2026-03-04T12:00:00Z"), Duration.ofHours(1));
        // On 4 March, after that morning's email, the reader pauses until 18 March.
        QuarkusTransaction.requiringNew().run(() -> Reader.update("pausedUntil = ?1 where id = ?2",
                LocalDate.of(2026, 3, 18), reader.id));
        simulation.run(Instant.parse("2026-03-04T13:00:00Z"), Instant.parse("2026-03-21T08:00:00Z"),
                Duration.ofHours(1));

        List<DigestSimulation.Email> emails = simulation.emailsTo(reader.email);
        assertThat(emails).extracting(e -> e.at().toString()).containsExactly("2026-03-02T07:00:00Z",
                "2026-03-03T07:00:00Z", "2026-03-04T07:00:00Z", "2026-03-19T07:00:00Z", "2026-03-20T07:00:00Z",
                "2026-03-21T07:00:00Z");
        // Back on 19 March, a catch-up: the best of the whole pause since the 4 March email, with the 4 March paper
        // imported after it (a daily email reaches back 14 days, a catch-up 31). Of its 15 places one is kept for
        // exploration, which stays empty when every paper has the same topic.
        assertThat(emails.get(3).subject()).startsWith("While you were away: 14 new papers");
        assertThat(emails.get(3).paperIds()).hasSize(14).contains(arxivId(4)).isSubsetOf(
                IntStream.rangeClosed(4, 18).mapToObj(EveryPaperReachesEveryReaderTest::arxivId).toList());
        assertThat(emails.get(4).subject()).doesNotStartWith("While you were away");
        assertThat(emails.get(4).paperIds()).containsExactly(arxivId(19));
        assertThat(emails.get(5).paperIds()).containsExactly(arxivId(20));
    }
}
