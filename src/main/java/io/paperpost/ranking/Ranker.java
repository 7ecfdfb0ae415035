package io.paperpost.ranking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 *
 * <p>This class only wires the parts together: an {@link AnalyzedDay} ({@link TermIndex}, {@link DayTopics},
 * {@link AuthorIndex}, {@link DayTrend}) read by {@link Scorer} (with {@link QueryParser} and
 * {@link RocchioFeedback}) and {@link PickAssembler}.
 */
public final class Ranker {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final Synonyms synonyms = new Synonyms(analyzer);
    private final RankOptions options;
    private final TopicMatcher topics;

    public Ranker(Collection<Topic> catalog) {
        this(catalog, RankOptions.DEFAULTS);
    }

    public Ranker(Collection<Topic> catalog, RankOptions options) {
        this.options = options == null ? RankOptions.DEFAULTS : options;
        this.topics = new TopicMatcher(catalog, analyzer);
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

    /** The day's analyzed papers. Thread-safe. */
    public final class DayIndex {

        private final CandidatePaper[] papers;
        private final LocalDate today;
        private final Scorer scorer;
        private final PickAssembler assembler;
        private final DayFilters filters;

        private DayIndex(List<CandidatePaper> input, LocalDate today) {
            this.today = today;
            Map<String, Integer> docById = new HashMap<>();
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

            List<List<String>> titles = new ArrayList<>(papers.length);
            List<List<String>> summaries = new ArrayList<>(papers.length);
            for (CandidatePaper paper : papers) {
                titles.add(analyzer.terms(paper.title()));
                summaries.add(analyzer.terms(paper.summary()));
            }
            TermIndex terms = new TermIndex(titles, summaries, synonyms);
            AnalyzedDay day = new AnalyzedDay(papers, docById, terms, topics,
                    new DayTopics(topics, papers, titles, summaries), new AuthorIndex(papers),
                    new DayTrend(papers, today, options.trendHalfLifeDays()), new DaySemantics(papers));
            scorer = new Scorer(day, new QueryParser(analyzer, synonyms, terms),
                    new RocchioFeedback(analyzer, synonyms, terms), options.fusion());
            assembler = new PickAssembler(day, options.maxPerTopic(), options.fusion());
            filters = new DayFilters(day, analyzer);
        }

        public int size() {
            return papers.length;
        }

        /** The "today" trend ages count from. */
        public LocalDate today() {
            return today;
        }

        /** The reader's best {@code limit} papers, best first. */
        public List<RankedPaper> rank(ReaderProfile profile, int limit) {
            if (limit <= 0 || papers.length == 0) {
                return List.of();
            }
            Set<String> blocked = filters.blockedIds(profile.filters());
            if (!blocked.isEmpty()) {
                Set<String> excluded = new HashSet<>(profile.excludedPaperIds());
                excluded.addAll(blocked);
                profile = profile.withExcluded(excluded);
            }
            ReaderScores scores = ReaderScores.forThisThread(papers.length);
            scorer.score(profile, scores);
            int[] ranked = scorer.best(profile, scores, limit);
            return assembler.picks(profile, limit, scores, ranked);
        }
    }
}
