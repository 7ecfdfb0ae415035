package io.paperpost.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The day's papers by author, names compared as {@link AuthorNames#normalize} does. Immutable. */
final class AuthorIndex {

    private final CandidatePaper[] papers;
    private final Map<String, int[]> docsByAuthor = new HashMap<>();
    /** Each paper's author names, normalised, in the paper's order. */
    private final String[][] normalized;

    AuthorIndex(CandidatePaper[] papers) {
        this.papers = papers;
        normalized = new String[papers.length][];
        for (int d = 0; d < papers.length; d++) {
            normalized[d] = papers[d].authors().stream().map(AuthorNames::normalize).toArray(String[]::new);
            for (String author : normalized[d]) {
                docsByAuthor.merge(author, new int[]{d}, AuthorIndex::concat);
            }
        }
    }

    /** Sets {@code marks[doc]} for every paper by one of the authors; returns the authors' normalised names. */
    Set<String> mark(List<String> authors, boolean[] marks) {
        Set<String> names = authors.isEmpty() ? Set.of() : new HashSet<>();
        for (String author : authors) {
            String name = AuthorNames.normalize(author);
            names.add(name);
            int[] docs = docsByAuthor.get(name);
            if (docs != null) {
                for (int d : docs) {
                    marks[d] = true;
                }
            }
        }
        return names;
    }

    /** The paper's first author among the followed (normalised) names, spelt as the paper spells it. */
    String followedAuthorOf(int doc, Set<String> followed) {
        List<String> authors = papers[doc].authors();
        for (int i = 0; i < authors.size(); i++) {
            if (followed.contains(normalized[doc][i])) {
                return authors.get(i);
            }
        }
        return authors.isEmpty() ? "an author" : authors.get(0);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
