package io.paperpost.readinglist;

import io.paperpost.subscription.ReaderDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The reading list's part of "Download my data": every saved paper, with its note. */
@ApplicationScoped
public class ReadingListHistory implements ReaderDataPart {

    /** A saved paper; {@code readAt} null while unread. */
    public record Saved(String paperId, Instant savedAt, Instant readAt, String note) {
    }

    @Override
    public String name() {
        return "readingList";
    }

    @Override
    public List<Saved> of(long readerId) {
        return ReadingListEntry.<ReadingListEntry>list("id.readerId = ?1 order by savedAt", readerId).stream()
                .map(e -> new Saved(e.id.paperId, e.savedAt, e.readAt, e.note)).toList();
    }
}
