package io.paperpost.feedback;

import io.paperpost.embedding.SentenceEmbedder;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.SemanticProfile;
import io.paperpost.ranking.SemanticVector;
import io.paperpost.site.InvalidLinkException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** Records readers' ratings of papers and hands them to the ranker. Owns its transactions. */
@ApplicationScoped
public class FeedbackService {

    private static final Logger LOG = Logger.getLogger(FeedbackService.class);

    /** How many liked and how many disliked papers (the most recent) shape a reader's ranking. */
    public static final int MAX_TEXTS = 50;

    @Inject
    Clock clock;
    /** Likes from other packages (the reading list's saved papers). */
    @Inject
    Instance<StrongLikes> strongLikes;

    /** The rated paper and the rating now stored. */
    public record Recorded(long readerId, String paperId, String paperTitle, short rating) {
    }

    /**
     * Liked and disliked papers (with the {@link StrongLikes}) as "title summary" texts, most recent first, and as titles with their embeddings
     * (the papers already embedded).
     */
    public record Texts(List<String> liked, List<String> disliked, List<SemanticProfile.RatedPaper> likedMeaning,
            List<SemanticProfile.RatedPaper> dislikedMeaning) {
        public static final Texts NONE = new Texts(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Stores the rating; the latest rating of a (reader, paper) replaces an earlier one.
     *
     * @throws InvalidLinkException when the reader is gone or not confirmed, or the paper is unknown
     */
    public Recorded record(long readerId, String paperId, short rating) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(readerId, paperId, rating));
        } catch (PersistenceException e) {
            // Two clicks at once both inserted: the other one won the key, so update its row.
            LOG.debugf(e, "Feedback insert for reader %d raced; updating", readerId);
            return QuarkusTransaction.requiringNew().call(() -> upsert(readerId, paperId, rating));
        }
    }

    /** The reader's current rating of the paper, 0 when none. */
    public short ratingOf(long readerId, String paperId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Feedback feedback = Feedback.findById(new FeedbackId(readerId, paperId));
            return feedback == null ? 0 : feedback.rating;
        });
    }

    /** Puts back a rating an undo returns to: 0 removes the reader's rating of the paper. */
    public void restore(long readerId, String paperId, short rating) {
        if (rating == 0) {
            QuarkusTransaction.requiringNew().run(() -> Feedback.deleteById(new FeedbackId(readerId, paperId)));
        } else {
            record(readerId, paperId, rating);
        }
    }

    /**
     * The title of the paper a rating link is about, changing nothing (what the link's page shows before its button).
     *
     * @throws InvalidLinkException when the reader is gone or not confirmed, or the paper is unknown
     */
    public String paperToRate(long readerId, String paperId) {
        return QuarkusTransaction.requiringNew().call(() -> ratable(readerId, paperId).title);
    }

    private static Paper ratable(long readerId, String paperId) {
        return LinkedPapers.require(readerId, paperId);
    }

    private Recorded upsert(long readerId, String paperId, short rating) {
        Paper paper = ratable(readerId, paperId);
        FeedbackId id = new FeedbackId(readerId, paperId);
        Feedback feedback = Feedback.findById(id);
        if (feedback == null) {
            feedback = new Feedback();
            feedback.id = id;
            feedback.createdAt = clock.instant();
            feedback.rating = rating;
            feedback.updatedAt = clock.instant();
            feedback.persist();
            feedback.flush();
        } else {
            feedback.rating = rating;
            feedback.updatedAt = clock.instant();
        }
        return new Recorded(readerId, paperId, paper.title, rating);
    }

    /** The reader's liked and disliked papers, in one query, capped to the {@value #MAX_TEXTS} most recent each. */
    public Texts texts(long readerId) {
        return texts(List.of(readerId)).getOrDefault(readerId, Texts.NONE);
    }

    /**
     * Several readers' liked and disliked papers in one query (a digest page's readers); readers who rated nothing
     * are not in the map.
     */
    public Map<Long, Texts> texts(Collection<Long> readerIds) {
        if (readerIds.isEmpty()) {
            return Map.of();
        }
        List<StrongLikes.Liked> rows = new ArrayList<>();
        QuarkusTransaction.requiringNew().call(() -> Feedback.getEntityManager()
                .createQuery(
                        "select f.id.readerId, f.rating, p.title, p.summary, e.vector, f.updatedAt from Feedback f "
                                + "join Paper p on p.id = f.id.paperId left join PaperEmbedding e on e.paperId = p.id "
                                + "and e.model = :model where f.id.readerId in :readers",
                        Object[].class)
                .setParameter("readers", readerIds).setParameter("model", SentenceEmbedder.MODEL)
                .getResultList())
                .forEach(row -> rows.add(new StrongLikes.Liked((Long) row[0], ((Number) row[1]).intValue(),
                        (String) row[2], (String) row[3], (byte[]) row[4], (Instant) row[5])));
        strongLikes.forEach(source -> rows.addAll(source.of(readerIds)));
        rows.sort(Comparator.comparing(StrongLikes.Liked::at).reversed());
        Map<Long, List<String>> liked = new HashMap<>();
        Map<Long, List<String>> disliked = new HashMap<>();
        Map<Long, List<SemanticProfile.RatedPaper>> likedMeaning = new HashMap<>();
        Map<Long, List<SemanticProfile.RatedPaper>> dislikedMeaning = new HashMap<>();
        for (StrongLikes.Liked row : rows) {
            Long reader = row.readerId();
            int rating = row.weight();
            boolean likes = rating > 0;
            List<String> target = (likes ? liked : disliked).computeIfAbsent(reader, r -> new ArrayList<>());
            // "Fewer like this" weighs as two dislikes, a saved paper as two likes, in both centroids (words and
            // meaning), which average over their entries.
            for (int weight = Math.max(1, Math.abs(rating)); weight > 0 && target.size() < MAX_TEXTS; weight--) {
                target.add(row.title() + " " + (row.summary() == null ? "" : row.summary()));
                if (row.vector() != null) {
                    (likes ? likedMeaning : dislikedMeaning).computeIfAbsent(reader, r -> new ArrayList<>())
                            .add(new SemanticProfile.RatedPaper(row.title(), SemanticVector.fromBytes(row.vector())));
                }
            }
        }
        Set<Long> raters = new HashSet<>(liked.keySet());
        raters.addAll(disliked.keySet());
        Map<Long, Texts> texts = new HashMap<>();
        for (Long reader : raters) {
            texts.put(reader, new Texts(List.copyOf(liked.getOrDefault(reader, List.of())),
                    List.copyOf(disliked.getOrDefault(reader, List.of())),
                    List.copyOf(likedMeaning.getOrDefault(reader, List.of())),
                    List.copyOf(dislikedMeaning.getOrDefault(reader, List.of()))));
        }
        return texts;
    }
}
