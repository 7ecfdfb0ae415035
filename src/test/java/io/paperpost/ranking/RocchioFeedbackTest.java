package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RocchioFeedbackTest {

    final TextAnalyzer analyzer = new TextAnalyzer();
    final Synonyms synonyms = new Synonyms(analyzer);

    TermIndex index(List<String> texts) {
        List<List<String>> titles = new ArrayList<>();
        List<List<String>> summaries = new ArrayList<>();
        for (String text : texts) {
            titles.add(List.of());
            summaries.add(analyzer.terms(text));
        }
        return new TermIndex(titles, summaries, synonyms);
    }

    float weightOf(TermIndex index, Query query, String term) {
        for (int i = 0; i < query.terms().length; i++) {
            if (query.terms()[i] == index.id(term)) {
                return query.weights()[i];
            }
        }
        return 0;
    }

    @Test
    void likedWordsPullAndDislikedWordsPush() {
        TermIndex index = index(List.of("wavelet images", "speech audio", "graph tables"));
        RocchioFeedback feedback = new RocchioFeedback(analyzer, synonyms, index);
        Query query = feedback.query(List.of("wavelet features"), List.of("speech recognition"));
        assertTrue(weightOf(index, query, "wavelet") > 0);
        assertTrue(weightOf(index, query, "speech") < 0);
        assertEquals(0f, weightOf(index, query, "graph"));
        assertTrue(query.maxScore() > 0, "only the liked side counts in the maximum");
    }

    @Test
    void keepsOnlyTheStrongestTerms() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            words.add("word" + i);
        }
        TermIndex index = index(List.of(String.join(" ", words), "other text"));
        Query query = new RocchioFeedback(analyzer, synonyms, index).query(List.of(String.join(" ", words)), List.of());
        assertEquals(RocchioFeedback.TERMS, query.terms().length);
    }

    @Test
    void noFeedbackIsTheEmptyQuery() {
        TermIndex index = index(List.of("wavelet images"));
        assertSame(Query.EMPTY, new RocchioFeedback(analyzer, synonyms, index).query(List.of(), List.of()));
    }
}
