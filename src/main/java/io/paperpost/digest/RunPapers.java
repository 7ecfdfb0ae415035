package io.paperpost.digest;

import io.paperpost.papers.Paper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.SemanticVector;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The papers the emails of one snapshot may hold, and which of them a reader's next email ranks. The rule: the
 * papers of the import batches after the reader's watermark, up to the snapshot's last committed batch; a first
 * email, or one after a long gap, reaches back at most a lookback from the snapshot's instant. Only batch numbers
 * and the server's own instants are compared, never the reader's local date with an import date.
 *
 * <p>Shared by a run's chunks on this instance and by the previews, so "your next email would contain" follows
 * the same rule as the email. Readers differ only in their watermark, so each window is indexed once.
 */
final class RunPapers {

    /** Where a reader's window starts: after their watermark, or (first email) at the first-email lookback. */
    private record WindowStart(long afterBatch, boolean firstEmail) {
    }

    private final Ranker ranker;
    private final long through;
    private final Instant firstEmailSince;
    private final Instant catchUpSince;
    private final List<Paper> papers;
    private final Map<String, SemanticVector> meaning;
    private final Map<String, Paper> byId = new HashMap<>();
    private final Map<WindowStart, Optional<Ranker.DayIndex>> indexes = new ConcurrentHashMap<>();

    /**
     * @param papers          the papers of batches up to {@code through} available since the earlier lookback,
     *                        oldest batch first
     * @param firstEmailSince how far back a reader's first email reaches
     * @param catchUpSince    how far back any other email reaches, however old the reader's watermark
     * @param meaning         the papers' embeddings (none when semantic ranking is off)
     */
    RunPapers(Ranker ranker, long through, List<Paper> papers, Instant firstEmailSince, Instant catchUpSince,
            Map<String, SemanticVector> meaning) {
        this.ranker = ranker;
        this.through = through;
        this.papers = papers;
        this.meaning = meaning;
        this.firstEmailSince = firstEmailSince;
        this.catchUpSince = catchUpSince;
        papers.forEach(p -> byId.put(p.id, p));
    }

    /** The last paper batch of the snapshot: the watermark of every email composed from it. */
    long through() {
        return through;
    }

    Map<String, Paper> byId() {
        return byId;
    }

    /**
     * The index of the papers the reader's next email ranks, or empty when there are none.
     *
     * @param readerThrough the reader's watermark, null before their first email
     */
    Optional<Ranker.DayIndex> windowFor(Long readerThrough) {
        WindowStart start = readerThrough == null ? new WindowStart(0, true) : new WindowStart(readerThrough, false);
        return indexes.computeIfAbsent(start, this::index);
    }

    private Optional<Ranker.DayIndex> index(WindowStart start) {
        Instant since = start.firstEmail() ? firstEmailSince : catchUpSince;
        List<Paper> window = papers.stream()
                .filter(p -> p.availableSeq > start.afterBatch() && !p.availableAt.isBefore(since)).toList();
        return window.isEmpty()
                ? Optional.empty()
                : Optional.of(ranker.index(window.stream()
                        .map(p -> DigestInputs.candidate(p, meaning.get(p.id))).toList()));
    }
}
