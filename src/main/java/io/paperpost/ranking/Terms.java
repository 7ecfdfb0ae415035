package io.paperpost.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three kinds of index term: a stemmed word, two adjacent words joined by a space (a phrase), and a concept
 * from {@link Synonyms}, which starts with {@link Synonyms#CONCEPT_PREFIX}.
 */
final class Terms {

    private Terms() {
    }

    /** Term frequencies of one text: words, adjacent-word pairs and concepts. */
    static Map<String, Integer> count(List<String> terms, Synonyms synonyms) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            counts.merge(terms.get(i), 1, Integer::sum);
            if (i > 0) {
                counts.merge(pair(terms.get(i - 1), terms.get(i)), 1, Integer::sum);
            }
        }
        for (Synonyms.Match match : synonyms.find(terms, true)) {
            counts.merge(match.concept(), 1, Integer::sum);
        }
        return counts;
    }

    static String pair(String first, String second) {
        return first + ' ' + second;
    }

    static boolean isPhrase(String term) {
        return term.indexOf(' ') >= 0;
    }

    static boolean isConcept(String term) {
        return term.startsWith(Synonyms.CONCEPT_PREFIX);
    }
}
