package io.paperpost.readinglist;

import io.paperpost.embedding.SentenceEmbedder;
import io.paperpost.feedback.StrongLikes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Saved papers shape the ranking as strong likes: saving one is a deliberate act beyond a 👍 (the reader means to
 * read it), so it counts as {@value #WEIGHT} likes.
 */
@ApplicationScoped
public class SavedPapersAsLikes implements StrongLikes {

    /** How many likes a saved paper counts as. */
    static final int WEIGHT = 2;

    @Override
    public List<Liked> of(Collection<Long> readerIds) {
        if (readerIds.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> ReadingListEntry.getEntityManager()
                .createQuery("select r.id.readerId, p.title, p.summary, e.vector, r.savedAt from ReadingListEntry r "
                        + "join Paper p on p.id = r.id.paperId left join PaperEmbedding e on e.paperId = p.id "
                        + "and e.model = :model where r.id.readerId in :readers", Object[].class)
                .setParameter("readers", readerIds).setParameter("model", SentenceEmbedder.MODEL)
                .getResultList()).stream()
                .map(row -> new Liked((Long) row[0], WEIGHT, (String) row[1], (String) row[2], (byte[]) row[3],
                        (Instant) row[4]))
                .toList();
    }
}
