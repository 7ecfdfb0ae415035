package io.paperpost.papers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the paper a record is, among the papers of one batch: those loaded from the database and those the batch
 * added or changed. No database access: {@link PaperStore} loads what {@link #idsToLoad}, {@link #arxivIdsToLoad}
 * and {@link #titleKeysToLoad} ask for, in that order, and {@link #add}s each paper it reads.
 *
 * <p>A record is the paper
 * <ol>
 * <li>whose id is the record's id (the arXiv id without version, or a title key / source key), else</li>
 * <li>for a record with an arXiv id: the paper that already carries that arXiv id in {@code arxiv_id} (a paper
 * first known by title and linked before), else the paper with the same title key that has no arXiv id yet;
 * that paper keeps its id (so links to it stay valid) and gets the arXiv id in {@code arxiv_id};</li>
 * <li>for a record without arXiv id: any paper with the same title key (typically the arXiv paper);</li>
 * <li>else none: a new paper, unless the record only announces a new version ({@code replace}): PaperPost does
 * not add an old paper because it was revised.</li>
 * </ol>
 * Records in one batch are matched against each other the same way.
 */
final class PaperMatcher {

    private final Map<String, Paper> byId = new HashMap<>();
    private final Map<String, Paper> byArxivId = new HashMap<>();
    private final Map<String, List<Paper>> byTitleKey = new HashMap<>();

    /** The ids of the records: the first lookup. */
    Set<String> idsToLoad(List<PaperStore.Keyed> records) {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(r.record().id()));
        return ids;
    }

    /** The arXiv ids of the records not found by id, once the papers with their ids are added. */
    Set<String> arxivIdsToLoad(List<PaperStore.Keyed> records) {
        Set<String> arxivIds = new LinkedHashSet<>();
        for (PaperStore.Keyed r : records) {
            if (r.arxivId() != null && !knows(r.record().id())) {
                arxivIds.add(r.arxivId());
            }
        }
        return arxivIds;
    }

    /** The title keys of the records found neither by id nor by arXiv id, once those papers are added. */
    Set<String> titleKeysToLoad(List<PaperStore.Keyed> records) {
        Set<String> titleKeys = new LinkedHashSet<>();
        for (PaperStore.Keyed r : records) {
            if (!knows(r.record().id()) && (r.arxivId() == null || !byArxivId.containsKey(r.arxivId()))) {
                titleKeys.add(r.titleKey());
            }
        }
        return titleKeys;
    }

    /** Whether a paper with this id was added: a row read again by a later lookup is the same paper. */
    boolean knows(String id) {
        return byId.containsKey(id);
    }

    /** Makes the paper findable by its id, arXiv id and title key. */
    void add(Paper paper) {
        byId.put(paper.id, paper);
        if (paper.arxivId != null) {
            byArxivId.put(paper.arxivId, paper);
        }
        if (paper.titleKey != null) {
            byTitleKey.computeIfAbsent(paper.titleKey, k -> new ArrayList<>()).add(paper);
        }
    }

    /** The paper the record is, or null when it is a new one. */
    Paper resolve(PaperStore.Keyed record) {
        Paper paper = byId.get(record.record().id());
        if (paper != null) {
            return paper;
        }
        String arxivId = record.arxivId();
        if (arxivId != null) {
            paper = byArxivId.get(arxivId);
            if (paper != null) {
                return paper;
            }
        }
        for (Paper candidate : byTitleKey.getOrDefault(record.titleKey(), List.of())) {
            if (arxivId == null) {
                return candidate;
            }
            // Only a paper known by title alone can take this arXiv id: one with its own arXiv id is another paper.
            if (candidate.arxivId == null && !ArxivIds.isKey(candidate.id)) {
                return candidate;
            }
        }
        return null;
    }

    /** Gives a paper without arXiv id the record's one (rule 2); true when it did. */
    boolean linkArxivId(Paper paper, String arxivId) {
        if (arxivId == null || paper.arxivId != null) {
            return false;
        }
        paper.arxivId = arxivId;
        byArxivId.put(arxivId, paper);
        return true;
    }

    /**
     * Sets the title key of a paper whose title may have changed; the paper is then found by the new key too
     * (and, for the rest of the batch, still by the old one).
     */
    void retitled(Paper paper) {
        String titleKey = PaperKeys.fromTitle(paper.title);
        if (!titleKey.equals(paper.titleKey)) {
            paper.titleKey = titleKey;
            byTitleKey.computeIfAbsent(titleKey, k -> new ArrayList<>()).add(paper);
        }
    }
}
