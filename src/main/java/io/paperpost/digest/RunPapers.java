package io.paperpost.digest;

import com.google.common.base.Suppliers;
import io.paperpost.followups.FollowUpSnapshot;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.SemanticVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The papers the emails of one snapshot may hold, and which of them a reader's next email ranks. The rule: the
 * papers of the import batches after the reader's watermark, up to the snapshot's last committed batch; a first
 * email, or one after a long gap, reaches back at most a lookback from the snapshot's instant. Only batch numbers
 * and the server's own instants are compared, never the reader's local date with an import date.
 *
 * <p>Shared by a run's chunks on this instance and by the previews, so "your next email would contain" follows
 * the same rule as the email. Readers differ only in their watermark, so each window is indexed once.
 *
 * <p>A catch-up email after a pause reaches further back than the others: those older papers are loaded only when
 * the snapshot's first catch-up reader needs them, and so are the snapshot's follow-up news.
 */
final class RunPapers {

    /** How far back a window reaches at most. */
    private enum Reach {
        FIRST_EMAIL, DAILY, CATCH_UP
    }

    /** Where a reader's window starts: after their watermark, and no earlier than its reach's lookback. */
    private record WindowStart(long afterBatch, Reach reach) {
    }

    /** The papers only a catch-up reaches, with their embeddings. */
    record OlderPapers(Instant since, List<Paper> papers, Map<String, SemanticVector> meaning) {
    }

    /** What every catch-up window of the snapshot filters: the older papers and the snapshot's, with their vectors. */
    private record CatchUpPapers(Instant since, List<Paper> papers, Map<String, SemanticVector> meaning) {
    }

    private final Ranker ranker;
    private final long through;
    private final Instant firstEmailSince;
    private final Instant catchUpSince;
    private final List<Paper> papers;
    private final Map<String, SemanticVector> meaning;
    private final Supplier<CatchUpPapers> catchUpPapers;
    private final Supplier<FollowUpSnapshot> followUps;
    private final Map<String, Paper> byId = new ConcurrentHashMap<>();
    private final Map<WindowStart, Optional<Ranker.DayIndex>> indexes = new ConcurrentHashMap<>();

    /**
     * @param papers          the papers of batches up to {@code through} available since the earlier lookback,
     *                        oldest batch first
     * @param firstEmailSince how far back a reader's first email reaches
     * @param catchUpSince    how far back any other email reaches, however old the reader's watermark
     * @param meaning         the papers' embeddings (none when semantic ranking is off)
     * @param older           loads the papers before those that a catch-up email reaches, once, when first needed
     * @param followUps       loads the snapshot's follow-up news, once, when first needed
     */
    RunPapers(Ranker ranker, long through, List<Paper> papers, Instant firstEmailSince, Instant catchUpSince,
            Map<String, SemanticVector> meaning, Supplier<OlderPapers> older, Supplier<FollowUpSnapshot> followUps) {
        this.ranker = ranker;
        this.through = through;
        this.papers = papers;
        this.meaning = meaning;
        // Merged once per snapshot, not once per catch-up watermark.
        this.catchUpPapers = Suppliers.memoize(() -> {
            OlderPapers loaded = older.get();
            loaded.papers().forEach(p -> byId.putIfAbsent(p.id, p));
            List<Paper> all = new ArrayList<>(loaded.papers());
            all.addAll(papers);
            Map<String, SemanticVector> vectors = new HashMap<>(meaning);
            vectors.putAll(loaded.meaning());
            return new CatchUpPapers(loaded.since(), all, vectors);
        });
        this.followUps = Suppliers.memoize(followUps::get);
        this.firstEmailSince = firstEmailSince;
        this.catchUpSince = catchUpSince;
        papers.forEach(p -> byId.put(p.id, p));
    }

    /** The last paper batch of the snapshot: the watermark of every email composed from it. */
    long through() {
        return through;
    }

    /** The snapshot's papers by id, with the older ones once a catch-up has loaded them. */
    Map<String, Paper> byId() {
        return byId;
    }

    /** The follow-up news of this snapshot and who follows their papers. */
    FollowUpSnapshot followUps() {
        return followUps.get();
    }

    /**
     * The index of the papers the reader's next email ranks, or empty when there are none.
     *
     * @param readerThrough the reader's watermark, null before their first email
     */
    Optional<Ranker.DayIndex> windowFor(Long readerThrough) {
        WindowStart start = readerThrough == null
                ? new WindowStart(0, Reach.FIRST_EMAIL)
                : new WindowStart(readerThrough, Reach.DAILY);
        return indexes.computeIfAbsent(start, this::index);
    }

    /** The index of a catch-up email's papers: all after the reader's watermark, back to the catch-up lookback. */
    Optional<Ranker.DayIndex> catchUpWindowFor(long readerThrough) {
        return indexes.computeIfAbsent(new WindowStart(readerThrough, Reach.CATCH_UP), this::index);
    }

    private Optional<Ranker.DayIndex> index(WindowStart start) {
        return switch (start.reach()) {
            case FIRST_EMAIL -> index(papers, meaning, start.afterBatch(), firstEmailSince);
            case DAILY -> index(papers, meaning, start.afterBatch(), catchUpSince);
            case CATCH_UP -> {
                CatchUpPapers all = catchUpPapers.get();
                yield index(all.papers(), all.meaning(), start.afterBatch(), all.since());
            }
        };
    }

    private Optional<Ranker.DayIndex> index(List<Paper> candidates, Map<String, SemanticVector> vectors,
            long afterBatch, Instant since) {
        List<Paper> window = candidates.stream()
                .filter(p -> p.availableSeq > afterBatch && !p.availableAt.isBefore(since)).toList();
        return window.isEmpty()
                ? Optional.empty()
                : Optional.of(ranker.index(window.stream()
                        .map(p -> DigestInputs.candidate(p, vectors.get(p.id))).toList()));
    }
}
