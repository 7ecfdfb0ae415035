package io.paperpost.papers;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper as one source describes it, already validated; fields a source does not know are null
 * (or empty lists), so merging never overwrites what another source knew.
 */
public record PaperRecord(String id, String title, String summary, List<String> authors, Integer authorCount,
                          String organization, List<String> categories, LocalDate publishedOn, Integer upvotes,
                          String codeUrl) {

    public PaperRecord {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
