package io.paperpost.papers;

import io.paperpost.storage.LineListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One record per paper, whatever sources it came from. */
@Entity
@Table(name = "paper")
public class Paper extends PanacheEntityBase {

    /** The arXiv id without version when known, else {@code t-} and a hash of the normalized title. */
    @Id
    public String id;

    public String title;

    public String summary;

    @Convert(converter = LineListConverter.class)
    public List<String> authors = new ArrayList<>();

    @Column(name = "author_count")
    public Integer authorCount;

    public String organization;

    @Convert(converter = LineListConverter.class)
    public List<String> categories = new ArrayList<>();

    /** When the source listed or published the paper. */
    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** The server's UTC day PaperPost first saw the paper: shown to the operator, never compared with a reader's date. */
    @Column(name = "first_seen_on")
    public LocalDate firstSeenOn;

    /**
     * The import batch that made the paper available (see {@link PaperFeed}): an email composed against watermark
     * {@code w} holds papers of batches up to {@code w}, and the reader's next email starts after it.
     */
    @Column(name = "available_seq")
    public long availableSeq;

    /** When that batch was written: bounds how far back a first or catch-up email reaches. */
    @Column(name = "available_at")
    public Instant availableAt;

    public int upvotes;

    @Column(name = "code_url")
    public String codeUrl;

    /** The source that first brought the paper in. */
    public String source;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The arXiv id without version, when known; also set on a paper first known by title only. */
    @Column(name = "arxiv_id")
    public String arxivId;

    /** {@link PaperKeys#fromTitle} of the title: how records without a common id find the same paper. */
    @Column(name = "title_key")
    public String titleKey;

    /** The newest arXiv version seen; the versions seen after the first are in {@code paper_version}. */
    @Column(name = "latest_version")
    public Integer latestVersion;

    /** The arXiv version the paper was first seen with (on {@link #firstSeenOn}), when the source named one. */
    @Column(name = "first_version")
    public Integer firstVersion;

    /** arXiv's announce type for {@link #firstVersion} ({@code new} or {@code cross}), when the source was the RSS feed. */
    @Column(name = "first_announce_type")
    public String firstAnnounceType;

    @Column(name = "project_url")
    public String projectUrl;

    @Column(name = "github_stars")
    public Integer githubStars;

    /** A short machine-written summary from the source (Hugging Face's {@code ai_summary}). */
    @Column(name = "ai_summary")
    public String aiSummary;

    @Convert(converter = LineListConverter.class)
    public List<String> keywords = new ArrayList<>();

    /** Where the paper was accepted or published ({@link Venues#of}), when arXiv says. */
    public String venue;

    /** The stored papers of the ids, by id, in one query (in the caller's transaction); ids not stored are absent. */
    public static Map<String, Paper> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Paper.<Paper>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity(), (a, b) -> a, HashMap::new));
    }

    @PrePersist
    @PreUpdate
    void keepKeys() {
        if (availableAt == null) {
            // Written outside an import batch (tests, tools): in no reader's window until an import brings it.
            availableAt = Instant.now();
        }
        if (title != null) {
            titleKey = PaperKeys.fromTitle(title);
        }
    }
}
