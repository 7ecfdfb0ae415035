package io.paperpost.ranking;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How author names are compared: followed authors, the day's papers and the stored author keys all use this. */
public final class AuthorNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private AuthorNames() {
    }

    /** Lower-case, accents removed, single spaces: "José  García" and "jose garcia" are the same author. */
    public static String normalize(String name) {
        String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
