package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.mail.ScriptedSmtpResource;
import io.paperpost.mail.ScriptedSmtpServer;
import io.paperpost.mail.ScriptedSmtpServer.Step;
import io.paperpost.mail.queue.MailQueueWorker;
import io.paperpost.mail.queue.QueuedMail;
import io.paperpost.mail.queue.QueuedMailStatus;
import io.paperpost.site.InvalidLinkException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirmation emails go through the durable queue against an SMTP server that greylists, drops and refuses: a
 * deferred confirmation arrives once, after its retry; a refused address is bounced with nothing left to confirm; a
 * resend while one is deferred tries it at once instead of counting; emails an earlier process left behind are sent.
 */
@QuarkusTest
@WithTestResource(ScriptedSmtpResource.class)
class QueuedConfirmationTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("/confirm/([A-Za-z0-9_.-]+)");

    @Inject
    TestData data;
    @Inject
    TestClock clock;
    @Inject
    MailQueueWorker worker;
    @Inject
    SignupService signups;

    ScriptedSmtpServer smtp;

    @BeforeEach
    void setUp() {
        data.reset();
        smtp = ScriptedSmtpResource.server();
        smtp.reset();
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void tearDown() {
        smtp.answerDataAfter(Duration.ZERO);
        clock.reset();
    }

    @Test
    void aGreylistedConfirmationArrivesOnceAfterTheRetry() throws Exception {
        smtp.script(Step.DEFER_421);
        signUp("greylisted@example.org");

        QueuedMail deferred = awaitConfirmation(m -> m.status == QueuedMailStatus.RETRYING);
        assertThat(deferred.attempts).isEqualTo(1);
        assertThat(deferred.lastError).contains("421");
        assertThat(deferred.nextAttemptAt).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(smtp.tried()).containsExactly("greylisted@example.org");
        assertThat(smtp.accepted()).isEmpty();
        assertThat(reader("greylisted@example.org").confirmationSentAt).as("nothing went out yet").isNull();

        // Not due yet: waking the worker changes nothing.
        worker.wake();
        assertThat(worker.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(smtp.accepted()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        QueuedMail sent = sendDue();
        assertThat(sent.status).isEqualTo(QueuedMailStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(smtp.accepted()).containsExactly("greylisted@example.org");
        assertThat(reader("greylisted@example.org").confirmationSentAt).isEqualTo(sent.sentAt);

        // The link in it works, although it was made when the email was first queued.
        signups.confirm(confirmToken(sent));
        assertThat(reader("greylisted@example.org").status).isEqualTo(ReaderStatus.ACTIVE);
    }

    @Test
    void aConnectionDroppedDuringDataIsRetriedAndTheConfirmationArrivesOnce() throws Exception {
        smtp.script(Step.DROP_IN_DATA);
        signUp("dropped@example.org");

        QueuedMail deferred = awaitConfirmation(m -> m.status == QueuedMailStatus.RETRYING);
        assertThat(smtp.accepted()).isEmpty();
        assertThat(deferred.attempts).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        assertThat(sendDue().status).isEqualTo(QueuedMailStatus.SENT);
        assertThat(smtp.accepted()).containsExactly("dropped@example.org");
    }

    @Test
    void aRefusedAddressIsBouncedAndNoSignupIsLeftToConfirm() throws Exception {
        smtp.script(Step.REJECT_RECIPIENT_550);
        signUp("nobody-here@example.org");

        QueuedMail bounced = awaitConfirmation(m -> m.status == QueuedMailStatus.BOUNCED);
        assertThat(bounced.lastError).contains("550");
        assertThat(reader("nobody-here@example.org").status).isEqualTo(ReaderStatus.BOUNCED);
        // Whoever gets hold of the link (it never arrived) cannot confirm the address.
        String token = confirmToken(bounced);
        assertThatThrownBy(() -> signups.confirm(token)).isInstanceOf(InvalidLinkException.class);
        given().post("/confirm/" + token).then().statusCode(404);
        assertThat(reader("nobody-here@example.org").status).isEqualTo(ReaderStatus.BOUNCED);

        // Signing up again sends nothing more to an address that refuses mail.
        signUp("nobody-here@example.org");
        assertThat(worker.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(queued()).hasSize(1);
        assertThat(smtp.tried()).containsExactly("nobody-here@example.org");
    }

    @Test
    void aRefusedConfirmationOfASignupForAKnownAddressDropsThatSignup() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = new Reader();
            reader.setEmail("left@example.org");
            reader.status = ReaderStatus.UNSUBSCRIBED;
            reader.createdAt = clock.instant().minus(Duration.ofDays(30));
            reader.persist();
        });
        smtp.script(Step.REJECT_RECIPIENT_550);
        signUp("left@example.org");

        awaitConfirmation(m -> m.status == QueuedMailStatus.BOUNCED);
        Reader reader = reader("left@example.org");
        assertThat(reader.status).isEqualTo(ReaderStatus.BOUNCED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSignup.ofReader(reader.id))).isEmpty();
    }

    @Test
    void aResendWhileTheConfirmationIsDeferredTriesItNowAndDoesNotCountAgainstTheLimit() throws Exception {
        smtp.script(Step.DEFER_421);
        signUp("impatient@example.org");
        QueuedMail deferred = awaitConfirmation(m -> m.status == QueuedMailStatus.RETRYING);

        // The reader asks again a minute later: the deferred email is tried now, not a second one queued.
        clock.advance(Duration.ofMinutes(1));
        resend("impatient@example.org");
        QueuedMail sent = sendDue();
        assertThat(sent.id).isEqualTo(deferred.id);
        assertThat(sent.status).isEqualTo(QueuedMailStatus.SENT);
        assertThat(smtp.accepted()).containsExactly("impatient@example.org");

        // That one went out, so the interval starts now: another resend right away sends nothing.
        resend("impatient@example.org");
        assertThat(worker.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(queued()).hasSize(1);
        assertThat(smtp.accepted()).hasSize(1);
    }

    @Test
    void aSignupDoesNotWaitForASlowMailServer() throws Exception {
        smtp.answerDataAfter(Duration.ofSeconds(3));
        signUp("patient@example.org");
        // The request has answered while the server still sits on the message (its 250 is 3 s away).
        assertThat(queued()).singleElement().extracting(m -> m.status).isIn(QueuedMailStatus.QUEUED,
                QueuedMailStatus.SENDING);
        QueuedMail sent = awaitConfirmation(m -> m.status == QueuedMailStatus.SENT);
        assertThat(sent.attempts).isEqualTo(1);
    }

    @Test
    void emailsAnEarlierProcessLeftQueuedOrMidSendAreSentAndOnesStillLeasedAreNot() throws Exception {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            leftBehind("queued@example.org", QueuedMailStatus.QUEUED, null, now.minus(Duration.ofMinutes(3)));
            // Its worker died after taking it: the lease has passed.
            leftBehind("mid-send@example.org", QueuedMailStatus.SENDING, now.minusSeconds(1), now);
            // Another instance is sending this one right now.
            leftBehind("leased@example.org", QueuedMailStatus.SENDING, now.plus(Duration.ofMinutes(5)), now);
        });

        worker.wake();
        assertThat(worker.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(smtp.accepted()).containsExactlyInAnyOrder("queued@example.org", "mid-send@example.org");
        assertThat(queued()).extracting(m -> m.recipient + " " + m.status).containsExactlyInAnyOrder(
                "queued@example.org SENT", "mid-send@example.org SENT", "leased@example.org SENDING");
    }

    private void leftBehind(String to, QueuedMailStatus status, Instant leaseUntil, Instant nextAttempt) {
        QueuedMail mail = new QueuedMail();
        mail.kind = "CONFIRM";
        mail.recipient = to;
        mail.subject = "Confirm your subscription";
        mail.textBody = "Confirm: http://localhost:8080/confirm/x";
        mail.messageId = "left-behind-" + to;
        mail.status = status;
        mail.attempts = status == QueuedMailStatus.SENDING ? 1 : 0;
        mail.leaseUntil = leaseUntil;
        mail.nextAttemptAt = nextAttempt;
        mail.createdAt = nextAttempt;
        mail.updatedAt = nextAttempt;
        mail.persist();
    }

    private static void signUp(String email) {
        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"topics\":[\"cs.LG\"]}")
                .post("/api/v1/subscriptions").then().statusCode(202);
    }

    private static void resend(String email) {
        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .post("/api/v1/subscriptions/resend").then().statusCode(202);
    }

    /** Wakes the worker for what has come due, waits until it is done, and returns the one queued email. */
    private QueuedMail sendDue() throws InterruptedException {
        worker.wake();
        assertThat(worker.awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<QueuedMail> all = queued();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private QueuedMail awaitConfirmation(Predicate<QueuedMail> state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<QueuedMail> all = queued();
            if (all.size() == 1 && state.test(all.get(0))) {
                return all.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the confirmation did not reach the expected state: " + queued().stream()
                .map(m -> m.recipient + " " + m.status + " " + m.lastError).toList());
    }

    private static List<QueuedMail> queued() {
        return QuarkusTransaction.requiringNew().call(() -> QueuedMail.<QueuedMail>listAll());
    }

    private static Reader reader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.findByEmail(email).orElseThrow());
    }

    private static String confirmToken(QueuedMail mail) {
        Matcher link = CONFIRM_LINK.matcher(mail.textBody);
        assertThat(link.find()).as("a confirmation link in %s", mail.textBody).isTrue();
        return link.group(1);
    }
}
