package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topic catalog, numbered in catalog order (first of each id wins), and how strongly a paper belongs to a
 * topic: by category when the paper has categories, else by the topic's seed terms. Immutable.
 */
final class TopicMatcher {

    /** A paper is in a topic from this strength on. */
    static final double MIN_STRENGTH = 0.5;

    private final List<Topic> topics = new ArrayList<>();
    private final Map<String, Integer> numberById = new HashMap<>();
    /** Per topic: its seed phrases as stemmed term arrays. */
    private final List<List<String[]>> seeds = new ArrayList<>();

    TopicMatcher(Collection<Topic> catalog, TextAnalyzer analyzer) {
        for (Topic topic : catalog) {
            if (numberById.containsKey(topic.id())) {
                continue;
            }
            numberById.put(topic.id(), topics.size());
            topics.add(topic);
            List<String[]> topicSeeds = new ArrayList<>();
            for (String seed : topic.seedTerms()) {
                List<String> terms = analyzer.terms(seed);
                if (!terms.isEmpty()) {
                    topicSeeds.add(terms.toArray(String[]::new));
                }
            }
            seeds.add(topicSeeds);
        }
    }

    int size() {
        return topics.size();
    }

    String id(int topic) {
        return topics.get(topic).id();
    }

    String name(int topic) {
        return topics.get(topic).name();
    }

    /** The numbers of those of the ids that the catalog has, ascending. */
    int[] numbers(Set<String> ids) {
        int[] result = new int[ids.size()];
        int k = 0;
        for (String id : ids) {
            Integer t = numberById.get(id);
            if (t != null) {
                result[k++] = t;
            }
        }
        result = Arrays.copyOf(result, k);
        Arrays.sort(result);
        return result;
    }

    /**
     * How strongly the paper belongs to the topic, 0 to 1.
     *
     * @param present all terms of title and summary, to skip seeds quickly
     */
    double strength(int topic, CandidatePaper paper, List<String> title, List<String> summary, Set<String> present) {
        if (!paper.categories().isEmpty()) {
            return topics.get(topic).categories().stream().anyMatch(paper.categories()::contains) ? 1.0 : 0.0;
        }
        return seedStrength(topic, title, summary, present);
    }

    /** How strongly a paper's text carries a topic's seed terms: 1 in the title, 1/3 per abstract mention. */
    private double seedStrength(int topic, List<String> title, List<String> summary, Set<String> present) {
        double strength = 0;
        for (String[] seed : seeds.get(topic)) {
            if (!present.contains(seed[0])) {
                continue;
            }
            if (count(title, seed) > 0) {
                return 1.0;
            }
            int hits = count(summary, seed);
            strength += hits * (seed.length > 1 ? 0.5 : 1 / 3.0);
        }
        return Math.min(1.0, strength);
    }

    private static int count(List<String> terms, String[] phrase) {
        int hits = 0;
        outer : for (int i = 0; i + phrase.length <= terms.size(); i++) {
            for (int j = 0; j < phrase.length; j++) {
                if (!terms.get(i + j).equals(phrase[j])) {
                    continue outer;
                }
            }
            hits++;
        }
        return hits;
    }
}
