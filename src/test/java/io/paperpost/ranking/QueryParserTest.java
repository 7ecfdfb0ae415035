package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    final TextAnalyzer analyzer = new TextAnalyzer();
    final Synonyms synonyms = new Synonyms(analyzer);
    final TermIndex index = new TermIndex(
            List.of(analyzer.terms("Speech enhancement for calls"), analyzer.terms("An LLM for tables"),
                    analyzer.terms("Robot policies")),
            List.of(analyzer.terms("Noisy rooms."), analyzer.terms("Tabular data research."),
                    analyzer.terms("Diffusion models.")),
            synonyms);
    final QueryParser parser = new QueryParser(analyzer, synonyms, index);

    /** The query's terms with their weights, in query order. */
    Map<String, Float> weights(Query query) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (int i = 0; i < query.terms().length; i++) {
            weights.put(index.term(query.terms()[i]), query.weights()[i]);
        }
        return weights;
    }

    String surface(Query query, String term) {
        for (int i = 0; i < query.terms().length; i++) {
            if (index.term(query.terms()[i]).equals(term)) {
                return query.surfaces()[i];
            }
        }
        return null;
    }

    @Test
    void wordsWeighOneAndAdjacentPairsLess() {
        Map<String, Float> weights = weights(parser.parse("noisy rooms"));
        assertEquals(Map.of("noisi", 1f, "room", 1f, "noisi room", (float) QueryParser.PHRASE_WEIGHT), weights);
    }

    @Test
    void fillerWordsAReaderTypesAreDropped() {
        Query query = parser.parse("I'm interested in new research papers on noisy rooms");
        assertEquals(List.of("noisi", "room", "noisi room"), List.copyOf(weights(query).keySet()));
    }

    @Test
    void phrasesDoNotReachAcrossClauses() {
        assertFalse(weights(parser.parse("speech; enhancement")).containsKey("speech enhanc"));
        assertFalse(weights(parser.parse("speech\nenhancement")).containsKey("speech enhanc"));
    }

    @Test
    void acronymsBecomeConcepts() {
        Query query = parser.parse("large language models");
        assertEquals((float) QueryParser.CONCEPT_WEIGHT, weights(query).get("~llm"));
        assertEquals("large language models", surface(query, "~llm"));
    }

    @Test
    void surfacesQuoteTheReadersOwnWords() {
        Query query = parser.parse("Speech Enhancement, robot policy");
        assertEquals("Speech Enhancement", surface(query, "speech enhanc"));
        assertEquals("policy", surface(query, "polici"));
    }

    @Test
    void wordsNoPaperHasStillCountInTheMaximum() {
        Query known = parser.parse("speech");
        Query halfKnown = parser.parse("speech quantum");
        assertEquals(weights(known), weights(halfKnown));
        assertTrue(halfKnown.maxScore() > known.maxScore());
    }

    @Test
    void readersWhoTypedTheSameTextShareOneQuery() {
        assertSame(parser.parse("speech enhancement"), parser.parse("  Speech Enhancement "));
    }

    @Test
    void blankInterestsAreTheEmptyQuery() {
        assertSame(Query.EMPTY, parser.parse("  "));
        assertTrue(parser.parse("papers research").isEmpty());
    }
}
