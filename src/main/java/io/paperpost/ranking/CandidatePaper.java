package io.paperpost.ranking;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the ranker knows of a paper: no framework types, so it can be built from the database,
 * a benchmark generator or a test alike.
 *
 * @param id          the paper's identity as imported (arXiv id, or the sample data's {@code key})
 * @param authors     author names as published; may be empty when the source gave none
 * @param categories  source categories; empty when unknown
 * @param upvotes     community upvotes, 0 when unknown
 * @param publishedOn when the source listed or published it; may be null
 * @param meaning     the embedding of title and abstract; null when it has not been computed
 */
public record CandidatePaper(String id, String title, String summary, List<String> authors, Set<String> categories,
        int upvotes, LocalDate publishedOn, SemanticVector meaning) {

    public CandidatePaper {
        summary = summary == null ? "" : summary;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    /** A paper without an embedding. */
    public CandidatePaper(String id, String title, String summary, List<String> authors, Set<String> categories,
            int upvotes, LocalDate publishedOn) {
        this(id, title, summary, authors, categories, upvotes, publishedOn, null);
    }

    public CandidatePaper withMeaning(SemanticVector vector) {
        return new CandidatePaper(id, title, summary, authors, categories, upvotes, publishedOn, vector);
    }
}
