package io.paperpost.readinglist;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;

/**
 * The reading list as BibTeX: one {@code @misc} per paper in the form arXiv itself gives ({@code eprint},
 * {@code archivePrefix}, {@code primaryClass}), which biblatex, JabRef and Zotero read as a preprint. Values keep their
 * Unicode (BibTeX files are UTF-8 for these tools); LaTeX's special characters are escaped. Notes are private and
 * never exported.
 */
final class BibTeXExport {

    private static final Key EPRINT = BibTeXEntry.KEY_EPRINT;
    private static final Key ARCHIVE_PREFIX = new Key("archivePrefix");
    private static final Key PRIMARY_CLASS = new Key("primaryClass");

    private BibTeXExport() {
    }

    static String write(List<SavedPaper> saved) {
        BibTeXDatabase database = new BibTeXDatabase();
        // Keys are given oldest saved first, so a paper keeps its key (and the reader's \cite) as more are saved.
        Set<String> taken = new HashSet<>();
        String[] keys = new String[saved.size()];
        for (int i = saved.size() - 1; i >= 0; i--) {
            keys[i] = uniqueKey(Citation.of(saved.get(i).paper()), taken);
        }
        for (int i = 0; i < saved.size(); i++) {
            Citation paper = Citation.of(saved.get(i).paper());
            BibTeXEntry bib = new BibTeXEntry(BibTeXEntry.TYPE_MISC, new Key(keys[i]));
            if (!paper.authors().isEmpty()) {
                bib.addField(BibTeXEntry.KEY_AUTHOR, braced(paper.authors().stream().map(BibTeXExport::name)
                        .collect(Collectors.joining(" and "))));
            }
            bib.addField(BibTeXEntry.KEY_TITLE, braced(escape(paper.title())));
            if (paper.year() != null) {
                bib.addField(BibTeXEntry.KEY_YEAR, braced(paper.year().toString()));
            }
            if (paper.arxivId() != null) {
                bib.addField(EPRINT, braced(paper.arxivId()));
                bib.addField(ARCHIVE_PREFIX, braced("arXiv"));
                if (paper.primaryClass() != null) {
                    bib.addField(PRIMARY_CLASS, braced(paper.primaryClass()));
                }
                bib.addField(BibTeXEntry.KEY_DOI, braced(paper.doi()));
            }
            bib.addField(BibTeXEntry.KEY_URL, braced(paper.url()));
            database.addObject(bib);
        }
        StringWriter out = new StringWriter();
        try {
            new BibTeXFormatter().format(database, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static StringValue braced(String value) {
        return new StringValue(value, StringValue.Style.BRACED);
    }

    /**
     * "Last, First": BibTeX's unambiguous form. A name part holding the word "and" is braced so it is not read as
     * the separator.
     */
    private static String name(Citation.Author author) {
        String family = protect(escape(author.family()));
        return author.given().isEmpty() ? family : family + ", " + protect(escape(author.given()));
    }

    private static String protect(String part) {
        return part.matches("(?i).*\\band\\b.*") ? "{" + part + "}" : part;
    }

    /**
     * LaTeX's special characters as commands. Braces become {@code \{ \}} only when they pair up: BibTeX counts
     * braces in a value, escaped or not, so an odd one would end the field.
     */
    static String escape(String text) {
        boolean balanced = balanced(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append(balanced ? "\\{" : "\\textbraceleft{}");
                case '}' -> out.append(balanced ? "\\}" : "\\textbraceright{}");
                case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** First author's family name, year and first title word, in ASCII ("garcia2025diffusion"); "b", "c"… on a clash. */
    private static String uniqueKey(Citation paper, Set<String> taken) {
        String family = paper.authors().isEmpty() ? "paper" : ascii(paper.authors().get(0).family());
        String word = java.util.Arrays.stream(paper.title().split("\\s+")).map(BibTeXExport::ascii)
                .filter(w -> !w.isEmpty()).findFirst().orElse("");
        String base = (family.isEmpty() ? "paper" : family) + (paper.year() == null ? "" : paper.year()) + word;
        String key = base;
        for (int clash = 1; !taken.add(key); clash++) {
            key = base + (clash < 26 ? String.valueOf((char) ('a' + clash)) : "-" + clash);
        }
        return key;
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
