package io.paperpost.delivery;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The delivery ledger: one row per (reader, digest date), unique in the database. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reader_id")
    public long readerId;

    @Column(name = "digest_date")
    public LocalDate digestDate;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "message_id")
    public String messageId;

    /** The papers in the email, so none is ever sent to the reader again. */
    @Convert(converter = LineListConverter.class)
    @Column(name = "paper_ids")
    public List<String> paperIds = new ArrayList<>();

    /** The paper batch the email was composed against: the reader's watermark once it is sent. */
    @Column(name = "papers_through")
    public Long papersThrough;

    /** What the email's web view shows again besides the papers ({@link DigestContents#column}); null before SENT. */
    public String contents;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** When a {@link DeliveryStatus#RETRYING} email is tried again. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;
}
