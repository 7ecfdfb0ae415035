package io.paperpost.ranking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a day's papers for many readers. Build it once per topic catalog, {@link #index} the day's candidates once
 * per run, then ask the index for each reader's picks (from any number of threads).
 *
 * <p>How a paper scores for a reader (details in {@code docs/ranking.md}):
 * <ul>
 *   <li><b>interest</b>: BM25F of the reader's free-text interests against title (weighted higher) and abstract,
 *       with Porter stemming and stop words, plus adjacent-word pairs (phrases) and curated acronym/synonym
 *       concepts ({@link Synonyms}), normalised to [0, 1] by what a perfect match would score;</li>
 *   <li><b>feedback</b>: Rocchio: the centroid of the liked papers' term vectors minus that of the disliked
 *       ones, scored like the interests;</li>
 *   <li><b>topic</b>: a chosen topic matches by category when the paper has categories, else by its seed terms;</li>
 *   <li><b>author</b>: a followed author is a strong boost;</li>
 *   <li><b>trend</b>: log-scaled upvotes, halved every {@link RankOptions#trendHalfLifeDays()} of age, mixed in
 *       with the reader's trend weight: {@code score = (1 - w) * personal + w * trend}.</li>
 * </ul>
 * The list is capped per primary topic, may end with one exploration pick, and falls back to trending papers
 * (marked {@link RankedPaper.Kind#TRENDING}, parts only {@code trend}) when nothing personal matches.
 */
public final class Ranker {

    /** The interest score is BM25 divided by this share of the query's maximal word-level BM25 score. */
    static final double INTEREST_SCALE = 0.5;
    /** Below this normalised interest score a paper does not count as matching the interests. */
    static final double MIN_INTEREST = 0.08;

    // personal score
    static final double INTEREST_WEIGHT = 1.0;
    static final double TOPIC_WEIGHT = 0.25;
    static final double AUTHOR_WEIGHT = 1.0;
    static final double FEEDBACK_WEIGHT = 0.6;

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final Synonyms synonyms = new Synonyms(analyzer);
    private final RankOptions options;
    private final List<Topic> topicList = new ArrayList<>();
    private final Map<String, Integer> topicIndex = new HashMap<>();
    /** Per topic: its seed phrases as stemmed term arrays. */
    private final List<List<String[]>> topicSeeds = new ArrayList<>();

    public Ranker(Collection<Topic> catalog) {
        this(catalog, RankOptions.DEFAULTS);
    }

    public Ranker(Collection<Topic> catalog, RankOptions options) {
        this.options = options == null ? RankOptions.DEFAULTS : options;
        for (Topic topic : catalog) {
            if (topicIndex.containsKey(topic.id())) {
                continue;
            }
            topicIndex.put(topic.id(), topicList.size());
            topicList.add(topic);
            List<String[]> seeds = new ArrayList<>();
            for (String seed : topic.seedTerms()) {
                List<String> terms = analyzer.terms(seed);
                if (!terms.isEmpty()) {
                    seeds.add(terms.toArray(String[]::new));
                }
            }
            topicSeeds.add(seeds);
        }
    }

    /**
     * Analyzes the day's papers once; trend ages count from the newest {@code publishedOn} among them (today when
     * none has a date). The returned index is immutable apart from thread-safe caches.
     */
    public DayIndex index(List<CandidatePaper> papers) {
        LocalDate newest = null;
        for (CandidatePaper paper : papers) {
            if (paper.publishedOn() != null && (newest == null || paper.publishedOn().isAfter(newest))) {
                newest = paper.publishedOn();
            }
        }
        return index(papers, newest == null ? LocalDate.now() : newest);
    }

    /** Like {@link #index(List)} with an explicit "today" for the trend's age discount. */
    public DayIndex index(List<CandidatePaper> papers, LocalDate today) {
        return new DayIndex(papers, today);
    }

    // ---------------------------------------------------------------------------------------------- analysis

    /** How strongly a paper's text carries a topic's seed terms: 1 in the title, 1/3 per abstract mention. */
    private double seedStrength(int topic, List<String> title, List<String> summary, Set<String> present) {
        double strength = 0;
        for (String[] seed : topicSeeds.get(topic)) {
            if (!present.contains(seed[0])) {
                continue;
            }
            if (contains(title, seed)) {
                return 1.0;
            }
            int hits = count(summary, seed);
            strength += hits * (seed.length > 1 ? 0.5 : 1 / 3.0);
        }
        return Math.min(1.0, strength);
    }

    private static boolean contains(List<String> terms, String[] phrase) {
        return count(terms, phrase) > 0;
    }

    private static int count(List<String> terms, String[] phrase) {
        int hits = 0;
        outer:
        for (int i = 0; i + phrase.length <= terms.size(); i++) {
            for (int j = 0; j < phrase.length; j++) {
                if (!terms.get(i + j).equals(phrase[j])) {
                    continue outer;
                }
            }
            hits++;
        }
        return hits;
    }

    /** Scratch arrays of one ranking thread, reused across readers. */
    private static final class Scratch {
        float[] interest = new float[0];
        float[] feedback = new float[0];
        float[] topic = new float[0];
        byte[] topicOf = new byte[0];
        boolean[] author = new boolean[0];
        boolean[] excluded = new boolean[0];

        void ensure(int n) {
            if (interest.length < n) {
                interest = new float[n];
                feedback = new float[n];
                topic = new float[n];
                topicOf = new byte[n];
                author = new boolean[n];
                excluded = new boolean[n];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The day's analyzed papers: an inverted index with precomputed BM25F impacts. Thread-safe. */
    public final class DayIndex {

        private final CandidatePaper[] papers;
        private final Map<String, Integer> docById = new HashMap<>();
        private final LocalDate today;
        private final TermIndex terms;
        /** Per topic: docs in it, and how strongly, in doc order. */
        private final int[][] topicDocs;
        private final float[][] topicStrengths;
        /** Each paper's strongest topic, -1 when none. */
        private final int[] primaryTopic;
        private final float[] trend;
        private final Map<String, int[]> docsByAuthor = new HashMap<>();
        /** Each paper's author names, normalised, in the paper's order. */
        private final String[][] normalizedAuthors;
        /** Docs ordered by trend, best first (ties: more upvotes, then id). */
        private final int[] byTrend;
        private final QueryParser queries;
        private final RocchioFeedback feedbackQueries;

        private DayIndex(List<CandidatePaper> input, LocalDate today) {
            this.today = today;
            List<CandidatePaper> unique = new ArrayList<>();
            for (CandidatePaper paper : input) {
                if (docById.putIfAbsent(paper.id(), 0) == null) {
                    unique.add(paper);
                }
            }
            // Doc numbers follow the ids, so "lower doc number" is "lower id": ties break by id everywhere.
            unique.sort((a, b) -> a.id().compareTo(b.id()));
            papers = unique.toArray(CandidatePaper[]::new);
            for (int d = 0; d < papers.length; d++) {
                docById.put(papers[d].id(), d);
            }
            int n = papers.length;

            // Analyze, collect field term counts and lengths.
            List<List<String>> titles = new ArrayList<>(n);
            List<List<String>> summaries = new ArrayList<>(n);
            int[] primary = new int[n];
            List<List<Integer>> topicDocList = new ArrayList<>();
            List<List<Float>> topicStrengthList = new ArrayList<>();
            for (int t = 0; t < topicList.size(); t++) {
                topicDocList.add(new ArrayList<>());
                topicStrengthList.add(new ArrayList<>());
            }
            for (int d = 0; d < n; d++) {
                CandidatePaper paper = papers[d];
                List<String> title = analyzer.terms(paper.title());
                List<String> summary = analyzer.terms(paper.summary());
                Set<String> present = new HashSet<>(title);
                present.addAll(summary);
                titles.add(title);
                summaries.add(summary);
                primary[d] = -1;
                double best = 0;
                for (int t = 0; t < topicList.size(); t++) {
                    Topic topic = topicList.get(t);
                    double strength;
                    if (!paper.categories().isEmpty()) {
                        strength = topic.categories().stream().anyMatch(paper.categories()::contains) ? 1.0 : 0.0;
                    } else {
                        strength = seedStrength(t, title, summary, present);
                    }
                    if (strength >= 0.5) {
                        topicDocList.get(t).add(d);
                        topicStrengthList.get(t).add((float) strength);
                        // The primary topic is the most specific strong one: fewer seed terms = broader, so
                        // prefer curated themes (listed after the broad arXiv categories) on ties.
                        if (strength > best || (strength == best && strength > 0)) {
                            best = strength;
                            primary[d] = t;
                        }
                    }
                }
                for (String author : paper.authors()) {
                    docsByAuthor.merge(AuthorNames.normalize(author), new int[] {d}, Ranker::concat);
                }
            }
            primaryTopic = primary;
            normalizedAuthors = new String[n][];
            for (int d = 0; d < n; d++) {
                normalizedAuthors[d] = papers[d].authors().stream().map(AuthorNames::normalize).toArray(String[]::new);
            }
            topicDocs = new int[topicList.size()][];
            topicStrengths = new float[topicList.size()][];
            for (int t = 0; t < topicList.size(); t++) {
                topicDocs[t] = topicDocList.get(t).stream().mapToInt(Integer::intValue).toArray();
                topicStrengths[t] = new float[topicDocs[t].length];
                for (int i = 0; i < topicDocs[t].length; i++) {
                    topicStrengths[t][i] = topicStrengthList.get(t).get(i);
                }
            }

            terms = new TermIndex(titles, summaries, synonyms);
            queries = new QueryParser(analyzer, synonyms, terms);
            feedbackQueries = new RocchioFeedback(analyzer, synonyms, terms);

            // Trend: log-scaled upvotes relative to the day's best, halved every half-life of age.
            trend = new float[n];
            int maxUpvotes = 0;
            for (CandidatePaper paper : papers) {
                maxUpvotes = Math.max(maxUpvotes, paper.upvotes());
            }
            double logMax = Math.log1p(maxUpvotes);
            for (int d = 0; d < n; d++) {
                if (logMax > 0 && papers[d].upvotes() > 0) {
                    double age = papers[d].publishedOn() == null ? 0
                            : Math.max(0, ChronoUnit.DAYS.between(papers[d].publishedOn(), today));
                    trend[d] = (float) (Math.log1p(papers[d].upvotes()) / logMax
                            * Math.pow(0.5, age / options.trendHalfLifeDays()));
                }
            }
            Integer[] order = new Integer[n];
            for (int d = 0; d < n; d++) {
                order[d] = d;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Float.compare(trend[b], trend[a]);
                if (c == 0) {
                    c = Integer.compare(papers[b].upvotes(), papers[a].upvotes());
                }
                return c != 0 ? c : papers[a].id().compareTo(papers[b].id());
            });
            byTrend = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }

        public int size() {
            return papers.length;
        }

        /** The "today" trend ages count from. */
        public LocalDate today() {
            return today;
        }

        // ------------------------------------------------------------------------------------------ ranking

        /** The reader's best {@code limit} papers, best first. */
        public List<RankedPaper> rank(ReaderProfile profile, int limit) {
            if (limit <= 0 || papers.length == 0) {
                return List.of();
            }
            int n = papers.length;
            Scratch s = SCRATCH.get();
            s.ensure(n);
            float[] interest = s.interest;
            float[] feedback = s.feedback;
            float[] topic = s.topic;
            byte[] topicOf = s.topicOf;
            boolean[] author = s.author;
            Arrays.fill(interest, 0, n, 0f);
            Arrays.fill(feedback, 0, n, 0f);
            Arrays.fill(topic, 0, n, 0f);
            Arrays.fill(author, 0, n, false);

            Query query = queries.parse(profile.interests());
            terms.accumulate(query, interest);
            double interestNorm = query.maxScore() * INTEREST_SCALE;
            Query fb = feedbackQueries.query(profile.likedTexts(), profile.dislikedTexts());
            terms.accumulate(fb, feedback);
            double feedbackNorm = Math.max(1e-9, fb.maxScore() * INTEREST_SCALE);

            int[] readerTopics = readerTopics(profile);
            for (int ti = 0; ti < readerTopics.length; ti++) {
                int t = readerTopics[ti];
                int[] docs = topicDocs[t];
                float[] strengths = topicStrengths[t];
                for (int j = 0; j < docs.length; j++) {
                    if (strengths[j] > topic[docs[j]]) {
                        topic[docs[j]] = strengths[j];
                        topicOf[docs[j]] = (byte) ti;
                    }
                }
            }
            Set<String> followed = profile.followedAuthors().isEmpty() ? Set.of() : new HashSet<>();
            for (String name : profile.followedAuthors()) {
                String normalized = AuthorNames.normalize(name);
                followed.add(normalized);
                int[] docs = docsByAuthor.get(normalized);
                if (docs != null) {
                    for (int d : docs) {
                        author[d] = true;
                    }
                }
            }
            // Readers who said something specific (interests, authors, feedback) get personal picks only for that;
            // topics then just boost. Readers who only chose topics get their topics' papers as personal picks.
            boolean specific = !profile.interests().isBlank() || !profile.followedAuthors().isEmpty()
                    || !profile.likedTexts().isEmpty() || !profile.dislikedTexts().isEmpty();

            // Score every paper; keep the best few in a small heap.
            int heapSize = Math.min(n, Math.max(limit * 4, limit + 20));
            boolean[] excluded = s.excluded;
            for (String id : profile.excludedPaperIds()) {
                Integer d = docById.get(id);
                if (d != null) {
                    excluded[d] = true;
                }
            }
            TopK top = scoreAll(n, heapSize, interest, interestNorm > 0 ? 1 / interestNorm : 0, feedback,
                    fb.isEmpty() ? 0 : 1 / feedbackNorm, topic, author, excluded, specific, profile.trendWeight());
            for (String id : profile.excludedPaperIds()) {
                Integer d = docById.get(id);
                if (d != null) {
                    excluded[d] = false;
                }
            }

            int[] ranked = top.sorted();
            List<RankedPaper> picks = new ArrayList<>(limit);
            if (ranked.length == 0) {
                return profile.onlyWhenMatches() ? List.of() : trending(profile, readerTopics, limit);
            }
            boolean explore = profile.exploration() && limit >= 3;
            int personalSlots = explore ? limit - 1 : limit;
            int cap = options.maxPerTopic() == 0 ? Integer.MAX_VALUE : options.maxPerTopic();
            int[] perTopic = new int[topicList.size()];
            List<Integer> deferred = new ArrayList<>();
            Set<Integer> chosenTopics = new HashSet<>();
            for (int d : ranked) {
                if (picks.size() == personalSlots) {
                    break;
                }
                int t = primaryTopic[d];
                if (t >= 0 && perTopic[t] >= cap) {
                    deferred.add(d);
                    continue;
                }
                if (t >= 0) {
                    perTopic[t]++;
                    chosenTopics.add(t);
                }
                picks.add(personal(d, profile, query, interestNorm, fb, feedbackNorm, readerTopics, s, followed));
            }
            for (int i = 0; i < deferred.size() && picks.size() < personalSlots; i++) {
                int d = deferred.get(i);
                picks.add(personal(d, profile, query, interestNorm, fb, feedbackNorm, readerTopics, s, followed));
            }
            picks.sort(BEST_FIRST);
            if (explore) {
                RankedPaper pick = exploration(profile, readerTopics, chosenTopics, picks, interest, interestNorm,
                        topic, author);
                if (pick != null) {
                    picks.add(pick);
                }
            }
            return List.copyOf(picks);
        }

        /** The hot loop, kept small so the JIT compiles it well. */
        private TopK scoreAll(int n, int heapSize, float[] interest, double interestScale, float[] feedback,
                              double feedbackScale, float[] topic, boolean[] author, boolean[] excluded,
                              boolean specific, double w) {
            TopK top = new TopK(heapSize);
            float[] trend = this.trend;
            if (feedbackScale == 0 && specific && !anyTrue(author, n) && interestScale > 0) {
                // Fast path for the common reader (interests, maybe topics): only interest matches qualify.
                float minRaw = (float) (MIN_INTEREST / interestScale);
                double a = (1 - w) * INTEREST_WEIGHT * interestScale;
                double t = (1 - w) * TOPIC_WEIGHT;
                for (int d = 0; d < n; d++) {
                    float raw = interest[d];
                    if (raw < minRaw || excluded[d]) {
                        continue;
                    }
                    double score = a * raw + t * topic[d] + w * trend[d];
                    if (top.size < heapSize || score > top.scores[0]) {
                        top.offer(d, score);
                    }
                }
                return top;
            }
            for (int d = 0; d < n; d++) {
                if (excluded[d]) {
                    continue;
                }
                double iScore = interest[d] * interestScale;
                double fScore = feedbackScale == 0 ? 0 : Math.max(-1, Math.min(1, feedback[d] * feedbackScale));
                if (iScore >= MIN_INTEREST || author[d] || fScore >= MIN_INTEREST || (!specific && topic[d] > 0)) {
                    double personal = INTEREST_WEIGHT * iScore + TOPIC_WEIGHT * topic[d]
                            + (author[d] ? AUTHOR_WEIGHT : 0) + FEEDBACK_WEIGHT * fScore;
                    top.offer(d, (1 - w) * personal + w * trend[d]);
                }
            }
            return top;
        }

        private static boolean anyTrue(boolean[] flags, int n) {
            for (int i = 0; i < n; i++) {
                if (flags[i]) {
                    return true;
                }
            }
            return false;
        }

        private int[] readerTopics(ReaderProfile profile) {
            int[] result = new int[profile.topics().size()];
            int k = 0;
            for (String id : profile.topics()) {
                Integer t = topicIndex.get(id);
                if (t != null) {
                    result[k++] = t;
                }
            }
            result = Arrays.copyOf(result, k);
            Arrays.sort(result);
            return result;
        }

        private RankedPaper personal(int d, ReaderProfile profile, Query query, double interestNorm, Query fb,
                                     double feedbackNorm, int[] readerTopics, Scratch s, Set<String> followed) {
            float[] topic = s.topic;
            byte[] topicOf = s.topicOf;
            boolean[] author = s.author;
            CandidatePaper paper = papers[d];
            Map<String, Double> parts = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>(4);
            double w = profile.trendWeight();
            if (author[d]) {
                parts.put("author", AUTHOR_WEIGHT);
                String name = followedAuthorOf(d, followed);
                reasons.add("by " + name + ", whom you follow");
            }
            double iScore = interestNorm > 0 ? s.interest[d] / interestNorm : 0;
            if (iScore > 0) {
                parts.put("interest", INTEREST_WEIGHT * iScore);
                if (iScore >= MIN_INTEREST) {
                    String phrase = matchedPhrase(d, query);
                    if (phrase != null) {
                        reasons.add(0, "matches your interest '" + phrase + "'");
                    }
                }
            }
            if (!fb.isEmpty()) {
                double fScore = Math.max(-1, Math.min(1, s.feedback[d] / feedbackNorm));
                if (fScore != 0) {
                    parts.put("feedback", FEEDBACK_WEIGHT * fScore);
                    if (fScore >= MIN_INTEREST) {
                        reasons.add("similar to papers you liked");
                    }
                }
            }
            if (topic[d] > 0) {
                parts.put("topic", TOPIC_WEIGHT * topic[d]);
                reasons.add("in your topic '" + topicList.get(readerTopics[topicOf[d]]).name() + "'");
            }
            double personal = parts.values().stream().mapToDouble(Double::doubleValue).sum();
            parts.replaceAll((k, v) -> v * (1 - w));
            parts.put("trend", w * trend[d]);
            if (paper.upvotes() > 0) {
                reasons.add(paper.upvotes() + " upvotes");
            }
            double score = (1 - w) * personal + w * trend[d];
            return new RankedPaper(paper, score, parts, String.join(" · ", reasons), RankedPaper.Kind.PERSONAL);
        }

        /** The reader's own words that matched best: a matched phrase if any, else up to three matched words. */
        private String matchedPhrase(int d, Query query) {
            String bestPhrase = null;
            double bestPhraseScore = 0;
            List<String> words = new ArrayList<>(3);
            for (int i = 0; i < query.terms().length; i++) {
                int term = query.terms()[i];
                String surface = query.surfaces()[i];
                if (surface == null || !terms.contains(term, d)) {
                    continue;
                }
                String key = terms.term(term);
                if (Terms.isPhrase(key) || Terms.isConcept(key)) {
                    double score = terms.idf(term) * surface.length();
                    if (score > bestPhraseScore) {
                        bestPhraseScore = score;
                        bestPhrase = surface;
                    }
                } else if (words.size() < 3 && terms.idf(term) > 1.0) {
                    words.add(surface);
                }
            }
            if (bestPhrase != null) {
                return bestPhrase;
            }
            return words.isEmpty() ? null : String.join(" ", words);
        }

        private String followedAuthorOf(int d, Set<String> followed) {
            List<String> authors = papers[d].authors();
            for (int i = 0; i < authors.size(); i++) {
                if (followed.contains(normalizedAuthors[d][i])) {
                    return authors.get(i);
                }
            }
            return authors.isEmpty() ? "an author" : authors.get(0);
        }

        /** One paper outside the reader's topics and the list's topics: the most trending one. */
        private RankedPaper exploration(ReaderProfile profile, int[] readerTopics, Set<Integer> chosenTopics,
                                        List<RankedPaper> picks, float[] interest, double interestNorm,
                                        float[] topic, boolean[] author) {
            Set<String> picked = new HashSet<>();
            picks.forEach(p -> picked.add(p.paper().id()));
            int fallback = -1;
            for (int d : byTrend) {
                if (topic[d] > 0 || author[d] || picked.contains(papers[d].id())
                        || profile.excludedPaperIds().contains(papers[d].id())
                        || (interestNorm > 0 && interest[d] / interestNorm >= MIN_INTEREST)) {
                    continue;
                }
                int t = primaryTopic[d];
                if (t >= 0 && !chosenTopics.contains(t) && Arrays.binarySearch(readerTopics, t) < 0) {
                    return explorationPick(d, t, profile);
                }
                if (fallback < 0 && t < 0) {
                    fallback = d;
                }
            }
            return fallback < 0 ? null : explorationPick(fallback, -1, profile);
        }

        private RankedPaper explorationPick(int d, int t, ReaderProfile profile) {
            CandidatePaper paper = papers[d];
            StringBuilder reason = new StringBuilder("outside your usual topics");
            if (t >= 0) {
                reason.append(" · ").append(topicList.get(t).name());
            }
            if (paper.upvotes() > 0) {
                reason.append(" · ").append(paper.upvotes()).append(" upvotes");
            }
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("exploration", 0.0);
            parts.put("trend", (double) trend[d]);
            return new RankedPaper(paper, trend[d], parts, reason.toString(), RankedPaper.Kind.EXPLORATION);
        }

        /** Nothing personal matched: the day's most trending papers in the reader's topics, then overall. */
        private List<RankedPaper> trending(ReaderProfile profile, int[] readerTopics, int limit) {
            List<RankedPaper> picks = new ArrayList<>(limit);
            Set<String> excluded = profile.excludedPaperIds();
            boolean[] taken = new boolean[papers.length];
            if (readerTopics.length > 0) {
                for (int d : byTrend) {
                    if (picks.size() == limit) {
                        break;
                    }
                    if (excluded.contains(papers[d].id())) {
                        continue;
                    }
                    for (int t : readerTopics) {
                        if (Arrays.binarySearch(topicDocs[t], d) >= 0) {
                            picks.add(trendingPick(d, "trending in " + topicList.get(t).name()));
                            taken[d] = true;
                            break;
                        }
                    }
                }
            }
            for (int d : byTrend) {
                if (picks.size() == limit) {
                    break;
                }
                if (!taken[d] && !excluded.contains(papers[d].id())) {
                    picks.add(trendingPick(d, "trending today"));
                }
            }
            return List.copyOf(picks);
        }

        private RankedPaper trendingPick(int d, String reason) {
            CandidatePaper paper = papers[d];
            String text = paper.upvotes() > 0 ? reason + " · " + paper.upvotes() + " upvotes" : reason;
            return new RankedPaper(paper, trend[d], Map.of("trend", (double) trend[d]), text,
                    RankedPaper.Kind.TRENDING);
        }
    }

    private static final java.util.Comparator<RankedPaper> BEST_FIRST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.paper().id().compareTo(b.paper().id());
    };

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
