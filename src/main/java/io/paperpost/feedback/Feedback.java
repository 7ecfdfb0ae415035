package io.paperpost.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader's latest rating of a paper: +1 liked, -1 disliked, -2 "fewer like this" (counts as two dislikes). */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    public static final short LIKE = 1;
    public static final short DISLIKE = -1;
    public static final short FEWER_LIKE_THIS = -2;

    @EmbeddedId
    public FeedbackId id;

    public short rating;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
