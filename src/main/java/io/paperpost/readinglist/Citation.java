package io.paperpost.readinglist;

import io.paperpost.papers.Paper;
import io.paperpost.site.Links;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the exports cite of a saved paper, worked out once for the three formats.
 *
 * @param date         when it was published, else first seen; null when neither is known
 * @param primaryClass the arXiv category the paper is listed under first, null when not known
 * @param doi          the DOI arXiv registers for every paper it hosts ({@code 10.48550/arXiv.<id>}), null without an
 *                     arXiv id
 */
record Citation(String id, String title, List<Author> authors, LocalDate date, String arxivId, String primaryClass,
        String url, String doi) {

    /** An author's name split as citation formats want it; {@code given} is empty for a one-word name. */
    record Author(String family, String given) {
    }

    /** Lower-case particles that belong to the family name ("van Dijk", "de la Cruz"). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "da", "di",
            "du", "la", "le", "dos", "das", "ter", "ten", "bin", "ibn", "al");

    static Citation of(Paper paper) {
        LocalDate date = paper.publishedOn != null ? paper.publishedOn : paper.firstSeenOn;
        String primary = paper.categories.stream().filter(c -> c.matches("[a-z-]+(\\.[A-Za-z-]+)?")).findFirst()
                .orElse(null);
        return new Citation(paper.id, paper.title, paper.authors.stream().map(Citation::author).toList(), date,
                paper.arxivId, paper.arxivId == null ? null : primary, Links.paper(paper.id, paper.title),
                paper.arxivId == null ? null : "10.48550/arXiv." + paper.arxivId);
    }

    Integer year() {
        return date == null ? null : date.getYear();
    }

    /** "Jane Q. van Doe" is family "van Doe", given "Jane Q."; "Doe, Jane" is already split. */
    static Author author(String name) {
        String clean = name.strip().replaceAll("\\s+", " ");
        int comma = clean.indexOf(',');
        if (comma > 0) {
            return new Author(clean.substring(0, comma).strip(), clean.substring(comma + 1).strip());
        }
        List<String> words = new ArrayList<>(List.of(clean.split(" ")));
        if (words.size() == 1) {
            return new Author(clean, "");
        }
        int familyStart = words.size() - 1;
        while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1).toLowerCase(Locale.ROOT))
                && words.get(familyStart - 1).equals(words.get(familyStart - 1).toLowerCase(Locale.ROOT))) {
            familyStart--;
        }
        return new Author(String.join(" ", words.subList(familyStart, words.size())),
                String.join(" ", words.subList(0, familyStart)));
    }
}
