package io.paperpost.ranking.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.ranking.CandidatePaper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.ranking.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Offline evaluation of the ranker against hand-made relevance judgments
 * ({@code src/test/resources/eval/judgments.json}) over the 281 sample papers.
 *
 * <p>Metrics: nDCG@10 with gain {@code 2^grade - 1} and discount {@code log2(rank + 1)}, the ideal ranking taken
 * from all judged papers; precision@5 counting grade >= 1 as relevant. Every method ranks the full sample.
 *
 * <p>Run from the command line: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.paperpost.ranking.eval.RankingEvaluation} (see docs/ranking.md).
 */
public final class RankingEvaluation {

    public static final int K = 10;

    public record Judged(String id, String interests, Set<String> topics, String split, Map<String, Integer> grades) {
    }

    /** One method's scores per profile. */
    public record MethodResult(String method, Map<String, Double> ndcg, Map<String, Double> p5) {
        public double meanNdcg() {
            return ndcg.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        public double meanP5() {
            return p5.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        public double meanNdcg(List<Judged> subset) {
            return subset.stream().mapToDouble(j -> ndcg.get(j.id())).average().orElse(0);
        }

        public double meanP5(List<Judged> subset) {
            return subset.stream().mapToDouble(j -> p5.get(j.id())).average().orElse(0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with", "s");

    public final List<CandidatePaper> papers;
    public final List<Topic> topics;
    public final List<Judged> judged;

    public RankingEvaluation() {
        this.papers = loadPapers();
        this.topics = loadTopics(Path.of("config/topics.json"));
        this.judged = loadJudgments();
    }

    // ------------------------------------------------------------------------------------------------ loading

    public static List<CandidatePaper> loadPapers() {
        List<CandidatePaper> papers = new ArrayList<>();
        try (InputStream in = RankingEvaluation.class.getResourceAsStream("/demo/sample-papers.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("demo/sample-papers.jsonl not on the class path");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                papers.add(new CandidatePaper(n.get("key").asText(), n.get("title").asText(),
                        n.path("summary").asText(""), List.of(), Set.of(), n.path("upvotes").asInt(0),
                        n.hasNonNull("publishedAt") ? LocalDate.parse(n.get("publishedAt").asText()) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return papers;
    }

    public static List<Topic> loadTopics(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            List<Topic> topics = new ArrayList<>();
            for (JsonNode t : root.get("topics")) {
                topics.add(new Topic(t.get("id").asText(), t.get("name").asText(), t.path("description").asText(""),
                        strings(t.get("categories")), strings(t.get("seedTerms"))));
            }
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    public static List<Judged> loadJudgments() {
        try (InputStream in = RankingEvaluation.class.getResourceAsStream("/eval/judgments.json")) {
            JsonNode root = JSON.readTree(in);
            List<Judged> judged = new ArrayList<>();
            for (JsonNode p : root.get("profiles")) {
                Map<String, Integer> grades = new LinkedHashMap<>();
                p.get("grades").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
                judged.add(new Judged(p.get("id").asText(), p.get("interests").asText(),
                        new HashSet<>(strings(p.get("topics"))), p.path("split").asText("dev"), grades));
            }
            return judged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public MethodResult evaluate(String name, Function<Judged, List<String>> method) {
        Map<String, Double> ndcg = new LinkedHashMap<>();
        Map<String, Double> p5 = new LinkedHashMap<>();
        for (Judged j : judged) {
            List<String> ranking = method.apply(j);
            ndcg.put(j.id(), ndcg(ranking, j.grades(), K));
            p5.put(j.id(), precision(ranking, j.grades(), 5));
        }
        return new MethodResult(name, ndcg, p5);
    }

    // ------------------------------------------------------------------------------------------------ methods

    /** The ranker as a reader with default settings gets it (trend weight 0.3, exploration pick on). */
    public MethodResult ranker() {
        return ranker("ranker (default reader settings)", Function.identity());
    }

    public MethodResult ranker(String name, Function<ReaderProfile, ReaderProfile> adjust) {
        Ranker.DayIndex index = new Ranker(topics).index(papers);
        return evaluate(name, j -> ids(index.rank(adjust.apply(profile(j)), K)));
    }

    public static ReaderProfile profile(Judged j) {
        return new ReaderProfile(j.topics(), j.interests(), List.of(), ReaderProfile.DEFAULT_TREND_WEIGHT, Set.of());
    }

    private static List<String> ids(List<RankedPaper> picks) {
        return picks.stream().map(p -> p.paper().id()).toList();
    }

    public MethodResult upvotesOnly() {
        List<String> order = papers.stream()
                .sorted(Comparator.comparingInt(CandidatePaper::upvotes).reversed().thenComparing(CandidatePaper::id))
                .map(CandidatePaper::id).toList();
        return evaluate("upvotes only", j -> order.subList(0, K));
    }

    public MethodResult newestFirst() {
        List<String> order = papers.stream()
                .sorted(Comparator
                        .comparing(CandidatePaper::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(CandidatePaper::id))
                .map(CandidatePaper::id).toList();
        return evaluate("newest first", j -> order.subList(0, K));
    }

    /** Distinct interest words (lower case, no stop words, no stemming) found in the title; ties by upvotes, id. */
    public MethodResult titleOverlap() {
        return evaluate("title keyword overlap", j -> {
            Set<String> words = words(j.interests());
            return papers.stream()
                    .sorted(Comparator.comparingInt((CandidatePaper p) -> overlap(words, p.title())).reversed()
                            .thenComparing(Comparator.comparingInt(CandidatePaper::upvotes).reversed())
                            .thenComparing(CandidatePaper::id))
                    .limit(K).map(CandidatePaper::id).toList();
        });
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static int overlap(Set<String> words, String title) {
        Set<String> titleWords = words(title);
        titleWords.retainAll(words);
        return titleWords.size();
    }

    // ------------------------------------------------------------------------------------------------ report

    public List<MethodResult> all() {
        List<MethodResult> results = new ArrayList<>();
        results.add(ranker());
        results.add(ranker("ranker, trend weight 0, no exploration pick",
                p -> p.withTrendWeight(0).withExploration(false)));
        results.add(upvotesOnly());
        results.add(newestFirst());
        results.add(titleOverlap());
        return results;
    }

    public String report(List<MethodResult> results) {
        StringBuilder out = new StringBuilder();
        List<Judged> dev = judged.stream().filter(j -> j.split().equals("dev")).toList();
        List<Judged> held = judged.stream().filter(j -> !j.split().equals("dev")).toList();
        out.append("| method | nDCG@10 | P@5 | nDCG@10 dev (").append(dev.size()).append(") | nDCG@10 held-out (")
                .append(held.size()).append(") |\n| --- | --- | --- | --- | --- |\n");
        for (MethodResult r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", r.method(), r.meanNdcg(),
                    r.meanP5(), r.meanNdcg(dev), r.meanNdcg(held)));
        }
        out.append("\nPer profile, nDCG@10 / P@5:\n\n| profile | split | relevant (2/1) |");
        for (MethodResult r : results) {
            out.append(' ').append(r.method()).append(" |");
        }
        out.append("\n| --- | --- | --- |");
        results.forEach(r -> out.append(" --- |"));
        out.append('\n');
        for (Judged j : judged) {
            long twos = j.grades().values().stream().filter(g -> g == 2).count();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d/%d |", j.id(), j.split(), twos,
                    j.grades().size() - twos));
            for (MethodResult r : results) {
                out.append(String.format(Locale.ROOT, " %.2f / %.1f |", r.ndcg().get(j.id()), r.p5().get(j.id())));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static void main(String[] args) {
        RankingEvaluation eval = new RankingEvaluation();
        System.out.println(eval.report(eval.all()));
        if (args.length > 0 && args[0].equals("--show")) {
            Ranker.DayIndex index = new Ranker(eval.topics).index(eval.papers);
            for (Judged j : eval.judged) {
                System.out.println("\n## " + j.id() + " \"" + j.interests() + "\" " + j.topics());
                for (RankedPaper p : index.rank(profile(j), K)) {
                    System.out.printf(Locale.ROOT, "  [%d] %.3f %s | %s | %s%n",
                            j.grades().getOrDefault(p.paper().id(), 0),
                            p.score(), p.paper().title(), p.reason(), p.parts());
                }
            }
        }
    }
}
