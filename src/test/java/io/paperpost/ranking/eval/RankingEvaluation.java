package io.paperpost.ranking.eval;

import io.paperpost.embedding.InterestEmbedder;
import io.paperpost.embedding.SentenceEmbedder;
import io.paperpost.ranking.CandidatePaper;
import io.paperpost.ranking.Fusion;
import io.paperpost.ranking.RankOptions;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.ranking.SemanticProfile;
import io.paperpost.ranking.SemanticVector;
import io.paperpost.ranking.eval.EvalData.Judged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Offline evaluation of the ranker against graded relevance judgments ({@link EvalData}).
 *
 * <p>Metrics per profile: nDCG@10 (gain {@code 2^grade - 1}, discount {@code log2(rank + 1)}, the ideal ranking
 * from all judged papers), P@5 (grade >= 1 counts) and MRR@10 (first paper of grade >= 1). Every method ranks the
 * whole corpus; the liked papers of a feedback profile are left out of every ranking.
 *
 * <p>Methods: the ranker as a reader with default settings gets it (words and meaning fused); the previous
 * ranker (the same code with no embeddings: words only); textbook BM25; embeddings alone; upvotes alone.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.paperpost.ranking.eval.RankingEvaluation [-Dexec.args=--show]} (docs/ranking.md).
 */
public final class RankingEvaluation {

    public static final int K = 10;

    /** One method's scores per profile. */
    public record MethodResult(String method, Map<String, Double> ndcg, Map<String, Double> p5,
            Map<String, Double> mrr) {

        public double meanNdcg(List<Judged> subset) {
            return mean(ndcg, subset);
        }

        public double meanP5(List<Judged> subset) {
            return mean(p5, subset);
        }

        public double meanMrr(List<Judged> subset) {
            return mean(mrr, subset);
        }

        private static double mean(Map<String, Double> values, List<Judged> subset) {
            return subset.stream().mapToDouble(j -> values.get(j.id())).average().orElse(0);
        }
    }

    private static final Map<String, List<CandidatePaper>> EMBEDDED = new HashMap<>();
    private static SentenceEmbedder embedder;
    private static InterestEmbedder interests;

    public final EvalData data;
    /** The papers with their embeddings. */
    public final List<CandidatePaper> papers;
    private final Map<String, CandidatePaper> byId = new HashMap<>();

    public RankingEvaluation(EvalData data) {
        this.data = data;
        this.papers = embedded(data);
        papers.forEach(p -> byId.put(p.id(), p));
    }

