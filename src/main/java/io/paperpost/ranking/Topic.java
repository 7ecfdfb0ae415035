package io.paperpost.ranking;

import java.util.List;

/**
 * A topic a reader can choose: an arXiv-style category or a curated theme.
 *
 * @param id          stable identifier stored with the reader (e.g. {@code cs.LG}, {@code diffusion})
 * @param name        label shown on forms and in emails
 * @param description one sentence shown next to the checkbox
 * @param categories  source categories (arXiv {@code category@term}) that belong to the topic
 * @param seedTerms   words and phrases that mark a paper as on-topic when the source gives no category
 */
public record Topic(String id, String name, String description, List<String> categories, List<String> seedTerms) {

    public Topic {
        categories = categories == null ? List.of() : List.copyOf(categories);
        seedTerms = seedTerms == null ? List.of() : List.copyOf(seedTerms);
    }
}
