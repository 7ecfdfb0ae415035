package io.paperpost.readinglist;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link ReadingListEntry}: a paper is on a reader's list once. */
@Embeddable
public class ReadingListEntryId implements Serializable {

    @Column(name = "reader_id")
    public long readerId;

    @Column(name = "paper_id")
    public String paperId;

    public ReadingListEntryId() {
    }

    public ReadingListEntryId(long readerId, String paperId) {
        this.readerId = readerId;
        this.paperId = paperId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadingListEntryId other && readerId == other.readerId
                && Objects.equals(paperId, other.paperId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(readerId, paperId);
    }
}
