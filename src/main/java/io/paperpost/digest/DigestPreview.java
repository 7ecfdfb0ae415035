package io.paperpost.digest;

import java.time.LocalDate;
import java.util.List;

import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ranks stored papers for a profile outside a digest run: the admin preview API and the preferences page's
 * "your next email would contain". Same ranker and same paper conversion as the digest.
 */
@ApplicationScoped
public class DigestPreview {

    @Inject
    Ranker ranker;

    /** Ranks the papers for the profile, best first, at most {@code limit}. */
    public List<RankedPaper> rank(List<Paper> papers, ReaderProfile profile, int limit) {
        if (papers.isEmpty()) {
            return List.of();
        }
        return ranker.index(papers.stream().map(DigestService::candidate).toList()).rank(profile, limit);
    }

    /** Papers first seen on the day, or every paper when the day is null. */
    public List<Paper> firstSeenOn(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> day == null ? Paper.<Paper>listAll()
                : Paper.<Paper>list("firstSeenOn", day));
    }

    /** Papers first seen in the {@code days} days up to today, or every paper when there are none. */
    public List<Paper> recent(LocalDate today, int days) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Paper> recent = Paper.list("firstSeenOn > ?1 and firstSeenOn <= ?2", today.minusDays(days), today);
            return recent.isEmpty() ? Paper.<Paper>listAll() : recent;
        });
    }
}
