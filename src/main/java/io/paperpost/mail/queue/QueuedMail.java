package io.paperpost.mail.queue;

import io.paperpost.mail.OutgoingMail;
import io.paperpost.storage.LineListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One email of the durable queue: the whole message as it will be sent, and how its sending goes. */
@Entity
@Table(name = "mail_queue")
public class QueuedMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What the email is for, in the words of the code that queued it (e.g. CONFIRM). */
    public String kind;

    /** The reader it concerns; their emails go when they are erased. */
    @Column(name = "reader_id")
    public Long readerId;

    public String recipient;
    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "message_id")
    public String messageId;

    /** Extra headers as "Name: value" lines (each a single line, as {@link OutgoingMail} ensures). */
    @Convert(converter = LineListConverter.class)
    public List<String> headers = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public QueuedMailStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** A SENDING email whose lease has passed was being sent by a worker that died: it is sent again. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    static QueuedMail of(String kind, Long readerId, OutgoingMail mail, Instant now) {
        QueuedMail queued = new QueuedMail();
        queued.kind = kind;
        queued.readerId = readerId;
        queued.recipient = mail.to();
        queued.subject = mail.subject();
        queued.textBody = mail.text();
        queued.htmlBody = mail.html();
        queued.messageId = mail.messageId();
        mail.headers().forEach((name, value) -> queued.headers.add(name + ": " + value));
        queued.status = QueuedMailStatus.QUEUED;
        queued.nextAttemptAt = now;
        queued.createdAt = now;
        queued.updatedAt = now;
        return queued;
    }

    /** The email as it was queued; the Message-ID stays the same over every attempt. */
    OutgoingMail toOutgoing() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String line : headers) {
            int colon = line.indexOf(": ");
            parsed.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return new OutgoingMail(recipient, subject, textBody, htmlBody, messageId, parsed);
    }
}
