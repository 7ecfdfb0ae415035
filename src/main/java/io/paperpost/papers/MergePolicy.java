package io.paperpost.papers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What a record changes on a paper: it copies what the record knows onto the paper and never erases a known
 * value (a field the source does not know, null or an empty list, leaves the stored one). No database access.
 */
final class MergePolicy {

    /** Sizes of the list columns; a longer list is cut (see {@link #fit}). */
    static final int AUTHORS_CHARS = 8000;
    static final int CATEGORIES_CHARS = 1000;
    static final int KEYWORDS_CHARS = 4000;

    private MergePolicy() {
    }

    /** A paper new to PaperPost, made from its first record. */
    static Paper newPaper(PaperStore.Keyed keyed, String source, LocalDate firstSeenOn, Instant now) {
        PaperRecord record = keyed.record();
        Paper paper = new Paper();
        paper.id = record.id();
        paper.arxivId = keyed.arxivId();
        paper.firstSeenOn = firstSeenOn;
        paper.source = source;
        merge(paper, record);
        fit(paper);
        paper.titleKey = keyed.titleKey();
        paper.updatedAt = now;
        // The version a paper is first seen with is kept on its row: paper_version holds the later ones.
        paper.latestVersion = record.version();
        paper.firstVersion = record.version();
        paper.firstAnnounceType = record.version() == null ? null : record.announceType();
        return paper;
    }

    /** Copies what the record knows onto the paper, never erasing a known value; true when anything changed. */
    static boolean merge(Paper paper, PaperRecord record) {
        boolean changed = false;
        changed |= set(paper, p -> p.title, record.title(), (p, v) -> p.title = v);
        if (!record.summary().isEmpty() || paper.summary == null) {
            changed |= set(paper, p -> p.summary, record.summary(), (p, v) -> p.summary = v);
        }
        if (!record.authors().isEmpty() || paper.authors == null) {
            changed |= set(paper, p -> p.authors, record.authors(), (p, v) -> p.authors = new ArrayList<>(v));
        }
        if (!record.categories().isEmpty() || paper.categories == null) {
            changed |= set(paper, p -> p.categories, record.categories(), (p, v) -> p.categories = new ArrayList<>(v));
        }
        if (!record.keywords().isEmpty() || paper.keywords == null) {
            changed |= set(paper, p -> p.keywords, record.keywords(), (p, v) -> p.keywords = new ArrayList<>(v));
        }
        changed |= setIfKnown(paper, p -> p.authorCount, record.authorCount(), (p, v) -> p.authorCount = v);
        changed |= setIfKnown(paper, p -> p.organization, record.organization(), (p, v) -> p.organization = v);
        changed |= setIfKnown(paper, p -> p.publishedOn, record.publishedOn(), (p, v) -> p.publishedOn = v);
        changed |= setIfKnown(paper, p -> p.codeUrl, record.codeUrl(), (p, v) -> p.codeUrl = v);
        changed |= setIfKnown(paper, p -> p.projectUrl, record.projectUrl(), (p, v) -> p.projectUrl = v);
        changed |= setIfKnown(paper, p -> p.githubStars, record.githubStars(), (p, v) -> p.githubStars = v);
        changed |= setIfKnown(paper, p -> p.aiSummary, record.aiSummary(), (p, v) -> p.aiSummary = v);
        changed |= setIfKnown(paper, p -> p.venue, record.venue(), (p, v) -> p.venue = v);
        if (record.upvotes() != null && record.upvotes() != paper.upvotes) {
            paper.upvotes = record.upvotes();
            changed = true;
        }
        return changed;
    }

    /**
     * Takes the record's arXiv version when it is newer than the paper's latest; true when it did (the version
     * is then recorded in {@code paper_version}: the first one is on the paper's row).
     */
    static boolean takeNewerVersion(Paper paper, PaperRecord record) {
        if (record.version() == null || (paper.latestVersion != null && record.version() <= paper.latestVersion)) {
            return false;
        }
        paper.latestVersion = record.version();
        return true;
    }

    /** Keeps the list columns within their size; a cut author list keeps the full count in author_count. */
    static void fit(Paper paper) {
        int authors = paper.authors.size();
        paper.authors = prefixWithin(paper.authors, AUTHORS_CHARS);
        if (paper.authors.size() < authors && (paper.authorCount == null || paper.authorCount < authors)) {
            paper.authorCount = authors;
        }
        paper.categories = prefixWithin(paper.categories, CATEGORIES_CHARS);
        paper.keywords = prefixWithin(paper.keywords, KEYWORDS_CHARS);
    }

    /** The leading values that fit in {@code maxChars} once joined by newlines (the list itself when all do). */
    static List<String> prefixWithin(List<String> values, int maxChars) {
        int length = 0;
        for (int i = 0; i < values.size(); i++) {
            length += values.get(i).length() + (i == 0 ? 0 : 1);
            if (length > maxChars) {
                return new ArrayList<>(values.subList(0, i));
            }
        }
        return values;
    }

    private static <T> boolean setIfKnown(Paper paper, Function<Paper, T> getter, T value,
            BiConsumer<Paper, T> setter) {
        return value != null && set(paper, getter, value, setter);
    }

    private static <T> boolean set(Paper paper, Function<Paper, T> getter, T value, BiConsumer<Paper, T> setter) {
        if (Objects.equals(getter.apply(paper), value)) {
            return false;
        }
        setter.accept(paper, value);
        return true;
    }
}
