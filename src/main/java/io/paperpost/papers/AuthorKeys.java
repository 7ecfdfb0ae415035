package io.paperpost.papers;

import java.util.List;
import java.util.function.UnaryOperator;

import io.paperpost.ranking.AuthorNames;

/**
 * The {@code paper.author_keys} column: a paper's author names normalized by {@link AuthorNames#normalize}
 * ("José  García" → "jose garcia"), each between {@code |} ({@code |jose garcia|wei zhang|}), so that following
 * an author is a plain, portable {@code author_keys like '%|jose garcia|%'}. A normalized name holds only
 * letters, digits and single spaces, so the separator never occurs inside a name.
 */
public final class AuthorKeys {

    /** Size of the column; names that would not fit are left out (the authors column is cut the same way). */
    static final int MAX_CHARS = 8000;

    private AuthorKeys() {
    }

    /** The column value for these authors, in their order; empty for no authors. */
    public static String of(List<String> authors) {
        return of(authors, AuthorNames::normalize);
    }

    /** @param normalizeName {@link AuthorNames#normalize}, possibly cached by the caller */
    static String of(List<String> authors, UnaryOperator<String> normalizeName) {
        if (authors.isEmpty()) {
            return "";
        }
        StringBuilder keys = new StringBuilder(authors.size() * 16).append('|');
        for (String author : authors) {
            String name = normalizeName.apply(author);
            if (name.isEmpty()) {
                continue;
            }
            if (keys.length() + name.length() + 1 > MAX_CHARS) {
                break;
            }
            keys.append(name).append('|');
        }
        return keys.length() == 1 ? "" : keys.toString();
    }

    /** The {@code like} pattern that finds the papers of this author in {@code author_keys}. */
    public static String likePattern(String author) {
        return "%|" + AuthorNames.normalize(author) + "|%";
    }
}
