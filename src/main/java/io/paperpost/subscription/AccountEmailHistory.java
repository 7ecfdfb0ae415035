package io.paperpost.subscription;

import io.paperpost.mail.queue.QueuedMail;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The mail queue's part of "Download my data": the account emails (confirmations, welcome, address changes) kept
 * for the reader, sent or not. Their bodies stay out: they hold signed links, and the reader has the emails.
 */
@ApplicationScoped
class AccountEmailHistory implements ReaderDataPart {

    /** One account email and what became of it. */
    public record AccountEmail(String kind, String to, String subject, String status, int attempts, Instant queuedAt,
            Instant sentAt, String lastError) {
    }

    @Override
    public String name() {
        return "accountEmails";
    }

    @Override
    public List<AccountEmail> of(long readerId) {
        return QueuedMail.<QueuedMail>list("readerId = ?1 order by createdAt, id", readerId).stream()
                .map(m -> new AccountEmail(m.kind, m.recipient, m.subject, m.status.name(), m.attempts, m.createdAt,
                        m.sentAt, m.lastError))
                .toList();
    }
}
