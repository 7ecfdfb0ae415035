package io.paperpost.embedding;

import io.paperpost.ranking.InterestAspects;
import io.paperpost.ranking.SemanticProfile;
import io.paperpost.ranking.SemanticVector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Embeds a reader's interest text as its {@link InterestAspects}, once per distinct text: readers who typed the
 * same words share the vectors. Thread-safe.
 */
@ApplicationScoped
public class InterestEmbedder {

    /** Distinct texts kept; the cache is emptied whole when full (a miss costs ~12 ms per aspect). */
    private static final int CACHE_LIMIT = 20_000;

    private static final Logger LOG = Logger.getLogger(InterestEmbedder.class);

    private final Map<String, List<SemanticProfile.Aspect>> cache = new ConcurrentHashMap<>();

    @Inject
    SentenceEmbedder embedder;

    public InterestEmbedder() {
    }

    /** For use outside CDI (the offline evaluation). */
    public InterestEmbedder(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The text's aspects with their vectors; none for a text without words. */
    public List<SemanticProfile.Aspect> aspects(String interests) {
        return aspects(interests, null);
    }

    /**
     * Like {@link #aspects(String)}, taking the vectors stored with a reader (in {@link InterestAspects} order)
     * instead of running the model, when they fit the text. Readers who typed the same text share one entry,
     * so the digest splits and decodes each distinct text once.
     */
    public List<SemanticProfile.Aspect> aspects(String interests, List<SemanticVector> stored) {
        String key = interests == null ? "" : interests.strip();
        List<SemanticProfile.Aspect> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<InterestAspects.AspectText> texts = InterestAspects.of(key);
        List<SemanticVector> vectors = stored;
        if (!texts.isEmpty() && (vectors == null || vectors.size() != texts.size())) {
            try {
                vectors = embedder.embedAll(texts.stream().map(InterestAspects.AspectText::text).toList());
            } catch (RuntimeException e) {
                // A reader's email never fails for this: the words still rank, and the next call tries again.
                LOG.warnf("Could not embed an interest text of %d characters (%s); ranking it by its words",
                        key.length(), e.getMessage());
                return List.of();
            }
        }
        List<SemanticProfile.Aspect> aspects = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            aspects.add(new SemanticProfile.Aspect(texts.get(i).text(), vectors.get(i), texts.get(i).negative()));
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        List<SemanticProfile.Aspect> result = List.copyOf(aspects);
        cache.put(key, result);
        return result;
    }
}
