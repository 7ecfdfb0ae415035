package io.paperpost.readinglist;

import io.paperpost.feedback.LinkedPapers;
import io.paperpost.papers.Paper;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.InvalidLinkException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Saves papers to readers' reading lists, and keeps the lists: read or unread, notes, removal. */
@ApplicationScoped
public class ReadingListService {

    private static final Logger LOG = Logger.getLogger(ReadingListService.class);

    @Inject
    Clock clock;

    /**
     * The title of the paper a Save link is about, changing nothing (what the link's page shows before its button).
     *
     * @throws InvalidLinkException when the reader is gone or not confirmed, or the paper is unknown
     */
    @Transactional
    public String paperToSave(long readerId, String paperId) {
        return savable(readerId, paperId).title;
    }

    /**
     * Puts the paper on the reader's list; saving it again changes nothing (it keeps its first saved time).
     *
     * @return the paper's title
     * @throws InvalidLinkException when the reader is gone or not confirmed, or the paper is unknown
     */
    public String save(long readerId, String paperId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> insertOnce(readerId, paperId));
        } catch (PersistenceException e) {
            // Two clicks at once both inserted: the other one saved it.
            LOG.debugf(e, "Reading list insert for reader %d raced", readerId);
            return QuarkusTransaction.requiringNew().call(() -> insertOnce(readerId, paperId));
        }
    }

    private String insertOnce(long readerId, String paperId) {
        Paper paper = savable(readerId, paperId);
        ReadingListEntryId id = new ReadingListEntryId(readerId, paperId);
        if (ReadingListEntry.findById(id) == null) {
            ReadingListEntry entry = new ReadingListEntry();
            entry.id = id;
            entry.savedAt = clock.instant();
            entry.persist();
            entry.flush();
        }
        return paper.title;
    }

    /** Takes the paper off the reader's list; nothing happens when it is not on it. */
    @Transactional
    public void remove(long readerId, String paperId) {
        ReadingListEntry.deleteById(new ReadingListEntryId(readerId, paperId));
    }

    /** @throws InvalidInputException when the paper is not on the reader's list */
    @Transactional
    public void markRead(long readerId, String paperId, boolean read) {
        ReadingListEntry entry = entry(readerId, paperId);
        if (read && entry.readAt == null) {
            entry.readAt = clock.instant();
        } else if (!read) {
            entry.readAt = null;
        }
    }

    /**
     * Sets the reader's note on the entry; a blank note removes it.
     *
     * @throws InvalidInputException when the note is too long or holds control characters, or the paper is not on
     *                               the list; nothing is stored then
     */
    @Transactional
    public void note(long readerId, String paperId, String note) {
        String checked = Notes.check(note);
        entry(readerId, paperId).note = checked;
    }

    /** The reader's list, the most recently saved first; entries whose paper is no longer stored included. */
    @Transactional
    public List<SavedPaper> list(long readerId) {
        List<ReadingListEntry> entries = ReadingListEntry.list("id.readerId = ?1 order by savedAt desc, id.paperId",
                readerId);
        Map<String, Paper> papers = entries.isEmpty()
                ? Map.of()
                : Paper.<Paper>list("id in ?1", entries.stream().map(e -> e.id.paperId).toList()).stream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return entries.stream().map(e -> new SavedPaper(e.id.paperId, e.savedAt, e.readAt, e.note,
                papers.get(e.id.paperId))).toList();
    }

    private static ReadingListEntry entry(long readerId, String paperId) {
        ReadingListEntry entry = paperId == null
                ? null
                : ReadingListEntry.findById(new ReadingListEntryId(readerId, paperId));
        if (entry == null) {
            throw new InvalidInputException("paper", "This paper is not on your reading list any more.");
        }
        return entry;
    }

    private static Paper savable(long readerId, String paperId) {
        return LinkedPapers.require(readerId, paperId);
    }
}
