package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    final TextAnalyzer analyzer = new TextAnalyzer();
    final Synonyms synonyms = new Synonyms(analyzer);

    TermIndex index(String... titleThenSummary) {
        List<List<String>> titles = new ArrayList<>();
        List<List<String>> summaries = new ArrayList<>();
        for (int i = 0; i < titleThenSummary.length; i += 2) {
            titles.add(analyzer.terms(titleThenSummary[i]));
            summaries.add(analyzer.terms(titleThenSummary[i + 1]));
        }
        return new TermIndex(titles, summaries, synonyms);
    }

    Query single(TermIndex index, String term) {
        return new Query(new int[]{index.id(term)}, new float[]{1f}, 0, new String[1]);
    }

    @Test
    void wordsPhrasesAndConceptsAreTermsWithIdsBothWays() {
        TermIndex index = index("Speech enhancement", "An LLM for noisy calls.");
        for (String term : List.of("speech", "speech enhanc", "~llm", "noisi call")) {
            assertTrue(index.id(term) >= 0, term);
            assertEquals(term, index.term(index.id(term)));
        }
        assertEquals(-1, index.id("quantum"));
        assertEquals(-1, index.id("enhanc speech"), "a phrase keeps its word order");
    }

    @Test
    void termIdsFollowTheSortedTerms() {
        TermIndex index = index("beta alpha", "gamma");
        assertTrue(index.id("alpha") < index.id("beta"));
        assertTrue(index.id("beta") < index.id("gamma"));
    }

    @Test
    void aTitleMentionOutweighsAnAbstractMention() {
        TermIndex index = index("Wavelet features", "Images and more images.", "Image features",
                "Wavelet tricks for images.", "Graphs", "Nothing else.");
        float[] scores = new float[3];
        index.accumulate(single(index, "wavelet"), scores);
        assertTrue(scores[0] > scores[1], scores[0] + " vs " + scores[1]);
        assertEquals(0f, scores[2]);
        assertTrue(index.contains(index.id("wavelet"), 1));
        assertFalse(index.contains(index.id("wavelet"), 2));
    }

    @Test
    void rareTermsWeighMoreThanCommonOnesAndUnknownOnesMost() {
        TermIndex index = index("Graph models", "Models.", "Protein models", "Models.", "Tabular models", "Models.");
        assertTrue(index.idf(index.id("graph")) > index.idf(index.id("model")));
        assertTrue(index.unknownIdf() > index.idf(index.id("graph")));
    }
}
