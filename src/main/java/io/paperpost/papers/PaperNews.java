package io.paperpost.papers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a paper after it was first imported: a new version, code, a venue, an upvote milestone.
 * Written by the import that saw it, in the batch's transaction; follow-ups in the readers' emails are made of them.
 */
@Entity
@Table(name = "paper_news")
public class PaperNews extends PanacheEntityBase {

    /**
     * Upvote counts worth a follow-up. Hugging Face upvotes grow a few at a time over days, so a jump between two
     * imports is never big; passing a milestone is, and each one is passed once.
     */
    public static final int[] UPVOTE_MILESTONES = {50, 100, 250, 500, 1000};

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "paper_id")
    public String paperId;

    @Enumerated(EnumType.STRING)
    public NewsKind kind;

    public String detail;

    /** The paper-feed batch of the import that saw it ({@link PaperFeed}): a run's snapshot holds news up to its own. */
    public long batch;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** What a record's merge changed that readers who follow the paper want to hear about. */
    record Seen(NewsKind kind, String detail) {
    }

    /**
     * The news in one merge, comparing the paper before ({@code codeUrl}, {@code venue}, {@code upvotes}) with after.
     *
     * @param newVersion the version the merge took, null when none
     */
    static List<Seen> between(String codeUrlBefore, String venueBefore, int upvotesBefore, Paper after,
            Integer newVersion) {
        List<Seen> news = new ArrayList<>();
        if (newVersion != null) {
            news.add(new Seen(NewsKind.VERSION, Integer.toString(newVersion)));
        }
        if (codeUrlBefore == null && after.codeUrl != null) {
            news.add(new Seen(NewsKind.CODE, after.codeUrl));
        }
        if (after.venue != null && !Objects.equals(venueBefore, after.venue)) {
            news.add(new Seen(NewsKind.VENUE, after.venue));
        }
        // Several milestones passed at once make one line, with the count.
        if (Arrays.stream(UPVOTE_MILESTONES).anyMatch(m -> upvotesBefore < m && after.upvotes >= m)) {
            news.add(new Seen(NewsKind.UPVOTES, Integer.toString(after.upvotes)));
        }
        return news;
    }
}