    private static synchronized List<CandidatePaper> embedded(EvalData data) {
        if (embedder == null) {
            embedder = new SentenceEmbedder();
            interests = new InterestEmbedder(embedder);
        }
        return EMBEDDED.computeIfAbsent(data.name(), n -> {
            List<String> texts = data.papers().stream()
                    .map(p -> SentenceEmbedder.paperText(p.title(), p.summary())).toList();
            List<SemanticVector> vectors = embedder.embedAll(texts);
            List<CandidatePaper> out = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                out.add(data.papers().get(i).withMeaning(vectors.get(i)));
            }
            return List.copyOf(out);
        });
    }

    // ------------------------------------------------------------------------------------------------ metrics

    public static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranking.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double precision(List<String> ranking, Map<String, Integer> grades, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (grades.getOrDefault(ranking.get(i), 0) >= 1) {
                hits++;
            }
        }
        return hits / (double) k;
    }

    public static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (grades.getOrDefault(ranking.get(i), 0) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public MethodResult evaluate(String name, List<Judged> profiles, Function<Judged, List<String>> method) {
        Map<String, Double> ndcg = new LinkedHashMap<>();
        Map<String, Double> p5 = new LinkedHashMap<>();
        Map<String, Double> mrr = new LinkedHashMap<>();
        for (Judged j : profiles) {
            Set<String> liked = Set.copyOf(j.liked());
            List<String> ranking = method.apply(j).stream().filter(id -> !liked.contains(id)).limit(K).toList();
            ndcg.put(j.id(), ndcg(ranking, j.grades(), K));
            p5.put(j.id(), precision(ranking, j.grades(), 5));
            mrr.put(j.id(), reciprocalRank(ranking, j.grades(), K));
        }
        return new MethodResult(name, ndcg, p5, mrr);
    }

    // ------------------------------------------------------------------------------------------------ methods

    /** The ranker with its fitted fusion, as a reader with default settings gets it. */
    public MethodResult ranker() {
        return ranker("ranker (words + meaning)", Fusion.FITTED, data.judged());
    }

    public MethodResult ranker(String name, Fusion fusion, List<Judged> profiles) {
        Ranker.DayIndex index = new Ranker(data.topics(), RankOptions.DEFAULTS.withFusion(fusion)).index(papers);
        return evaluate(name, profiles, j -> ids(index.rank(semanticProfile(j), K + j.liked().size())));
    }

    /** The ranker before semantic ranking: the same code given no embeddings. */
    public MethodResult previousRanker() {
        Ranker.DayIndex index = new Ranker(data.topics()).index(data.papers());
        return evaluate("previous ranker (words only)", data.judged(),
                j -> ids(index.rank(wordProfile(j), K + j.liked().size())));
    }

    /** How the application sees the judged reader, words only (what a feedback row gives: title and abstract). */
    public ReaderProfile wordProfile(Judged j) {
        List<String> likedTexts = j.liked().stream().map(id -> byId.get(id).title() + " " + byId.get(id).summary())
                .toList();
        return new ReaderProfile(j.topics(), j.interests(), j.followedAuthors(), ReaderProfile.DEFAULT_TREND_WEIGHT,
                Set.copyOf(j.liked())).withFeedback(likedTexts, List.of());
    }

    /** With the embedded interests and liked papers, as the digest builds it. */
    public ReaderProfile semanticProfile(Judged j) {
        List<SemanticProfile.RatedPaper> liked = j.liked().stream()
                .map(id -> new SemanticProfile.RatedPaper(byId.get(id).title(), byId.get(id).meaning())).toList();
        return wordProfile(j).withSemantic(new SemanticProfile(interests.aspects(j.interests()), liked, List.of()));
    }

    private static List<String> ids(List<RankedPaper> picks) {
        return picks.stream().map(p -> p.paper().id()).toList();
    }

    public MethodResult upvotesOnly() {
        List<String> order = papers.stream()
                .sorted(Comparator.comparingInt(CandidatePaper::upvotes).reversed().thenComparing(CandidatePaper::id))
                .map(CandidatePaper::id).toList();
        return evaluate("upvotes only", data.judged(), j -> order);
    }

    public MethodResult bm25() {
        Bm25 bm25 = new Bm25(papers);
        return evaluate("BM25 (title x2 + abstract)", data.judged(), j -> bm25.rank(j.interests()));
    }

    /**
     * Cosine of the whole interest text's embedding (no aspects) with each paper; a reader with no words ranks by
     * the liked papers' centroid; ties and the rest by upvotes.
     */
    public MethodResult embeddingsAlone() {
        return evaluate("embeddings alone (MiniLM cosine)", data.judged(), this::embeddingOrder);
    }

    /** Every paper by the cosine of the whole interest text's embedding (see {@link #embeddingsAlone()}). */
    public List<String> embeddingOrder(Judged j) {
        {
            SemanticVector query = null;
            if (j.interests().codePoints().anyMatch(Character::isLetter)) {
                query = embedder.embed(j.interests());
            } else if (!j.liked().isEmpty()) {
                query = SemanticVector.centroid(j.liked().stream().map(id -> byId.get(id).meaning()).toList());
            }
            if (query == null) {
                return byUpvotes();
            }
            SemanticVector q = query;
            Map<String, Double> cosine = new HashMap<>();
            papers.forEach(p -> cosine.put(p.id(), q.cosine(p.meaning())));
            return papers.stream().sorted(Comparator.comparingDouble((CandidatePaper p) -> -cosine.get(p.id()))
                    .thenComparing(CandidatePaper::id)).map(CandidatePaper::id).toList();
        }
    }

    private List<String> byUpvotes() {
        return papers.stream()
                .sorted(Comparator.comparingInt(CandidatePaper::upvotes).reversed().thenComparing(CandidatePaper::id))
                .map(CandidatePaper::id).toList();
    }

    /** The ranker and every baseline. */
    public List<MethodResult> all() {
        return List.of(ranker(), previousRanker(), bm25(), embeddingsAlone(), upvotesOnly());
    }

    // ------------------------------------------------------------------------------------------------ report

    public String report(List<MethodResult> results) {
        StringBuilder out = new StringBuilder();
        List<Judged> dev = data.dev();
        List<Judged> held = data.heldOut();
        out.append("Judgment set: ").append(data.name()).append(", ").append(papers.size()).append(" papers, ")
                .append(data.judged().size()).append(" profiles\n\n");
        out.append("| method | nDCG@10 held-out (").append(held.size()).append(") | P@5 held-out | MRR held-out ")
                .append("| nDCG@10 dev (").append(dev.size()).append(") | nDCG@10 all |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (MethodResult r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", r.method(),
                    r.meanNdcg(held), r.meanP5(held), r.meanMrr(held), r.meanNdcg(dev), r.meanNdcg(data.judged())));
        }
        Set<String> kinds = new java.util.TreeSet<>();
        data.judged().forEach(j -> kinds.add(j.kind()));
        out.append("\nnDCG@10 by kind of profile (all splits):\n\n| method |");
        kinds.forEach(k -> out.append(' ').append(k).append(" |"));
        out.append("\n| --- |");
        kinds.forEach(k -> out.append(" --- |"));
        out.append('\n');
        for (MethodResult r : results) {
            out.append("| ").append(r.method()).append(" |");
            for (String k : kinds) {
                out.append(String.format(Locale.ROOT, " %.3f |",
                        r.meanNdcg(data.judged().stream().filter(j -> j.kind().equals(k)).toList())));
            }
            out.append('\n');
        }
        out.append("\nPer profile, nDCG@10 / P@5 / MRR:\n\n| profile | split | relevant (2/1) |");
        results.forEach(r -> out.append(' ').append(r.method()).append(" |"));
        out.append("\n| --- | --- | --- |");
        results.forEach(r -> out.append(" --- |"));
        out.append('\n');
        for (Judged j : data.judged()) {
            long twos = j.grades().values().stream().filter(g -> g == 2).count();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d/%d |", j.id(), j.split(), twos,
                    j.grades().size() - twos));
            for (MethodResult r : results) {
                out.append(String.format(Locale.ROOT, " %.2f / %.1f / %.2f |", r.ndcg().get(j.id()),
                        r.p5().get(j.id()), r.mrr().get(j.id())));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static void main(String[] args) {
        for (EvalData data : List.of(EvalData.readers(), EvalData.tuners())) {
            RankingEvaluation eval = new RankingEvaluation(data);
            System.out.println(eval.report(eval.all()));
            if (args.length > 0 && args[0].equals("--show")) {
                eval.show(args.length > 1 ? args[1] : "dev");
            }
        }
    }

    /** Each profile's list with grades, reasons and parts (only the given split: look at dev while tuning). */
    private void show(String split) {
        Ranker.DayIndex index = new Ranker(data.topics()).index(papers);
        for (Judged j : data.judged()) {
            if (!j.split().equals(split)) {
                continue;
            }
            System.out.println("\n## " + j.id() + " \"" + j.interests() + "\" " + j.topics() + " "
                    + j.followedAuthors());
            for (RankedPaper p : index.rank(semanticProfile(j), K)) {
                System.out.printf(Locale.ROOT, "  [%d] %.3f %s | %s | %s%n",
                        j.grades().getOrDefault(p.paper().id(), 0), p.score(), p.paper().title(), p.reason(),
                        p.parts());
            }
        }
    }

    /** Textbook BM25 (k1 1.2, b 0.75) over the title twice and the abstract, with plural stemming only. */
    static final class Bm25 {
        private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
                "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their",
                "then", "there", "these", "they", "this", "to", "was", "will", "with", "s", "i", "me", "my", "we",
                "am", "do", "what", "which", "how", "papers", "paper");
        private final List<CandidatePaper> papers;
        private final List<Map<String, Integer>> tf = new ArrayList<>();
        private final int[] length;
        private final Map<String, Integer> df = new HashMap<>();
        private final double avgLength;

        Bm25(List<CandidatePaper> papers) {
            this.papers = papers;
            this.length = new int[papers.size()];
            long total = 0;
            for (int d = 0; d < papers.size(); d++) {
                List<String> words = new ArrayList<>(words(papers.get(d).title()));
                words.addAll(words(papers.get(d).title()));
                words.addAll(words(papers.get(d).summary()));
                Map<String, Integer> counts = new HashMap<>();
                words.forEach(w -> counts.merge(w, 1, Integer::sum));
                tf.add(counts);
                counts.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
                length[d] = words.size();
                total += words.size();
            }
            avgLength = total / (double) Math.max(1, papers.size());
        }

        List<String> rank(String query) {
            List<String> terms = words(query);
            double[] score = new double[papers.size()];
            int n = papers.size();
            for (String t : new HashSet<>(terms)) {
                int docs = df.getOrDefault(t, 0);
                if (docs == 0) {
                    continue;
                }
                double idf = Math.log(1 + (n - docs + 0.5) / (docs + 0.5));
                for (int d = 0; d < n; d++) {
                    Integer f = tf.get(d).get(t);
                    if (f != null) {
                        score[d] += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * length[d] / avgLength));
                    }
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                order.add(d);
            }
            order.sort((a, b) -> score[a] != score[b]
                    ? Double.compare(score[b], score[a])
                    : Integer.compare(papers.get(b).upvotes(), papers.get(a).upvotes()));
            return order.stream().map(d -> papers.get(d).id()).toList();
        }

        private static List<String> words(String text) {
            List<String> out = new ArrayList<>();
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.isEmpty() || STOP.contains(w)) {
                    continue;
                }
                out.add(plural(w));
            }
            return out;
        }

        /** English plural stripping, as Lucene's EnglishMinimalStemmer does. */
        private static String plural(String w) {
            if (w.length() < 3 || w.charAt(w.length() - 1) != 's') {
                return w;
            }
            if (w.endsWith("ies") && !w.endsWith("eies") && !w.endsWith("aies")) {
                return w.substring(0, w.length() - 3) + "y";
            }
            if (w.endsWith("es") && !w.endsWith("aes") && !w.endsWith("ees") && !w.endsWith("oes")) {
                return w.substring(0, w.length() - 1);
            }
            if (!w.endsWith("us") && !w.endsWith("ss")) {
                return w.substring(0, w.length() - 1);
            }
            return w;
        }
    }
}
