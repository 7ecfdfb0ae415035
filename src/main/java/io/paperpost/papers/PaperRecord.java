package io.paperpost.papers;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper as one source describes it, already validated; fields a source does not know are null
 * (or empty lists), so merging never overwrites what another source knew.
 *
 * @param id           the arXiv id without version when known (see {@link ArxivIds}), else a source key or
 *                     {@link PaperKeys#fromTitle}
 * @param version      the arXiv version the source describes (2 for {@code 2410.12345v2}), when known
 * @param announceType arXiv's announce type ({@code new}, {@code cross}, {@code replace}, {@code replace-cross})
 *                     when the source is an announcement feed; null otherwise
 * @param venue        where the paper was accepted or published ({@link Venues#of}), when the source says
 */
public record PaperRecord(String id, String title, String summary, List<String> authors, Integer authorCount,
        String organization, List<String> categories, LocalDate publishedOn, Integer upvotes,
        String codeUrl, Integer version, String announceType, String projectUrl,
        Integer githubStars, String aiSummary, List<String> keywords, String venue) {

    public PaperRecord {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        summary = summary == null ? "" : summary;
    }

    /** The sample format's fields only. */
    public PaperRecord(String id, String title, String summary, List<String> authors, Integer authorCount,
            String organization, List<String> categories, LocalDate publishedOn, Integer upvotes,
            String codeUrl) {
        this(id, title, summary, authors, authorCount, organization, categories, publishedOn, upvotes, codeUrl,
                null, null, null, null, null, null, null);
    }

    /** The arXiv id (without version) when this record has one, else null. */
    public String arxivId() {
        return ArxivIds.isKey(id) ? id : null;
    }

    /** The title key ({@link PaperKeys#fromTitle}) used to match records that name the same paper. */
    public String titleKey() {
        return PaperKeys.fromTitle(title);
    }

    /** True for an announcement of a new version of an existing paper, which never adds a paper. */
    public boolean isReplacement() {
        return announceType != null && announceType.startsWith("replace");
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Builds a record field by field, for the sources with many optional fields. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String summary;
        private List<String> authors;
        private Integer authorCount;
        private String organization;
        private List<String> categories;
        private LocalDate publishedOn;
        private Integer upvotes;
        private String codeUrl;
        private Integer version;
        private String announceType;
        private String projectUrl;
        private Integer githubStars;
        private String aiSummary;
        private List<String> keywords;
        private String venue;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder summary(String v) {
            summary = v;
            return this;
        }
        public Builder authors(List<String> v) {
            authors = v;
            return this;
        }
        public Builder authorCount(Integer v) {
            authorCount = v;
            return this;
        }
        public Builder organization(String v) {
            organization = v;
            return this;
        }
        public Builder categories(List<String> v) {
            categories = v;
            return this;
        }
        public Builder publishedOn(LocalDate v) {
            publishedOn = v;
            return this;
        }
        public Builder upvotes(Integer v) {
            upvotes = v;
            return this;
        }
        public Builder codeUrl(String v) {
            codeUrl = v;
            return this;
        }
        public Builder version(Integer v) {
            version = v;
            return this;
        }
        public Builder announceType(String v) {
            announceType = v;
            return this;
        }
        public Builder projectUrl(String v) {
            projectUrl = v;
            return this;
        }
        public Builder githubStars(Integer v) {
            githubStars = v;
            return this;
        }
        public Builder aiSummary(String v) {
            aiSummary = v;
            return this;
        }
        public Builder keywords(List<String> v) {
            keywords = v;
            return this;
        }

        public Builder venue(String v) {
            venue = v;
            return this;
        }

        public PaperRecord build() {
            return new PaperRecord(id, title, summary, authors, authorCount, organization, categories, publishedOn,
                    upvotes, codeUrl, version, announceType, projectUrl, githubStars, aiSummary, keywords, venue);
        }
    }
}
