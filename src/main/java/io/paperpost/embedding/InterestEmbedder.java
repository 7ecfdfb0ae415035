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
        String key = interests == null ? "" : interests.strip();
        List<SemanticProfile.Aspect> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<InterestAspects.AspectText> texts = InterestAspects.of(key);
        List<SemanticProfile.Aspect> aspects = List.of();
        if (!texts.isEmpty()) {
            List<SemanticVector> vectors;
            try {
                vectors = embedder.embedAll(texts.stream().map(InterestAspects.AspectText::text).toList());
            } catch (RuntimeException e) {
                // A reader's email never fails for this: the words still rank, and the next call tries again.
                LOG.warnf("Could not embed an interest text of %d characters (%s); ranking it by its words",
                        key.length(), e.getMessage());
                return List.of();
            }
            List<SemanticProfile.Aspect> out = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                out.add(new SemanticProfile.Aspect(texts.get(i).text(), vectors.get(i), texts.get(i).negative()));
            }
            aspects = List.copyOf(out);
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, aspects);
        return aspects;
    }

    /** The aspects again from stored vectors (in {@link InterestAspects} order); null when they do not fit. */
    public static List<SemanticProfile.Aspect> fromStored(String interests, List<SemanticVector> vectors) {
        List<InterestAspects.AspectText> texts = InterestAspects.of(interests);
        if (vectors == null || vectors.size() != texts.size()) {
            return null;
        }
        List<SemanticProfile.Aspect> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new SemanticProfile.Aspect(texts.get(i).text(), vectors.get(i), texts.get(i).negative()));
        }
        return List.copyOf(out);
    }
}
