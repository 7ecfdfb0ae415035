package io.paperpost.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link Feedback} row: one rating per reader and paper. */
@Embeddable
public class FeedbackId implements Serializable {

    @Column(name = "reader_id")
    public long readerId;

    @Column(name = "paper_id")
    public String paperId;

    public FeedbackId() {
    }

    public FeedbackId(long readerId, String paperId) {
        this.readerId = readerId;
        this.paperId = paperId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedbackId other && readerId == other.readerId && Objects.equals(paperId, other.paperId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(readerId, paperId);
    }
}
