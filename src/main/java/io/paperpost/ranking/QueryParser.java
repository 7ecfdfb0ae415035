package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a reader's free-text interests into a {@link Query} against one day's {@link TermIndex}: stemmed words,
 * adjacent-word pairs (phrases) and concepts, each with the reader's own words to quote back in the reason.
 * Thread-safe.
 */
final class QueryParser {

    /** Query weight of an adjacent-word pair relative to a single word. */
    static final double PHRASE_WEIGHT = 0.6;
    /** Query weight of a synonym/acronym concept relative to a single word. */
    static final double CONCEPT_WEIGHT = 0.8;

    /** Query words too generic to carry a reader's interest. */
    private static final Set<String> QUERY_STOP = Set.of("interest", "paper", "research", "work", "especi", "like",
            "particular", "new", "method", "approach", "studi", "topic", "area", "field", "anyth", "thing",
            "etc", "e.g", "i.e", "also", "want", "i'm", "im", "i");

    /** Phrases do not reach across clauses. */
    private static final Pattern CLAUSE_SPLIT = Pattern.compile("[;\\n]+");

    private final TextAnalyzer analyzer;
    private final Synonyms synonyms;
    private final TermIndex index;
    private final TextCache<Query> cache = new TextCache<>();

    QueryParser(TextAnalyzer analyzer, Synonyms synonyms, TermIndex index) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
        this.index = index;
    }

    /**
     * The analyzed interest text, shared by all readers who typed the same text (ignoring case and outer
     * spaces; the quoted words are those of the first such reader).
     */
    Query parse(String interests) {
        String key = interests.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return Query.EMPTY;
        }
        Query cached = cache.get(key);
        if (cached == null) {
            cached = analyze(interests);
            cache.put(key, cached);
        }
        return cached;
    }

    private Query analyze(String interests) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, String> surfaces = new HashMap<>();
        for (String clause : CLAUSE_SPLIT.split(interests)) {
            List<TextAnalyzer.Token> tokens = new ArrayList<>();
            for (TextAnalyzer.Token token : analyzer.tokens(clause)) {
                if (!QUERY_STOP.contains(token.term())) {
                    tokens.add(token);
                }
            }
            List<String> words = tokens.stream().map(TextAnalyzer.Token::term).toList();
            for (int i = 0; i < tokens.size(); i++) {
                TextAnalyzer.Token token = tokens.get(i);
                weights.merge(token.term(), 1.0, Double::sum);
                surfaces.putIfAbsent(token.term(), clause.substring(token.start(), token.end()));
                if (i > 0) {
                    String pair = Terms.pair(words.get(i - 1), token.term());
                    weights.merge(pair, PHRASE_WEIGHT, Double::sum);
                    surfaces.putIfAbsent(pair, clause.substring(tokens.get(i - 1).start(), token.end()));
                }
            }
            for (Synonyms.Match match : synonyms.find(words, false)) {
                weights.merge(match.concept(), CONCEPT_WEIGHT, Double::sum);
                surfaces.putIfAbsent(match.concept(),
                        clause.substring(tokens.get(match.first()).start(), tokens.get(match.last()).end()));
            }
        }
        return toQuery(weights, surfaces);
    }

    private Query toQuery(Map<String, Double> weights, Map<String, String> surfaces) {
        List<Integer> ids = new ArrayList<>();
        List<Float> ws = new ArrayList<>();
        List<String> ss = new ArrayList<>();
        double max = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            int id = index.id(e.getKey());
            double w = e.getValue();
            if (!Terms.isPhrase(e.getKey()) && !Terms.isConcept(e.getKey())) {
                // Unknown words still count in the maximum: a reader's interest the day does not cover at all
                // must not make a half match look perfect.
                double termIdf = id < 0 ? index.unknownIdf() : index.idf(id);
                if (w > 0) {
                    max += w * termIdf * (TermIndex.K1 + 1);
                }
            }
            if (id >= 0) {
                ids.add(id);
                ws.add((float) w);
                ss.add(surfaces.get(e.getKey()));
            }
        }
        int[] idArray = ids.stream().mapToInt(Integer::intValue).toArray();
        float[] wArray = new float[ws.size()];
        for (int i = 0; i < wArray.length; i++) {
            wArray[i] = ws.get(i);
        }
        return new Query(idArray, wArray, max, ss.toArray(String[]::new));
    }
}
