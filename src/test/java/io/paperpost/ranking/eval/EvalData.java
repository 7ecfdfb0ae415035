package io.paperpost.ranking.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.ranking.CandidatePaper;
import io.paperpost.ranking.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A judgment set: papers, topics and judged reader profiles, read from test resources.
 *
 * <ul>
 *   <li>{@link #readers()}: 64 profiles by four independent judges over 651 papers (the 281 sample papers and 370
 *       arXiv listings), split dev / held-out before any tuning ({@code eval/reader-judgments.md});</li>
 *   <li>{@link #tuners()}: the first 20 profiles over the 281 sample papers, written by the people who tuned the
 *       word-based ranker (kept to show how much such a set flatters).</li>
 * </ul>
 */
public record EvalData(String name, List<CandidatePaper> papers, List<Topic> topics, List<Judged> judged) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One judged reader.
     *
     * @param kind   short, long, plain, author, feedback (or "tuners" for the first set)
     * @param liked  papers the reader liked (excluded from every method's ranking)
     * @param grades 2 = clearly wanted, 1 = related; every other paper is 0
     */
    public record Judged(String id, String kind, String interests, Set<String> topics, List<String> followedAuthors,
            List<String> liked, String split, Map<String, Integer> grades) {

        public boolean dev() {
            return split.equals("dev");
        }
    }

    public static EvalData readers() {
        return new EvalData("independent readers", loadPapers("/eval/papers.jsonl"),
                loadTopics(Path.of("config/topics.json")), loadJudged("/eval/reader-judgments.json"));
    }

    public static EvalData tuners() {
        return new EvalData("tuners' own", loadPapers("/demo/sample-papers.jsonl"),
                loadTopics(Path.of("config/topics.json")), loadJudged("/eval/judgments.json"));
    }

    public List<Judged> dev() {
        return judged.stream().filter(Judged::dev).toList();
    }

    public List<Judged> heldOut() {
        return judged.stream().filter(j -> !j.dev()).toList();
    }

    public static List<CandidatePaper> loadPapers(String resource) {
        List<CandidatePaper> papers = new ArrayList<>();
        for (String line : resourceText(resource).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                papers.add(new CandidatePaper(n.get("key").asText(), n.get("title").asText(),
                        n.path("summary").asText(""), strings(n.get("authors")), new HashSet<>(strings(n.get(
                                "categories"))),
                        n.path("upvotes").asInt(0),
                        n.hasNonNull("publishedAt") ? LocalDate.parse(n.get("publishedAt").asText()) : null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    static List<Judged> loadJudged(String resource) {
        try {
            JsonNode root = JSON.readTree(resourceText(resource));
            List<Judged> judged = new ArrayList<>();
            for (JsonNode p : root.get("profiles")) {
                Map<String, Integer> grades = new LinkedHashMap<>();
                p.get("grades").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
                judged.add(new Judged(p.get("id").asText(), p.path("kind").asText("tuners"),
                        p.get("interests").asText(), new HashSet<>(strings(p.get("topics"))),
                        strings(p.get("followedAuthors")), strings(p.get("liked")), p.path("split").asText("dev"),
                        grades));
            }
            return judged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceText(String resource) {
        try (InputStream in = EvalData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
}
