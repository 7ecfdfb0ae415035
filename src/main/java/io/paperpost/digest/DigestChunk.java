package io.paperpost.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A share of a digest run's readers that one instance claims and works; see V62__digest_chunk.sql. */
@Entity
@Table(name = "digest_chunk")
public class DigestChunk extends PanacheEntityBase {

    public enum Status {
        OPEN, RUNNING, DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id")
    public long runId;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "digest_date")
    public LocalDate digestDate;

    @Column(name = "local_hour")
    public int localHour;

    @Column(name = "ignore_hour")
    public boolean ignoreHour;

    @Column(name = "after_id")
    public long afterId;

    @Column(name = "last_id")
    public long lastId;

    /** Due readers in the range when the run was planned. */
    public int readers;

    /** The last reader handled, as of the last lease renewal: a chunk taken over resumes after it. */
    public long position;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The instance working the chunk. */
    public String owner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    public int attempts;

    @Embedded
    public RunCounts counts = RunCounts.NONE;

    Slice slice() {
        return new Slice(timeZone, digestDate, localHour, ignoreHour);
    }
}
