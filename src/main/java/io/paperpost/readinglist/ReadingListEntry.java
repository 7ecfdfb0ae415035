package io.paperpost.readinglist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paper a reader saved to their reading list, with when they read it and their private note. */
@Entity
@Table(name = "reading_list_entry")
public class ReadingListEntry extends PanacheEntityBase {

    /** The longest note (the column's size). */
    public static final int MAX_NOTE = 1000;

    @EmbeddedId
    public ReadingListEntryId id;

    @Column(name = "saved_at")
    public Instant savedAt;

    /** When the reader marked it read; null while unread. */
    @Column(name = "read_at")
    public Instant readAt;

    /** The reader's own note; null when none. Never exported to the citation files: it is private. */
    public String note;
}
