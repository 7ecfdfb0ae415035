package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rocchio feedback against one day's {@link TermIndex}: the centroid of the liked papers' tf-idf vectors minus
 * that of the disliked ones, its strongest terms as a {@link Query}. Liked papers pull similar ones up,
 * disliked ones push them down. Thread-safe.
 */
final class RocchioFeedback {

    /** How many of the centroid's terms, strongest first, make the query. */
    static final int TERMS = 30;
    private static final double LIKED = 1.0;
    private static final double DISLIKED = 1.0;

    private final TextAnalyzer analyzer;
    private final Synonyms synonyms;
    private final TermIndex index;
    private final TextCache<float[]> vectors = new TextCache<>();

    RocchioFeedback(TextAnalyzer analyzer, Synonyms synonyms, TermIndex index) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
        this.index = index;
    }

    /** Liked centroid minus disliked centroid, strongest terms only; empty without feedback. */
    Query query(List<String> liked, List<String> disliked) {
        if (liked.isEmpty() && disliked.isEmpty()) {
            return Query.EMPTY;
        }
        Map<Integer, Double> centroid = new HashMap<>();
        for (String text : liked) {
            addTo(centroid, vector(text), LIKED / liked.size());
        }
        for (String text : disliked) {
            addTo(centroid, vector(text), -DISLIKED / disliked.size());
        }
        List<Map.Entry<Integer, Double>> entries = new ArrayList<>(centroid.entrySet());
        entries.sort((a, b) -> {
            int c = Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue()));
            return c != 0 ? c : Integer.compare(a.getKey(), b.getKey());
        });
        int k = Math.min(TERMS, entries.size());
        int[] ids = new int[k];
        float[] ws = new float[k];
        double max = 0;
        for (int i = 0; i < k; i++) {
            ids[i] = entries.get(i).getKey();
            // term weights scaled so that a strong centroid term weighs about like one typed word
            ws[i] = (float) (entries.get(i).getValue() * 3);
            if (ws[i] > 0) {
                max += ws[i] * index.idf(ids[i]) * (TermIndex.K1 + 1);
            }
        }
        return new Query(ids, ws, max, new String[k]);
    }

    /** A text's tf-idf vector over the day's words and concepts, unit length, packed as (id bits, weight). */
    private float[] vector(String text) {
        float[] cached = vectors.get(text);
        if (cached != null) {
            return cached;
        }
        Map<String, Integer> counts = Terms.count(analyzer.terms(text), synonyms);
        List<float[]> entries = new ArrayList<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int id = index.id(e.getKey());
            if (id < 0 || Terms.isPhrase(e.getKey())) {
                continue;
            }
            double w = (1 + Math.log(e.getValue())) * index.idf(id);
            entries.add(new float[]{Float.intBitsToFloat(id), (float) w});
            norm += w * w;
        }
        float[] packed = new float[entries.size() * 2];
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int i = 0; i < entries.size(); i++) {
            packed[2 * i] = entries.get(i)[0];
            packed[2 * i + 1] = (float) (entries.get(i)[1] * scale);
        }
        vectors.put(text, packed);
        return packed;
    }

    private static void addTo(Map<Integer, Double> centroid, float[] packed, double factor) {
        for (int i = 0; i < packed.length; i += 2) {
            centroid.merge(Float.floatToRawIntBits(packed[i]), packed[i + 1] * factor, Double::sum);
        }
    }
}
