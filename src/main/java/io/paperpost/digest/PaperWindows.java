package io.paperpost.digest;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import io.paperpost.embedding.PaperEmbeddings;
import io.paperpost.followups.FollowUps;
import io.paperpost.papers.Paper;
import io.paperpost.papers.PaperFeed;
import io.paperpost.ranking.Ranker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Loads the {@link RunPapers} snapshots: one per digest run, taken when the run started, so every chunk of a run
 * on every instance ranks the same papers, and one for the previews, taken now.
 */
@ApplicationScoped
public class PaperWindows {

    /** A preview snapshot is reused this long unless a batch is imported meanwhile. */
    private static final Duration PREVIEW_REUSE = Duration.ofMinutes(1);

    @Inject
    DigestConfig config;
    @Inject
    PaperFeed feed;
    @Inject
    DigestRuns runs;
    @Inject
    Ranker ranker;
    @Inject
    Clock clock;
    @Inject
    PaperEmbeddings embeddings;
    @Inject
    FollowUps followUps;

    // Papers imported during a run wait for the next run. Old runs' entries go when the cache is full or idle.
    private final LoadingCache<Long, RunPapers> byRun = CacheBuilder.newBuilder().maximumSize(8)
            .expireAfterAccess(Duration.ofMinutes(30)).build(CacheLoader.from(this::loadRun));

    private volatile Snapshot preview;

    private record Snapshot(long through, Instant takenAt, RunPapers papers) {
    }

    /** The papers of the run's snapshot, loaded and indexed once per run on this instance. */
    RunPapers forRun(long runId) {
        return byRun.getUnchecked(runId);
    }

    /** The papers an email composed now would rank: what the previews show. */
    RunPapers now() {
        long through = feed.lastBatch();
        Instant now = clock.instant();
        Snapshot current = preview;
        if (current == null || current.through() != through || current.takenAt().plus(PREVIEW_REUSE).isBefore(now)) {
            current = new Snapshot(through, now, load(through, now, false));
            preview = current;
        }
        return current.papers();
    }

    private RunPapers loadRun(long runId) {
        DigestRun run = runs.snapshot(runId);
        // A run started before watermarks existed has none: it takes what is committed now.
        return load(run.papersThrough == null ? feed.lastBatch() : run.papersThrough, run.startedAt, true);
    }

    /** @param embedMissing a run embeds the papers the worker has not reached; a preview does not wait for that */
    private RunPapers load(long through, Instant asOf, boolean embedMissing) {
        Instant firstEmailSince = asOf.minus(Duration.ofDays(config.firstDigestLookbackDays()));
        Instant catchUpSince = asOf.minus(Duration.ofDays(config.catchUpLookbackDays()));
        Instant earliest = firstEmailSince.isBefore(catchUpSince) ? firstEmailSince : catchUpSince;
        List<Paper> papers = feed.available(0, through, earliest);
        Instant pauseSince = asOf.minus(Duration.ofDays(config.catchUp().lookbackDays()));
        return new RunPapers(ranker, through, papers, firstEmailSince, catchUpSince,
                embeddings.vectors(papers.stream().map(p -> p.id).toList(), embedMissing),
                () -> older(through, pauseSince, earliest, embedMissing), () -> followUps.snapshot(through));
    }

    /** The papers from {@code since} that the daily windows do not reach (none when those reach as far). */
    private RunPapers.OlderPapers older(long through, Instant since, Instant dailyEarliest, boolean embedMissing) {
        if (!since.isBefore(dailyEarliest)) {
            return new RunPapers.OlderPapers(dailyEarliest, List.of(), Map.of());
        }
        List<Paper> papers = feed.availableBetween(through, since, dailyEarliest);
        return new RunPapers.OlderPapers(since, papers,
                embeddings.vectors(papers.stream().map(p -> p.id).toList(), embedMissing));
    }
}
