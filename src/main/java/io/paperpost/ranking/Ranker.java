package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.text.Normalizer;

/**
 * Ranks a day's papers for many readers. Build it once per topic catalog, {@link #index} the day's
 * candidates once per run, then ask the index for each reader's picks.
 *
 * <p>First ranking: a paper scores for the reader's topics it matches (by category, else by the topic's
 * seed terms), for the reader's interest words it contains (title words count double), for followed
 * authors, and for community upvotes weighted by the reader's trend setting. Papers that match nothing
 * personal are left out, unless nothing matches at all: then the day's most upvoted papers are sent,
 * marked as trending.
 */
public final class Ranker {

    static final double AUTHOR_WEIGHT = 4.0;
    static final double TOPIC_WEIGHT = 2.0;
    static final double INTEREST_WEIGHT = 1.0;
    static final double TITLE_BONUS = 1.0;

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> topicSeedTerms = new HashMap<>();

    public Ranker(Collection<Topic> catalog) {
        for (Topic topic : catalog) {
            topics.put(topic.id(), topic);
            List<List<String>> seeds = new ArrayList<>();
            for (String seed : topic.seedTerms()) {
                List<String> terms = analyzer.terms(seed);
                if (!terms.isEmpty()) {
                    seeds.add(terms);
                }
            }
            topicSeedTerms.put(topic.id(), seeds);
        }
    }

    /** Analyzes the day's papers once; the returned index is immutable and safe to share between threads. */
    public DayIndex index(List<CandidatePaper> papers) {
        List<IndexedPaper> indexed = new ArrayList<>(papers.size());
        int maxUpvotes = 0;
        for (CandidatePaper paper : papers) {
            Set<String> titleTerms = new HashSet<>(analyzer.terms(paper.title()));
            Set<String> allTerms = new HashSet<>(titleTerms);
            allTerms.addAll(analyzer.terms(paper.summary()));
            Set<String> matchedTopics = new HashSet<>();
            for (Topic topic : topics.values()) {
                if (matchesTopic(topic, paper, allTerms)) {
                    matchedTopics.add(topic.id());
                }
            }
            Set<String> authors = new HashSet<>();
            for (String author : paper.authors()) {
                authors.add(normalizeName(author));
            }
            indexed.add(new IndexedPaper(paper, titleTerms, allTerms, matchedTopics, authors));
            maxUpvotes = Math.max(maxUpvotes, paper.upvotes());
        }
        return new DayIndex(indexed, maxUpvotes);
    }

    private boolean matchesTopic(Topic topic, CandidatePaper paper, Set<String> paperTerms) {
        if (!paper.categories().isEmpty()) {
            return topic.categories().stream().anyMatch(paper.categories()::contains);
        }
        return topicSeedTerms.get(topic.id()).stream().anyMatch(paperTerms::containsAll);
    }

    /** Lower-case, accents removed, single spaces: "José  García" and "jose garcia" are the same author. */
    public static String normalizeName(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private record IndexedPaper(CandidatePaper paper, Set<String> titleTerms, Set<String> allTerms,
                                Set<String> topics, Set<String> authors) {
    }

    /** The day's analyzed papers. */
    public final class DayIndex {

        private final List<IndexedPaper> papers;
        private final double logMaxUpvotes;

        private DayIndex(List<IndexedPaper> papers, int maxUpvotes) {
            this.papers = papers;
            this.logMaxUpvotes = Math.log1p(maxUpvotes);
        }

        public int size() {
            return papers.size();
        }

        /** The reader's best {@code limit} papers, best first. */
        public List<RankedPaper> rank(ReaderProfile profile, int limit) {
            List<String> interestTerms = analyzer.terms(profile.interests()).stream().distinct().toList();
            Set<String> followed = new HashSet<>();
            profile.followedAuthors().forEach(name -> followed.add(normalizeName(name)));

            List<RankedPaper> personal = new ArrayList<>();
            List<RankedPaper> trending = new ArrayList<>();
            for (IndexedPaper candidate : papers) {
                if (profile.excludedPaperIds().contains(candidate.paper().id())) {
                    continue;
                }
                Map<String, Double> parts = new LinkedHashMap<>();
                List<String> reasons = new ArrayList<>();

                List<String> authorHits = candidate.paper().authors().stream()
                        .filter(author -> followed.contains(normalizeName(author))).toList();
                if (!authorHits.isEmpty()) {
                    parts.put("author", AUTHOR_WEIGHT * authorHits.size());
                    reasons.add("by " + authorHits.get(0) + ", whom you follow");
                }
                List<String> topicHits = profile.topics().stream().filter(candidate.topics()::contains).sorted().toList();
                if (!topicHits.isEmpty()) {
                    parts.put("topic", TOPIC_WEIGHT * topicHits.size());
                    reasons.add("in your topic '" + topicName(topicHits.get(0)) + "'");
                }
                double interest = 0;
                List<String> interestHits = new ArrayList<>();
                for (String term : interestTerms) {
                    if (candidate.allTerms().contains(term)) {
                        interest += INTEREST_WEIGHT + (candidate.titleTerms().contains(term) ? TITLE_BONUS : 0);
                        interestHits.add(term);
                    }
                }
                if (interest > 0) {
                    parts.put("interest", interest);
                    reasons.add("matches your interests (" + String.join(", ", interestHits.subList(0, Math.min(3, interestHits.size()))) + ")");
                }
                double trend = trendScore(candidate.paper().upvotes());
                int upvotes = candidate.paper().upvotes();
                if (parts.isEmpty()) {
                    parts.put("trend", trend);
                    trending.add(new RankedPaper(candidate.paper(), trend, parts, trendingReason(upvotes)));
                    continue;
                }
                double personalScore = parts.values().stream().mapToDouble(Double::doubleValue).sum();
                // The trend setting moves weight between what matched personally and what the community upvoted.
                parts.put("trend", trend * profile.trendWeight() * 4);
                double score = personalScore * (1 - profile.trendWeight()) + trend * profile.trendWeight() * 4;
                if (upvotes > 0) {
                    reasons.add(upvotes + " upvotes");
                }
                personal.add(new RankedPaper(candidate.paper(), score, parts, String.join(" · ", reasons)));
            }
            List<RankedPaper> picks = personal.isEmpty() ? trending : personal;
            picks.sort(Comparator.comparingDouble(RankedPaper::score).reversed()
                    .thenComparing(p -> p.paper().upvotes(), Comparator.reverseOrder())
                    .thenComparing(p -> p.paper().id()));
            return List.copyOf(picks.subList(0, Math.min(limit, picks.size())));
        }

        private double trendScore(int upvotes) {
            return logMaxUpvotes == 0 ? 0 : Math.log1p(upvotes) / logMaxUpvotes;
        }

        private String trendingReason(int upvotes) {
            return upvotes > 0 ? "trending today · " + upvotes + " upvotes" : "new today";
        }

        private String topicName(String topicId) {
            Topic topic = topics.get(topicId);
            return topic == null ? topicId : topic.name();
        }
    }
}
