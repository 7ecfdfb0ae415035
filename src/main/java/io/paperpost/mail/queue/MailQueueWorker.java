package io.paperpost.mail.queue;

import io.paperpost.mail.MailConfig;
import io.paperpost.mail.MailSendException;
import io.paperpost.mail.MailSender;
import io.paperpost.mail.RetryPolicy;
import io.paperpost.site.WakeSignal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the {@link MailQueue}'s emails on one thread per instance: woken after each commit that queued one, and every
 * {@link MailConfig.Queue#pollInterval()} for deferred ones coming due and for emails queued by other instances. Each
 * email is claimed with a conditional update and a lease, so two instances never send it at once.
 *
 * <p>A worker that dies between the server's 250 and recording SENT leaves the email SENDING; once its lease has
 * passed it is sent again, with the same Message-ID. These emails are confirmations and notices a reader is waiting
 * for, so a rare second copy is the better failure than a lost one; the digest's ledger decides the other way.
 */
@ApplicationScoped
public class MailQueueWorker {

    private static final Logger LOG = Logger.getLogger(MailQueueWorker.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    /** After an unexpected error (e.g. the database is down), wait this long before trying again. */
    private static final Duration AFTER_ERROR = Duration.ofSeconds(5);

    @Inject
    MailSender sender;
    @Inject
    MailConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<QueuedMailOutcome> outcomes;

    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private volatile boolean busy;
    private Thread thread;
    private Instant nextPurge = Instant.MIN;

    void start(@Observes StartupEvent event) {
        if (!config.queue().enabled()) {
            LOG.info("The mail queue worker is off on this instance (paperpost.mail.queue.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "mail-queue");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            // An email in hand is finished (the SMTP timeouts bound it); the rest waits in the table.
            thread.join(config.readTimeout().plusSeconds(5).toMillis());
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        wake();
    }

    /** Looks for due emails now instead of at the next poll. */
    public void wake() {
        signal.wake();
    }

    /**
     * Waits (up to the timeout) until nothing is due and this worker sends nothing; for tests. Emails another worker
     * holds the lease of do not count.
     *
     * @return true when the queue went idle in time
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // Due first: a claimed email is no longer due, but by then the worker is busy.
            if (due() == 0 && !busy) {
                return true;
            }
            wake();
            Thread.sleep(10);
        }
        return false;
    }

    private void loop() {
        while (running) {
            try {
                busy = true;
                while (running && sendNext()) {
                    // Until nothing is due.
                }
                purgeIfDue();
                busy = false;
                awaitSignal(config.queue().pollInterval());
            } catch (RuntimeException e) {
                busy = false;
                LOG.errorf("Mail queue: %s; trying again in %d s", e.getMessage(), AFTER_ERROR.toSeconds());
                awaitSignal(AFTER_ERROR);
            }
        }
    }

    private void awaitSignal(Duration timeout) {
        if (!signal.await(timeout)) {
            running = false;
        }
    }

    /** Claims, sends and records the next due email; false when none is due. */
    boolean sendNext() {
        Optional<QueuedMail> claimed = claimNext();
        if (claimed.isEmpty()) {
            return false;
        }
        QueuedMail mail = claimed.get();
        try {
            sender.sendFirst(mail.toOutgoing());
            record(mail, QueuedMailStatus.SENT, null);
        } catch (MailSendException e) {
            recordFailure(mail, e);
        } catch (RuntimeException e) {
            // E.g. the outbox directory cannot be written: worth another try later, like a deferral.
            recordFailure(mail, new MailSendException(String.valueOf(e.getMessage()), MailSendException.Kind.TEMPORARY,
                    e));
        }
        return true;
    }

    private Optional<QueuedMail> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<QueuedMail> candidates = QueuedMail.<QueuedMail>find(
                    "((status = ?1 or status = ?2) and nextAttemptAt <= ?4) or (status = ?3 and leaseUntil < ?4)"
                            + " order by nextAttemptAt, id",
                    QueuedMailStatus.QUEUED, QueuedMailStatus.RETRYING, QueuedMailStatus.SENDING, now)
                    .page(0, 5).list();
            for (QueuedMail candidate : candidates) {
                // Only one instance's update finds the row as it read it.
                int won = QueuedMail.update("status = ?1, attempts = attempts + 1, leaseUntil = ?2, updatedAt = ?3"
                        + " where id = ?4 and status = ?5 and attempts = ?6", QueuedMailStatus.SENDING,
                        now.plus(config.queue().lease()), now, candidate.id, candidate.status, candidate.attempts);
                if (won == 1) {
                    if (candidate.status == QueuedMailStatus.SENDING) {
                        LOG.warnf("Queued email %d (%s) was left SENDING by a worker that stopped; sending it again",
                                candidate.id, candidate.kind);
                    }
                    QueuedMail.getEntityManager().detach(candidate);
                    candidate.attempts++;
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
    }

    private void recordFailure(QueuedMail mail, MailSendException failure) {
        Instant now = clock.instant();
        RetryPolicy.Next next = RetryPolicy.of(config).after(failure, mail.attempts, now);
        switch (next.verdict()) {
            case RETRY -> {
                QuarkusTransaction.requiringNew().run(() -> QueuedMail.update("status = ?1, nextAttemptAt = ?2,"
                        + " leaseUntil = null, lastError = ?3, updatedAt = ?4 where id = ?5", QueuedMailStatus.RETRYING,
                        next.retryAt(), truncate(failure.getMessage()), now, mail.id));
                LOG.infof("Queued email %d (%s) deferred, attempt %d: %s", mail.id, mail.kind, mail.attempts,
                        failure.getMessage());
            }
            case GIVE_UP -> record(mail, QueuedMailStatus.FAILED, failure.getMessage());
            case BOUNCE -> record(mail, QueuedMailStatus.BOUNCED, failure.getMessage());
        }
    }

    /** Records a final status and tells the code that queued the email, in one transaction. */
    private void record(QueuedMail mail, QueuedMailStatus status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            QueuedMail.update("status = ?1, sentAt = ?2, leaseUntil = null, nextAttemptAt = null, lastError = ?3,"
                    + " updatedAt = ?4 where id = ?5", status, status == QueuedMailStatus.SENT ? now : null,
                    truncate(error), now, mail.id);
            outcomes.fire(new QueuedMailOutcome(mail.id, mail.kind, mail.readerId, mail.recipient, status, now,
                    truncate(error)));
        });
        if (status != QueuedMailStatus.SENT) {
            LOG.warnf("Queued email %d (%s) %s after %d attempt(s): %s", mail.id, mail.kind, status, mail.attempts,
                    error);
        }
    }

    /** Sent and given-up emails hold personal links: they are kept {@link MailConfig.Queue#retention()}. */
    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        long purged = QuarkusTransaction.requiringNew()
                .call(() -> QueuedMail.delete("(status = ?1 or status = ?2 or status = ?3) and updatedAt < ?4",
                        QueuedMailStatus.SENT, QueuedMailStatus.FAILED, QueuedMailStatus.BOUNCED,
                        now.minus(config.queue().retention())));
        if (purged > 0) {
            LOG.infof("Mail queue: %d sent or given-up emails older than %s removed", purged,
                    config.queue().retention());
        }
    }

    private long due() {
        return QuarkusTransaction.requiringNew().call(() -> QueuedMail.count(
                "((status = ?1 or status = ?2) and nextAttemptAt <= ?4) or (status = ?3 and leaseUntil < ?4)",
                QueuedMailStatus.QUEUED, QueuedMailStatus.RETRYING, QueuedMailStatus.SENDING, clock.instant()));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
