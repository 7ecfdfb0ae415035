package io.paperpost.bounces;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One report received, whatever became of it (V94); unique by {@link #reportKey}, so none counts twice. */
@Entity
@Table(name = "bounce_report")
public class BounceReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The report's own Message-ID, or {@code sha256:} and the hash of its bytes. */
    @Column(name = "report_key")
    public String reportKey;

    @Enumerated(EnumType.STRING)
    public ReportSource source;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    /** Null for a malformed report. */
    @Enumerated(EnumType.STRING)
    public ReportKind kind;

    @Enumerated(EnumType.STRING)
    public BounceAction action;

    @Column(name = "reader_id")
    public Long readerId;

    /** The digest email it is about, when it is one. */
    @Column(name = "delivery_id")
    public Long deliveryId;

    @Column(name = "original_message_id")
    public String originalMessageId;

    /** The DSN status ({@code 5.1.1}) or the feedback type ({@code abuse}). */
    @Column(name = "status_code")
    public String statusCode;

    /** The remote server's words, or why the report was kept aside. */
    public String detail;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The message as received, kept for reports set aside (UNMATCHED, MALFORMED) so an operator can read them. */
    public byte[] raw;
}
