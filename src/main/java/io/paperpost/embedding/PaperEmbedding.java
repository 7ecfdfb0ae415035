package io.paperpost.embedding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paper's stored embedding (V92). */
@Entity
@Table(name = "paper_embedding")
public class PaperEmbedding extends PanacheEntityBase {

    @Id
    @Column(name = "paper_id")
    public String paperId;

    /** {@link SentenceEmbedder#MODEL} when it was embedded. */
    public String model;

    /** {@link io.paperpost.ranking.SemanticVector#toBytes()}. */
    public byte[] vector;

    @Column(name = "embedded_at")
    public Instant embeddedAt;
}
