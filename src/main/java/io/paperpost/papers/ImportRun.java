package io.paperpost.papers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of one source: scheduled, run by an admin, or an upload. */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String source;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** {@value #RUNNING} while it runs (and if the process died during it), then {@value #OK} or {@value #FAILED}. */
    public String status;

    /** Items the source handed over, good or bad. */
    public int fetched;
    public int added;
    public int updated;
    public int skipped;
    public int errors;

    /** The first item errors, one per line as {@code position: reason}. */
    @Column(name = "first_errors")
    public String firstErrors;

    /** Why the source failed as a whole; null when it did not. */
    public String failure;

    @Column(name = "duration_ms")
    public Long durationMs;
}
