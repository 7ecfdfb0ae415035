package io.paperpost.followups;

import io.paperpost.papers.PaperNews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The news of one digest snapshot and who follows the papers it is about, loaded once per run: a reader's candidates
 * are then two map lookups, and only a reader who has some costs a query ({@link FollowUps#take}).
 */
public final class FollowUpSnapshot {

    static final FollowUpSnapshot EMPTY = new FollowUpSnapshot(Map.of(), Map.of(), Map.of());

    private final Map<String, List<PaperNews>> newsByPaper;
    private final Map<Long, Map<String, Instant>> followedSince;
    private final Map<String, String> titles;

    /**
     * @param newsByPaper   the news of the snapshot's window, by paper, oldest first
     * @param followedSince per reader, the papers they liked or saved among those, and since when
     * @param titles        those papers' titles, by id (a paper no longer stored has none, and no update)
     */
    FollowUpSnapshot(Map<String, List<PaperNews>> newsByPaper, Map<Long, Map<String, Instant>> followedSince,
            Map<String, String> titles) {
        this.newsByPaper = newsByPaper;
        this.followedSince = followedSince;
        this.titles = titles;
    }

    /** The news on papers the reader liked or saved, that came after they did; by paper. */
    Map<String, List<PaperNews>> candidatesFor(long readerId) {
        Map<String, Instant> followed = followedSince.get(readerId);
        if (followed == null) {
            return Map.of();
        }
        Map<String, List<PaperNews>> candidates = new LinkedHashMap<>();
        followed.forEach((paperId, since) -> {
            if (!titles.containsKey(paperId)) {
                return;
            }
            for (PaperNews news : newsByPaper.getOrDefault(paperId, List.of())) {
                // News from before the like or save is what the reader liked; only what came after is an update.
                if (news.recordedAt.isAfter(since)) {
                    candidates.computeIfAbsent(paperId, p -> new ArrayList<>()).add(news);
                }
            }
        });
        return candidates;
    }

    String title(String paperId) {
        return titles.get(paperId);
    }
}
