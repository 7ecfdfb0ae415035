package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's inverted index: every term of the papers' titles and abstracts, and per term the papers that have
 * it with a precomputed BM25F impact, so that scoring a reader is only adding up {@code weight × impact} over the
 * postings of the reader's terms. Term ids follow the sorted terms. Immutable.
 */
final class TermIndex {

    static final double K1 = 1.2;
    static final double B = 0.75;
    static final double TITLE_WEIGHT = 3.0;

    private final int docCount;
    private final Map<String, Integer> dictionary = new HashMap<>();
    /** Built here, not on first use: the index is read by many ranking threads at once. */
    private final String[] termsById;
    /** Per term: the docs that have it, ascending, and the impact in each. */
    private final int[][] postingDocs;
    private final float[][] postingImpacts;
    private final float[] idf;

    /** @param titles, summaries doc {@code d}'s analyzed title and abstract at index {@code d} */
    TermIndex(List<List<String>> titles, List<List<String>> summaries, Synonyms synonyms) {
        int n = titles.size();
        docCount = n;
        double[] length = new double[n];
        double totalLength = 0;
        Map<String, List<int[]>> postings = new HashMap<>();
        for (int d = 0; d < n; d++) {
            List<String> title = titles.get(d);
            List<String> summary = summaries.get(d);
            length[d] = TITLE_WEIGHT * title.size() + summary.size();
            totalLength += length[d];
            Map<String, Integer> combined = new HashMap<>();
            for (Map.Entry<String, Integer> e : Terms.count(title, synonyms).entrySet()) {
                combined.merge(e.getKey(), (int) TITLE_WEIGHT * e.getValue(), Integer::sum);
            }
            for (Map.Entry<String, Integer> e : Terms.count(summary, synonyms).entrySet()) {
                combined.merge(e.getKey(), e.getValue(), Integer::sum);
            }
            for (Map.Entry<String, Integer> e : combined.entrySet()) {
                postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new int[]{d, e.getValue()});
            }
        }

        // BM25F impacts: idf * tf' (k1 + 1) / (tf' + k1 (1 - b + b len / avglen)).
        double avgLength = n == 0 ? 1 : Math.max(1, totalLength / n);
        int terms = postings.size();
        termsById = new String[terms];
        postingDocs = new int[terms][];
        postingImpacts = new float[terms][];
        idf = new float[terms];
        List<String> sortedTerms = new ArrayList<>(postings.keySet());
        sortedTerms.sort(null);
        for (String term : sortedTerms) {
            int id = dictionary.size();
            dictionary.put(term, id);
            termsById[id] = term;
            List<int[]> list = postings.get(term);
            double termIdf = Math.log(1 + (n - list.size() + 0.5) / (list.size() + 0.5));
            idf[id] = (float) termIdf;
            int[] docs = new int[list.size()];
            float[] impacts = new float[list.size()];
            for (int i = 0; i < list.size(); i++) {
                int d = list.get(i)[0];
                double tf = list.get(i)[1];
                docs[i] = d;
                impacts[i] = (float) (termIdf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length[d] / avgLength)));
            }
            postingDocs[id] = docs;
            postingImpacts[id] = impacts;
        }
    }

    /** The term's id, -1 when no paper of the day has it. */
    int id(String term) {
        Integer id = dictionary.get(term);
        return id == null ? -1 : id;
    }

    String term(int id) {
        return termsById[id];
    }

    float idf(int id) {
        return idf[id];
    }

    /** The idf a term would have if no paper had it. */
    double unknownIdf() {
        return Math.log(1 + (docCount + 0.5) / 0.5);
    }

    /** The docs that have the term, ascending; do not modify. */
    int[] docs(int term) {
        return postingDocs[term];
    }

    boolean contains(int term, int doc) {
        return Arrays.binarySearch(postingDocs[term], doc) >= 0;
    }

    /** Adds each doc's BM25F score for the query to {@code acc[doc]}. */
    void accumulate(Query query, float[] acc) {
        for (int i = 0; i < query.terms().length; i++) {
            int[] docs = postingDocs[query.terms()[i]];
            float[] impacts = postingImpacts[query.terms()[i]];
            float w = query.weights()[i];
            for (int j = 0; j < docs.length; j++) {
                acc[docs[j]] += w * impacts[j];
            }
        }
    }
}
