package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which of the day's papers are in which topic, how strongly, and each paper's primary topic. Immutable. */
final class DayTopics {

    /** Per topic: docs in it, and how strongly, in doc order. */
    private final int[][] docs;
    private final float[][] strengths;
    /** Each paper's strongest topic, -1 when none. */
    private final int[] primary;

    /** @param titles, summaries doc {@code d}'s analyzed title and abstract at index {@code d} */
    DayTopics(TopicMatcher catalog, CandidatePaper[] papers, List<List<String>> titles, List<List<String>> summaries) {
        int n = papers.length;
        int topics = catalog.size();
        primary = new int[n];
        List<List<Integer>> docLists = new ArrayList<>();
        List<List<Float>> strengthLists = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            docLists.add(new ArrayList<>());
            strengthLists.add(new ArrayList<>());
        }
        for (int d = 0; d < n; d++) {
            List<String> title = titles.get(d);
            List<String> summary = summaries.get(d);
            Set<String> present = new HashSet<>(title);
            present.addAll(summary);
            primary[d] = -1;
            double best = 0;
            for (int t = 0; t < topics; t++) {
                double strength = catalog.strength(t, papers[d], title, summary, present);
                if (strength >= TopicMatcher.MIN_STRENGTH) {
                    docLists.get(t).add(d);
                    strengthLists.get(t).add((float) strength);
                    // The primary topic is the most specific strong one: fewer seed terms = broader, so
                    // prefer curated themes (listed after the broad arXiv categories) on ties.
                    if (strength > best || (strength == best && strength > 0)) {
                        best = strength;
                        primary[d] = t;
                    }
                }
            }
        }
        docs = new int[topics][];
        strengths = new float[topics][];
        for (int t = 0; t < topics; t++) {
            docs[t] = docLists.get(t).stream().mapToInt(Integer::intValue).toArray();
            strengths[t] = new float[docs[t].length];
            for (int i = 0; i < docs[t].length; i++) {
                strengths[t][i] = strengthLists.get(t).get(i);
            }
        }
    }

    /** The paper's strongest topic, -1 when it has none. */
    int primary(int doc) {
        return primary[doc];
    }

    boolean contains(int topic, int doc) {
        return Arrays.binarySearch(docs[topic], doc) >= 0;
    }

    /**
     * For every paper in one of the reader's topics: the strongest such strength into {@code strength}, and
     * which of the reader's topics it was (an index into {@code readerTopics}) into {@code which}.
     */
    void strongest(int[] readerTopics, float[] strength, byte[] which) {
        for (int ti = 0; ti < readerTopics.length; ti++) {
            int t = readerTopics[ti];
            int[] topicDocs = docs[t];
            float[] topicStrengths = strengths[t];
            for (int j = 0; j < topicDocs.length; j++) {
                if (topicStrengths[j] > strength[topicDocs[j]]) {
                    strength[topicDocs[j]] = topicStrengths[j];
                    which[topicDocs[j]] = (byte) ti;
                }
            }
        }
    }
}
