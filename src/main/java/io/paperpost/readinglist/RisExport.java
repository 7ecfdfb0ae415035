package io.paperpost.readinglist;

import java.util.List;

/**
 * The reading list as RIS: {@code TY  - JOUR} with {@code JO  - arXiv}, which Zotero, EndNote and Mendeley import as
 * an article of arXiv (RIS has no preprint type they agree on). Tags are two characters, two spaces, a hyphen and a
 * space, lines end with CRLF, and each record ends with {@code ER  - } (the RIS format specification). Notes are
 * private and never exported.
 */
final class RisExport {

    private static final String CRLF = "\r\n";

    private RisExport() {
    }

    static String write(List<SavedPaper> saved) {
        StringBuilder out = new StringBuilder();
        for (SavedPaper entry : saved) {
            Citation paper = Citation.of(entry.paper());
            tag(out, "TY", "JOUR");
            for (Citation.Author author : paper.authors()) {
                tag(out, "AU", author.given().isEmpty() ? author.family() : author.family() + ", " + author.given());
            }
            tag(out, "TI", paper.title());
            tag(out, "JO", "arXiv");
            if (paper.date() != null) {
                tag(out, "PY", String.valueOf(paper.date().getYear()));
                tag(out, "DA", String.format("%04d/%02d/%02d", paper.date().getYear(), paper.date().getMonthValue(),
                        paper.date().getDayOfMonth()));
            }
            if (paper.arxivId() != null) {
                tag(out, "M1", "arXiv:" + paper.arxivId());
                tag(out, "DO", paper.doi());
            }
            tag(out, "UR", paper.url());
            tag(out, "ER", "");
        }
        return out.toString();
    }

    /** One tag line; line breaks inside a value would start a new, tagless line, so they become spaces. */
    private static void tag(StringBuilder out, String tag, String value) {
        out.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append(CRLF);
    }
}
