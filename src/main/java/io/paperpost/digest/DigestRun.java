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

/** The record of one digest run; see V60__digest_run.sql. */
@Entity
@Table(name = "digest_run")
public class DigestRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger")
    public RunTrigger trigger;

    /** The date of an explicit run; null for a scheduled run, where each zone has its own local date. */
    @Column(name = "digest_date")
    public LocalDate digestDate;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    @Column(name = "started_at")
    public Instant startedAt;

    /** The last paper batch committed when the run started: every chunk of the run ranks the same papers. */
    @Column(name = "papers_through")
    public Long papersThrough;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Readers the run found due when it started. */
    @Column(name = "readers_due")
    public int readersDue;

    /** The sums of the run's chunks' counts. */
    @Embedded
    public RunCounts counts = RunCounts.NONE;

    @Column(name = "duration_ms")
    public Long durationMs;

    /** Readers handled per second over the run. */
    public Double throughput;

    public String error;
}
