package io.paperpost.digest;

import io.paperpost.delivery.DeliveryQueries;
import io.paperpost.embedding.PaperEmbeddings;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.ranking.SemanticVector;
import io.paperpost.subscription.Preferences;
import io.paperpost.subscription.RankingSettings;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks stored papers outside a digest run: the preferences page's "your next email would contain" and the admin
 * preview. Both take the papers by the digest's own rule ({@link RunPapers}), so the preview is the next email.
 */
@ApplicationScoped
public class DigestPreview {

    @Inject
    Ranker ranker;
    @Inject
    DeliveryQueries deliveryQueries;
    @Inject
    DigestInputs inputs;
    @Inject
    Clock clock;
    @Inject
    PaperEmbeddings embeddings;

    /**
     * What the reader's next email would hold if it were composed now with these choices (saved, or being edited):
     * the papers after their watermark, minus what they were sent lately, ranked with every setting the email
     * follows (topics, interests, followed authors, trend, exploration, only-when-matches, papers per email).
     */
    public List<RankedPaper> nextEmail(Reader reader, Preferences choices, RankingSettings settings,
            int papersPerEmail) {
        LocalDate today = LocalDate.now(clock.withZone(DigestInputs.zoneOrUtc(reader.timeZone)));
        Set<String> sent = deliveryQueries.recentlySent(List.of(reader.id), today).getOrDefault(reader.id, Set.of());
        ReaderProfile profile = inputs.profile(reader, choices.topics(), choices.interests(), sent)
                .withFollowedAuthors(choices.authors())
                .withTrendWeight(settings.trendWeight())
                .withExploration(settings.exploration())
                .withOnlyWhenMatches(settings.onlyWhenMatches());
        return inputs.papersNow().windowFor(reader.papersThrough).map(index -> index.rank(profile, papersPerEmail))
                .orElse(List.of());
    }

    /** What a new reader's first email would hold if it were composed now: the admin preview. */
    public List<RankedPaper> firstEmail(ReaderProfile profile, int limit) {
        return inputs.papersNow().windowFor(null).map(index -> index.rank(profile, limit)).orElse(List.of());
    }

    /** Ranks the papers first seen on the server's UTC day: the admin's tuning view of one import day. */
    public List<RankedPaper> firstSeenOn(LocalDate day, ReaderProfile profile, int limit) {
        List<Paper> papers = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>list("firstSeenOn", day));
        if (papers.isEmpty()) {
            return List.of();
        }
        Map<String, SemanticVector> meaning = embeddings.vectors(papers.stream().map(p -> p.id).toList(), false);
        return ranker.index(papers.stream().map(p -> DigestInputs.candidate(p, meaning.get(p.id)))
                .toList()).rank(profile, limit);
    }
}
