package io.paperpost.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a sent digest held, kept in its ledger row so its web view can show the same email again: the papers in
 * order (the {@code paper_ids} column) and, in the compact {@code contents} column, the subject, whether it was the
 * trending fallback, and each paper's reason line. The papers' own text is read from the paper table when the page
 * is shown; links are signed afresh then.
 *
 * @param reasons one per paper, in the order of {@code paperIds}
 */
public record DigestContents(List<String> paperIds, String subject, boolean trending, List<String> reasons) {

    /** Longest subject and reason line kept: the subject is one header line, a reason one line of the email. */
    static final int MAX_LINE = 300;
    private static final String TRENDING = "trending";
    private static final String PERSONAL = "personal";

    public DigestContents {
        paperIds = List.copyOf(paperIds);
        reasons = List.copyOf(reasons);
        if (reasons.size() != paperIds.size()) {
            throw new IllegalArgumentException("one reason per paper: " + reasons.size() + " for " + paperIds.size());
        }
    }

    /**
     * The {@code contents} column: the subject, "trending" or "personal", then one reason per line (an empty line
     * for a paper without one). Lines are folded to one line and cut at {@value #MAX_LINE} characters, so 30 papers
     * fit the column's 16,000 characters.
     */
    String column() {
        List<String> lines = new ArrayList<>(reasons.size() + 2);
        lines.add(line(subject));
        lines.add(trending ? TRENDING : PERSONAL);
        reasons.forEach(r -> lines.add(line(r)));
        return String.join("\n", lines);
    }

    /**
     * Reads a row back; a row sent before the column existed (null) has no subject and empty reasons. Reasons beyond
     * the papers' count are dropped and missing ones are empty, so a damaged value still shows the papers.
     */
    static DigestContents read(List<String> paperIds, String column) {
        if (column == null || column.isEmpty()) {
            return new DigestContents(paperIds, "", false, paperIds.stream().map(id -> "").toList());
        }
        List<String> lines = Arrays.asList(column.split("\n", -1));
        List<String> reasons = new ArrayList<>(paperIds.size());
        for (int i = 0; i < paperIds.size(); i++) {
            reasons.add(i + 2 < lines.size() ? lines.get(i + 2) : "");
        }
        return new DigestContents(paperIds, lines.get(0), lines.size() > 1 && TRENDING.equals(lines.get(1)),
                reasons);
    }

    private static String line(String text) {
        String folded = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return folded.length() <= MAX_LINE ? folded : folded.substring(0, MAX_LINE - 1) + "…";
    }
}
