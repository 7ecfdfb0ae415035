package io.paperpost.embedding;

import io.paperpost.ranking.SemanticVector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The papers' embeddings: read for a run's papers, and written by the background worker (and by a run that finds
 * some missing, so that the day's papers always rank by meaning too).
 */
@ApplicationScoped
public class PaperEmbeddings implements EmbeddingBackfill {

    private static final Logger LOG = Logger.getLogger(PaperEmbeddings.class);
    /** IN lists stay well under the databases' parameter limits. */
    private static final int IN_LIST = 1000;

    @Inject
    EntityManager entityManager;
    @Inject
    SentenceEmbedder embedder;
    @Inject
    EmbeddingConfig config;
    @Inject
    Clock clock;

    /**
     * The vectors of the given papers; with {@code embedMissing}, papers not yet embedded are embedded now (a day's
     * 2,000 take about 25 s of one core). Empty when semantic ranking is off.
     */
    public Map<String, SemanticVector> vectors(Collection<String> paperIds, boolean embedMissing) {
        Map<String, SemanticVector> vectors = new HashMap<>();
        if (!config.enabled() || paperIds.isEmpty()) {
            return vectors;
        }
        List<String> ids = List.copyOf(paperIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                    "select e.paperId, e.vector from PaperEmbedding e where e.paperId in :ids and e.model = :model",
                    Object[].class).setParameter("ids", part).setParameter("model", SentenceEmbedder.MODEL)
                    .getResultList());
            for (Object[] row : rows) {
                vectors.put((String) row[0], SemanticVector.fromBytes((byte[]) row[1]));
            }
        }
        List<String> missing = ids.stream().filter(id -> !vectors.containsKey(id)).toList();
        if (embedMissing && !missing.isEmpty()) {
            LOG.infof("Embedding %d papers that the background worker has not reached yet", missing.size());
            for (int from = 0; from < missing.size(); from += config.batchSize()) {
                try {
                    vectors.putAll(embed(missing.subList(from, Math.min(missing.size(), from + config.batchSize()))));
                } catch (RuntimeException e) {
                    // Another instance stored them first, or the model failed: these rank by words this time.
                    LOG.warnf("Could not embed %d papers now (%s); they rank by their words", missing.size(),
                            e.getMessage());
                    break;
                }
            }
        }
        return vectors;
    }

    /** Embeds up to {@code limit} papers without a vector of the current model, newest first. */
    @Override
    public int embedSome(int limit) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select p.id from Paper p where not exists (select 1 from PaperEmbedding e where e.paperId = p.id "
                        + "and e.model = :model) order by p.availableSeq desc, p.id",
                String.class)
                .setParameter("model", SentenceEmbedder.MODEL).setMaxResults(limit).getResultList());
        return ids.isEmpty() ? 0 : embed(ids).size();
    }

    private Map<String, SemanticVector> embed(List<String> ids) {
        List<Object[]> texts = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select p.id, p.title, p.summary from Paper p where p.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList());
        List<String> found = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (Object[] row : texts) {
            found.add((String) row[0]);
            inputs.add(SentenceEmbedder.paperText((String) row[1], (String) row[2]));
        }
        // The model runs outside any transaction: 32 papers take about 0.4 s.
        List<SemanticVector> vectors = inputs.isEmpty() ? List.of() : embedder.embedAll(inputs);
        Map<String, SemanticVector> out = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < found.size(); i++) {
                PaperEmbedding row = entityManager.find(PaperEmbedding.class, found.get(i));
                boolean fresh = row == null;
                if (fresh) {
                    row = new PaperEmbedding();
                    row.paperId = found.get(i);
                }
                row.model = SentenceEmbedder.MODEL;
                row.vector = vectors.get(i).toBytes();
                row.embeddedAt = clock.instant();
                if (fresh) {
                    entityManager.persist(row);
                }
                out.put(found.get(i), vectors.get(i));
            }
        });
        return out;
    }
}
