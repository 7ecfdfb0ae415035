package io.paperpost.subscription;

import io.paperpost.mail.queue.QueuedMailOutcome;
import io.paperpost.mail.queue.QueuedMailStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * What the subscription does when the queue reports on one of its emails, in the transaction that records the report:
 * a confirmation that went out starts the resend interval; an address the mail server refused for good (SMTP 5xx on
 * RCPT) is bounced, as a digest bounce would do, and a signup waiting for its link is dropped, so nothing is left
 * that could be confirmed.
 */
@ApplicationScoped
class SubscriptionMailOutcomes {

    private static final Logger LOG = Logger.getLogger(SubscriptionMailOutcomes.class);

    void onOutcome(@Observes QueuedMailOutcome outcome) {
        SubscriptionMails.Kind kind = kindOf(outcome);
        if (kind == null || outcome.readerId() == null) {
            return;
        }
        if (outcome.status() == QueuedMailStatus.SENT && kind == SubscriptionMails.Kind.CONFIRM) {
            Reader.update("confirmationSentAt = ?1 where id = ?2", outcome.at(), outcome.readerId());
        } else if (outcome.status() == QueuedMailStatus.BOUNCED) {
            bounced(kind, outcome);
        }
    }

    private static void bounced(SubscriptionMails.Kind kind, QueuedMailOutcome outcome) {
        if (kind == SubscriptionMails.Kind.EMAIL_CHANGE) {
            // The new address refused mail; the reader's own address is fine and stays.
            LOG.infof("Reader %d's new address was refused by the mail server; the address stays as it is (%s)",
                    outcome.readerId(), outcome.error());
            return;
        }
        if (kind == SubscriptionMails.Kind.ADDRESS_CHANGED) {
            // The notice went to the address the reader just left: a refusal there says nothing about the new one.
            LOG.infof("Reader %d's old address refused the notice of the change (%s)", outcome.readerId(),
                    outcome.error());
            return;
        }
        Reader.update("status = ?1 where id = ?2", ReaderStatus.BOUNCED, outcome.readerId());
        PendingSignup.clear(outcome.readerId());
        LOG.infof("Reader %d bounced: the mail server refused the address for the %s email (%s)", outcome.readerId(),
                kind, outcome.error());
    }

    private static SubscriptionMails.Kind kindOf(QueuedMailOutcome outcome) {
        for (SubscriptionMails.Kind kind : SubscriptionMails.Kind.values()) {
            if (kind.name().equals(outcome.kind())) {
                return kind;
            }
        }
        return null;
    }
}
