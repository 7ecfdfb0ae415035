package io.paperpost.subscription;

import io.paperpost.embedding.EmbeddingBackfill;
import io.paperpost.embedding.EmbeddingConfig;
import io.paperpost.embedding.InterestEmbedder;
import io.paperpost.embedding.SentenceEmbedder;
import io.paperpost.embedding.StoredVectors;
import io.paperpost.ranking.InterestAspects;
import io.paperpost.ranking.SemanticProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Each reader's interest text, embedded once after it is saved and kept with the reader
 * ({@link Reader#interestVectors}). The embedding worker fills in readers whose vectors are missing or of another
 * model; until it has, a digest embeds the text itself (once per distinct text, {@link InterestEmbedder}).
 */
@ApplicationScoped
public class ReaderInterestVectors implements EmbeddingBackfill {

    @Inject
    InterestEmbedder embedder;
    @Inject
    EmbeddingConfig config;

    /** The aspects the ranker sees for the reader with these interests (their saved ones, or a preview's). */
    public List<SemanticProfile.Aspect> aspects(Reader reader, String interests) {
        if (!config.enabled()) {
            return List.of();
        }
        boolean stored = interests.equals(reader.interests)
                && SentenceEmbedder.MODEL.equals(reader.interestVectorsModel);
        return embedder.aspects(interests, stored ? StoredVectors.decode(reader.interestVectors) : null);
    }

    /** The aspects of interests typed for a preview, not a reader's. */
    public List<SemanticProfile.Aspect> aspects(String interests) {
        return config.enabled() ? embedder.aspects(interests) : List.of();
    }

    @Override
    public int embedSome(int limit) {
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> Reader.getEntityManager().createQuery(
                "select r.id, r.interests from Reader r where r.status <> :gone and (r.interestVectorsModel is null "
                        + "or r.interestVectorsModel <> :model) order by r.id",
                Object[].class)
                .setParameter("gone", ReaderStatus.UNSUBSCRIBED).setParameter("model", SentenceEmbedder.MODEL)
                .setMaxResults(limit).getResultList());
        int stored = 0;
        for (Object[] row : due) {
            long id = (Long) row[0];
            String interests = (String) row[1];
            List<SemanticProfile.Aspect> aspects = embedder.aspects(interests);
            if (aspects.isEmpty() && !InterestAspects.of(interests).isEmpty()) {
                continue; // the model failed (logged); stored as empty, the reader would never be tried again
            }
            byte[] vectors = StoredVectors.encode(aspects.stream().map(SemanticProfile.Aspect::vector).toList());
            // Only if the interests are still the ones embedded: a save meanwhile clears them and waits again.
            stored += QuarkusTransaction.requiringNew()
                    .call(() -> Reader.getEntityManager().createQuery("update Reader r set r.interestVectors = :v, "
                            + "r.interestVectorsModel = :model where r.id = :id and r.interests = :interests")
                            .setParameter("v", vectors).setParameter("model", SentenceEmbedder.MODEL)
                            .setParameter("id", id).setParameter("interests", interests).executeUpdate());
        }
        // Counted as written, so that a reader who keeps changing cannot keep the worker spinning.
        return stored;
    }
}
