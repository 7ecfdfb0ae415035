package io.paperpost.papers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a paper was accepted or published, from what arXiv says: the {@code journal_ref} when the authors set one,
 * else an acceptance in the free-text comment ("Accepted at NeurIPS 2025, 12 pages" gives "NeurIPS 2025").
 * "Submitted to" and "under review" are not acceptances and give nothing.
 */
public final class Venues {

    /** The column's size; a longer venue is cut at a word. */
    static final int MAX_CHARS = 200;

    // "Accepted at/to/by/in/for publication in", "To appear in/at", "Published in/at/by", then the venue up to
    // the first clause break. A comma ends it too: comments go on with page counts and figures after one.
    private static final Pattern ACCEPTANCE = Pattern.compile(
            "\\b(?:accepted(?:\\s+for\\s+(?:publication|presentation))?\\s+(?:at|to|by|in)"
                    + "|to\\s+appear\\s+(?:in|at)|published\\s+(?:in|at|by)|camera[- ]ready\\s+(?:for|of))"
                    + "\\s+(?:the\\s+)?([^.;,()\\[\\]\\n]{2,})",
            Pattern.CASE_INSENSITIVE);

    private Venues() {
    }

    /**
     * @param journalRef arXiv's {@code journal_ref}, null when none
     * @param comment    arXiv's comment, null when none
     * @return the venue, or null when neither names one
     */
    public static String of(String journalRef, String comment) {
        if (journalRef != null && !journalRef.isBlank()) {
            return fit(journalRef);
        }
        if (comment == null || comment.isBlank()) {
            return null;
        }
        Matcher matcher = ACCEPTANCE.matcher(comment);
        if (!matcher.find()) {
            return null;
        }
        String venue = matcher.group(1).strip();
        // "Accepted to appear …" and similar leave no venue name of their own.
        return venue.length() < 2 || venue.toLowerCase(Locale.ROOT).startsWith("appear") ? null : fit(venue);
    }

    private static String fit(String text) {
        String folded = text.replaceAll("\\s+", " ").strip();
        if (folded.length() <= MAX_CHARS) {
            return folded;
        }
        int cut = folded.lastIndexOf(' ', MAX_CHARS);
        return folded.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
    }
}
