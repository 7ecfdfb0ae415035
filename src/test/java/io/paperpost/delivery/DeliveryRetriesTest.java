package io.paperpost.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.digest.DigestService;
import io.paperpost.digest.DigestSummary;
import io.paperpost.mail.MailSendException;
import io.paperpost.mail.ScriptedSmtpResource;
import io.paperpost.mail.ScriptedSmtpServer;
import io.paperpost.mail.ScriptedSmtpServer.Step;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The digest against an SMTP server that defers, refuses and drops: a deferred email is retried once its
 * stored time has come and arrives once; a refused address suppresses the reader for good; a connection
 * dropped in the middle of DATA loses nothing and duplicates nothing.
 */
@QuarkusTest
@WithTestResource(ScriptedSmtpResource.class)
class DeliveryRetriesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** What a claimed email holds: the ledger records it with the claim. */
    static final ComposedEmail EMAIL = new ComposedEmail(java.util.List.of("2501.00001"), 1);

    @Inject
    TestData data;
    @Inject
    DigestService digest;
    @Inject
    DeliveryLedger ledger;
    @Inject
    DeliveryQueries deliveryQueries;
    @Inject
    Clock clock;

    ScriptedSmtpServer smtp;

    @BeforeEach
    void setUp() {
        data.reset();
        data.demoPapersFirstSeenOn(DAY);
        smtp = ScriptedSmtpResource.server();
        smtp.reset();
    }

    @Test
    void deferredWith421ThenRetriedWhenDueAndSentOnce() {
        long reader = activeReader("deferred@example.org");
        smtp.script(Step.DEFER_421);

        assertThat(digest.run(DAY).failed()).isEqualTo(1);
        Delivery row = delivery(reader);
        assertThat(row.status).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).contains("421");
        assertThat(row.nextAttemptAt).isAfter(clock.instant().plus(Duration.ofMinutes(4)));
        assertThat(deliveryQueries.dueRetries(clock.instant(), 10)).isEmpty();

        // Not due yet: a rerun leaves it alone.
        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(smtp.accepted()).isEmpty();

        timePassesUntilRetryIsDue(row.id);
        assertThat(deliveryQueries.dueRetries(clock.instant(), 10)).containsExactly(new DueRetry(row.id, reader, DAY));
        assertThat(digest.run(DAY).sent()).isEqualTo(1);
        row = delivery(reader);
        assertThat(row.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(row.attempts).isEqualTo(2);
        assertThat(row.nextAttemptAt).isNull();
        assertThat(row.messageId).isEqualTo("digest-" + reader + "-" + DAY + "@localhost");

        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(smtp.accepted()).containsExactly("deferred@example.org");
    }

    @Test
    void recipientRefusedWith550SuppressesTheReaderForGood() {
        long reader = activeReader("gone@example.org");
        smtp.script(Step.REJECT_RECIPIENT_550);

        DigestSummary first = digest.run(DAY);
        assertThat(first.suppressed()).isEqualTo(1);
        assertThat(first.failed()).isZero();
        assertThat(delivery(reader).status).isEqualTo(DeliveryStatus.SUPPRESSED);
        assertThat(delivery(reader).lastError).contains("550");
        assertThat(status(reader)).isEqualTo(ReaderStatus.BOUNCED);
        assertThat(ledger.claim(reader, DAY, EMAIL)).isEmpty();
        assertThat(ledger.claim(reader, DAY.plusDays(1), EMAIL)).isEmpty();

        TestData.asAdmin().get("/api/v1/admin/readers/" + reader + "/deliveries").then().statusCode(200)
                .body("readerStatus", is("BOUNCED"))
                .body("deliveries[0].status", is("SUPPRESSED"))
                .body("deliveries[0].digestDate", is(DAY.toString()));

        // Next days: the reader is not even considered, the server never sees the address again.
        data.demoPapersFirstSeenOn(DAY.plusDays(1));
        assertThat(digest.run(DAY.plusDays(1)).readers()).isZero();
        assertThat(digest.run(DAY).readers()).isZero();
        assertThat(smtp.tried()).containsExactly("gone@example.org");
        assertThat(smtp.accepted()).isEmpty();
    }

    @Test
    void connectionDroppedInDataLosesNothingAndDuplicatesNothing() {
        long dropped = activeReader("dropped@example.org");
        long next = activeReader("next@example.org");
        smtp.script(Step.DROP_IN_DATA);

        DigestSummary run = digest.run(DAY);
        assertThat(run.sent()).isEqualTo(1);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(delivery(dropped).status).isEqualTo(DeliveryStatus.RETRYING);
        // The send after the dropped one went out on a fresh connection.
        assertThat(delivery(next).status).isEqualTo(DeliveryStatus.SENT);

        timePassesUntilRetryIsDue(delivery(dropped).id);
        assertThat(digest.run(DAY).sent()).isEqualTo(1);
        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(delivery(dropped).status).isEqualTo(DeliveryStatus.SENT);
        assertThat(smtp.accepted()).containsExactlyInAnyOrder("next@example.org", "dropped@example.org");
    }

    @Test
    void aRowLeftSendingByACrashIsNotResent() {
        long reader = activeReader("crash@example.org");
        Optional<Claim> claim = ledger.claim(reader, DAY, EMAIL);
        assertThat(claim).isPresent();
        // The process dies here, after the claim: the server may or may not have the email.
        assertThat(ledger.claim(reader, DAY, EMAIL)).isEmpty();
        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(smtp.tried()).isEmpty();
        assertThat(delivery(reader).status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void temporaryFailuresBackOffExponentiallyAndFailAfterTheLastAttempt() {
        long reader = activeReader("flaky@example.org");
        MailSendException deferred = new MailSendException("deferred (451)", MailSendException.Kind.TEMPORARY, null);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            Claim claim = ledger.claim(reader, DAY, EMAIL).orElseThrow();
            assertThat(claim.attempt()).isEqualTo(attempt);
            long id = claim.deliveryId();
            Instant before = clock.instant();
            DeliveryStatus status = ledger.markFailed(id, deferred);
            if (attempt < 6) {
                assertThat(status).isEqualTo(DeliveryStatus.RETRYING);
                waits.add(Duration.between(before, delivery(reader).nextAttemptAt));
                timePassesUntilRetryIsDue(id);
            } else {
                assertThat(status).isEqualTo(DeliveryStatus.FAILED);
            }
        }
        assertThat(waits).extracting(Duration::toMinutes).containsExactly(5L, 10L, 20L, 40L, 80L);
        assertThat(ledger.claim(reader, DAY, EMAIL)).isEmpty();
    }

    @Test
    void aSentEmailWhoseReaderWasNotAdvancedIsMendedByTheNextClaim() {
        long reader = activeReader("crashed-after-send@example.org");
        Claim claim = ledger.claim(reader, DAY, EMAIL).orElseThrow();
        ledger.markSent(claim, "digest-crash@localhost",
                new DigestContents(List.of("2401.00001"), "1 new paper for you — Mon 2 Mar", false, List.of("")));
        // The process died before the page's advanceReaders: the reader still looks due for the day.
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(reader).lastDigestDate))
                .isNull();

        assertThat(ledger.claim(reader, DAY, EMAIL)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(reader).lastDigestDate))
                .isEqualTo(DAY);
        assertThat(digest.run(DAY).readers()).isZero();
        assertThat(smtp.tried()).isEmpty();
    }

    @Test
    void claimsRacingForTheSameEmailHaveOneWinner() throws Exception {
        long reader = activeReader("raced@example.org");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int day = 0; day < 10; day++) {
                LocalDate date = DAY.plusDays(day);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Optional<Claim>>> claims = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return ledger.claim(reader, date, EMAIL);
                    }));
                }
                start.countDown();
                List<Claim> won = new java.util.ArrayList<>();
                for (var claim : claims) {
                    claim.get().ifPresent(won::add);
                }
                assertThat(won).as("claims won for %s", date).hasSize(1);
                assertThat(won.get(0).attempt()).isEqualTo(1);
                assertThat(won.get(0).readerId()).isEqualTo(reader);
                assertThat(won.get(0).digestDate()).isEqualTo(date);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("readerId = ?1 and status = ?2", reader,
                DeliveryStatus.SENDING))).isEqualTo(10);
    }

    private long activeReader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = List.of("diffusion");
            reader.createdAt = clock.instant();
            reader.confirmedAt = clock.instant();
            reader.persist();
            return reader.id;
        });
    }

    private static Delivery delivery(long readerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("readerId", readerId).singleResult());
    }

    private static ReaderStatus status(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(readerId).status);
    }

    /** Moves the stored next attempt into the past, as if the backoff had elapsed. */
    private void timePassesUntilRetryIsDue(long deliveryId) {
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("nextAttemptAt = ?1 where id = ?2",
                clock.instant().minusSeconds(1), deliveryId));
    }
}
