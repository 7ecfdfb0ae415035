package io.paperpost.mail.queue;

import io.paperpost.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;

/**
 * Where the code that sends an email other than a digest puts it: in the database, in the transaction of the change
 * that asks for it, so the change and its email commit together or not at all. The {@link MailQueueWorker} sends it
 * after the commit; the caller never waits for the mail server.
 */
@ApplicationScoped
public class MailQueue {

    @Inject
    Clock clock;
    @Inject
    Event<MailQueued> queued;

    /**
     * Queues the email in the caller's transaction.
     *
     * @param kind     what it is for, given back in its {@link QueuedMailOutcome}
     * @param readerId the reader it concerns (their queued emails go when they are erased), or null
     * @param mail     with its Message-ID, which every attempt carries
     */
    @Transactional(TxType.MANDATORY)
    public void enqueue(String kind, Long readerId, OutgoingMail mail) {
        if (mail.messageId() == null) {
            // Every attempt carries the same Message-ID, so a mailbox that got it twice (a worker died after the
            // server's 250) can tell it is one email: the caller names it.
            throw new IllegalArgumentException("a queued email needs its Message-ID");
        }
        QueuedMail row = QueuedMail.of(kind, readerId, mail, clock.instant());
        row.persist();
        queued.fire(new MailQueued());
    }

    /** True while an email of the kind to the reader is on its way: queued for its first attempt, or being sent. */
    @Transactional(TxType.MANDATORY)
    public boolean onItsWay(long readerId, String kind) {
        return QueuedMail.count("readerId = ?1 and kind = ?2 and (status = ?3 or status = ?4)", readerId, kind,
                QueuedMailStatus.QUEUED, QueuedMailStatus.SENDING) > 0;
    }

    /**
     * Makes the reader's deferred emails of the kind due now (the reader asked for it again, so it is tried at once
     * instead of sent twice); returns how many.
     */
    @Transactional(TxType.MANDATORY)
    public int bringForward(long readerId, String kind) {
        Instant now = clock.instant();
        int due = QueuedMail.update("nextAttemptAt = ?1, updatedAt = ?1 where readerId = ?2 and kind = ?3"
                + " and status = ?4", now, readerId, kind, QueuedMailStatus.RETRYING);
        if (due > 0) {
            queued.fire(new MailQueued());
        }
        return due;
    }

    /** Removes the reader's emails of the kind not yet being sent: a newer one replaces them. */
    @Transactional(TxType.MANDATORY)
    public long cancelWaiting(long readerId, String kind) {
        return QueuedMail.delete("readerId = ?1 and kind = ?2 and (status = ?3 or status = ?4)", readerId, kind,
                QueuedMailStatus.QUEUED, QueuedMailStatus.RETRYING);
    }
}
