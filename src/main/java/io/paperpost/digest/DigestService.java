package io.paperpost.digest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import org.hibernate.jpa.AvailableHints;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

import io.paperpost.delivery.Claim;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.delivery.DueRetry;
import io.paperpost.delivery.MailSendException;
import io.paperpost.delivery.MailSender;
import io.paperpost.delivery.OutgoingMail;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.CandidatePaper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Digest runs. A scheduled run (every few minutes) sends to each active reader whose chosen local hour has come
 * and who has no email for their local date ({@link DueRule}); an explicit run sends everyone due on a given
 * date, whatever the hour. Readers are grouped by time zone: each zone's local date and hour are computed once,
 * and the database returns that zone's due readers page by page, so no run holds all readers at once. Each
 * reader's send has its own short transactions (claim the ledger row, send, record), so a failure touches one
 * reader only, and every run leaves a {@link DigestRun} record.
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);

    @Inject
    DigestConfig config;
    @Inject
    Ranker ranker;
    @Inject
    DigestComposer composer;
    @Inject
    DeliveryLedger ledger;
    @Inject
    MailSender sender;
    @Inject
    FeedbackService feedback;
    @Inject
    DigestRuns runs;
    @Inject
    DigestChunks chunks;
    @Inject
    DigestMetrics metrics;
    @Inject
    SendingSwitch sending;
    @Inject
    ChunkWorker workers;
    @Inject
    EntityManager entityManager;

    /** Papers sent to a reader within this many days are not sent again. */
    static final int EXCLUDE_SENT_DAYS = 30;

    /** A part of a run: the due readers of one zone (or of every zone, for an explicit run) on a local date. */
    record Slice(String zone, LocalDate date, int hour, boolean ignoreHour) {

        /** The zone's readers at an instant: their local date and hour then. */
        static Slice at(String zone, Instant now) {
            ZonedDateTime local = now.atZone(zoneOrUtc(zone));
            return new Slice(zone, local.toLocalDate(), local.getHour(), false);
        }
    }

    /** An operator's run for a date: every reader due on that date, whatever their local hour. */
    public DigestSummary run(LocalDate date) {
        return run(date, RunTrigger.ADMIN);
    }

    public DigestSummary run(LocalDate date, RunTrigger trigger) {
        return execute(trigger, date, () -> List.of(new Slice(null, date, 0, true)), runId -> 0);
    }

    /** The scheduled run: every reader whose local hour has come at this instant, in their own zone. */
    public DigestSummary runDue(Instant now, RunTrigger trigger) {
        return execute(trigger, null, () -> zoneSlices(now), runId -> planRetries(runId, now));
    }

    /** One slice per time zone readers use, with the zone's local date and hour at the instant. */
    List<Slice> zoneSlices(Instant now) {
        List<String> zones = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select distinct r.timeZone from Reader r where r.status = :active", String.class)
                .setParameter("active", ReaderStatus.ACTIVE).getResultList());
        return zones.stream().map(zone -> Slice.at(zone, now)).toList();
    }

    private static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            LOG.warnf("Readers with unknown time zone '%s' are scheduled in UTC", zone);
            return ZoneOffset.UTC;
        }
    }

    /**
     * Plans a chunk of one reader for each retry of an earlier date's email whose next attempt has come. A retry
     * of the reader's current local date needs none: the reader is still due, so their zone's slice claims the
     * row again. A reader who is due today gets today's email instead, which holds the same papers (their window
     * starts at their last sent email) and supersedes the retry; so no reader gets two emails at once.
     */
    int planRetries(long runId, Instant now) {
        int planned = 0;
        for (DueRetry retry : ledger.dueRetries(now, config.readerPageSize())) {
            Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(retry.readerId()));
            if (reader == null || reader.status != ReaderStatus.ACTIVE) {
                continue;
            }
            Slice today = Slice.at(reader.timeZone, now);
            if (!retry.digestDate().isBefore(today.date()) || DueRule.isDue(reader, today.date(), today.hour(), false)) {
                continue;
            }
            Slice slice = new Slice(null, retry.digestDate(), 0, true);
            if (dueReaderIds(slice, reader.id - 1, 1).equals(List.of(reader.id))) {
                chunks.add(runId, slice, reader.id - 1, reader.id, 1);
                planned++;
            }
        }
        return planned;
    }

    private DigestSummary execute(RunTrigger trigger, LocalDate date, Supplier<List<Slice>> plan,
            ToIntFunction<Long> planRetries) {
        long runId = runs.start(trigger, date);
        MDC.put("runId", runId);
        try {
            if (sending.paused()) {
                LOG.infof("Digest run %d (%s): sending is paused by the operator; nothing sent", runId, trigger);
                runs.finishPaused(runId);
                return new DigestSummary(runId, date, 0, 0, 0, 0, 0, 0, 0);
            }
            List<Slice> slices = plan.get();
            int due = 0;
            for (Slice slice : slices) {
                due += planChunks(runId, slice);
            }
            due += planRetries.applyAsInt(runId);
            runs.planned(runId, due);
            LOG.infof("Digest run %d (%s%s): %d readers due in %d zone slice(s)", runId, trigger,
                    date == null ? "" : " for " + date, due, slices.size());
            runs.finishIfDone(runId, chunks.unfinished(runId));
            workers.wake();
            RunView finished = workUntilFinished(runId);
            LOG.infof("Digest run %d %s: %s (%s)", runId, finished.status(), finished.progressLine(), sender.describe());
            metrics.run(trigger, java.time.Duration.ofMillis(finished.durationMs() == null ? 0 : finished.durationMs()));
            return new DigestSummary(runId, date, finished.readersDue(), finished.sent(), finished.retried(),
                    finished.skipped(), finished.failed(), finished.suppressed(),
                    finished.durationMs() == null ? 0 : finished.durationMs());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest run %d failed", runId);
            runs.fail(runId, e.toString());
            throw e;
        } finally {
            MDC.remove("runId");
        }
    }

    /**
     * Splits the slice's due readers into chunks of the work table, in one pass over their ids in id order (streamed:
     * one query per chunk would make planning a million readers quadratic); returns how many readers are due.
     */
    int planChunks(long runId, Slice slice) {
        record Range(long afterId, long lastId, int readers) {
        }
        List<Range> ranges = QuarkusTransaction.requiringNew().call(() -> {
            List<Range> found = new ArrayList<>();
            long afterId = 0;
            long lastId = 0;
            int readers = 0;
            try (Stream<Long> ids = dueQuery(slice, "select r.id", Long.class, 0, Long.MAX_VALUE)
                    .setHint(AvailableHints.HINT_FETCH_SIZE, 1000).getResultStream()) {
                for (Iterator<Long> it = ids.iterator(); it.hasNext(); ) {
                    lastId = it.next();
                    if (++readers == config.chunkSize()) {
                        found.add(new Range(afterId, lastId, readers));
                        afterId = lastId;
                        readers = 0;
                    }
                }
            }
            if (readers > 0) {
                found.add(new Range(afterId, lastId, readers));
            }
            return found;
        });
        int total = 0;
        for (Range range : ranges) {
            chunks.add(runId, slice, range.afterId(), range.lastId(), range.readers());
            total += range.readers();
        }
        return total;
    }

    /**
     * Works the run's chunks, then waits for the chunks other instances hold; takes over any whose lease runs out.
     */
    private RunView workUntilFinished(long runId) {
        while (true) {
            Optional<DigestChunk> chunk;
            while (!sending.paused() && (chunk = chunks.claim(runId)).isPresent()) {
                work(chunk.get());
            }
            RunView run = runs.find(runId).orElseThrow();
            if (run.status() != RunStatus.RUNNING || sending.paused()) {
                // Paused mid-run: the request returns; the run carries on once sending resumes.
                return run;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for digest run " + runId, e);
            }
        }
    }

    /** Works open chunks of any run (started by this or another instance) until there are none; the background worker. */
    public void workOpenChunks() {
        Optional<DigestChunk> chunk;
        while (!sending.paused() && (chunk = chunks.claim(null)).isPresent()) {
            work(chunk.get());
        }
    }

    /** Sends to the chunk's due readers, renewing its lease and logging the run's progress every few seconds. */
    private void work(DigestChunk chunk) {
        Object outerRun = MDC.get("runId");
        MDC.put("runId", chunk.runId);
        try {
            Slice slice = chunk.slice();
            RunProgress progress = new RunProgress(chunk);
            long position = chunk.position;
            DayPapers papers = dayPapers.getUnchecked(new RunDate(chunk.runId, slice.date()));
            // Loading and indexing the papers (the first chunk of a run on this instance) may take a while.
            if (!chunks.renew(chunk.id, position, progress)) {
                LOG.warnf("Digest run %d: chunk %d was taken over by another instance; leaving it", chunk.runId, chunk.id);
                return;
            }
            long intervalNanos = config.progressInterval().toNanos();
            long lastReport = System.nanoTime();
            List<Reader> page;
            do {
                if (sending.paused()) {
                    chunks.renew(chunk.id, position, progress);
                    LOG.infof("Digest run %d: sending paused; chunk %d stops here", chunk.runId, chunk.id);
                    return;
                }
                page = dueReaders(slice, position, chunk.lastId, config.readerPageSize());
                // What each reader's ranking needs besides the reader, for the whole page in two queries.
                List<Long> ids = page.stream().map(r -> r.id).toList();
                Map<Long, Set<String>> sent = recentlySent(ids, slice.date());
                Map<Long, FeedbackService.Texts> rated = feedback.texts(ids);
                List<Claim> sentOnPage = new ArrayList<>();
                try {
                    for (Reader reader : page) {
                        send(reader, slice.date(), papers, progress, sent.getOrDefault(reader.id, Set.of()),
                                rated.getOrDefault(reader.id, FeedbackService.Texts.NONE)).ifPresent(sentOnPage::add);
                        position = reader.id;
                        if (System.nanoTime() - lastReport >= intervalNanos) {
                            lastReport = System.nanoTime();
                            if (!chunks.renew(chunk.id, position, progress)) {
                                LOG.warnf("Digest run %d: chunk %d was taken over by another instance; leaving it",
                                        chunk.runId, chunk.id);
                                return;
                            }
                            LOG.infof("Digest run %d: %s", chunk.runId, runs.refresh(chunk.runId).progressLine());
                        }
                    }
                } finally {
                    // The readers' side of the page's sent emails, in one transaction rather than one per email.
                    ledger.advanceReaders(sentOnPage);
                }
            } while (page.size() == config.readerPageSize());
            if (chunks.complete(chunk.id, position, progress)) {
                runs.finishIfDone(chunk.runId, chunks.unfinished(chunk.runId));
            } else {
                LOG.warnf("Digest run %d: chunk %d was taken over by another instance before it finished here",
                        chunk.runId, chunk.id);
            }
        } finally {
            if (outerRun == null) {
                MDC.remove("runId");
            } else {
                MDC.put("runId", outerRun);
            }
        }
    }

    /** The slice's due readers with afterId &lt; id &lt;= lastId, in id order; run it in a transaction. */
    private <T> TypedQuery<T> dueQuery(Slice slice, String select, Class<T> type, long afterId, long lastId) {
        DueRule.Condition condition = DueRule.condition(slice.date(), slice.hour(), slice.ignoreHour());
        TypedQuery<T> query = entityManager.createQuery(select + " from Reader r where r.status = :active"
                        + (slice.zone() == null ? "" : " and r.timeZone = :zone") + " and " + condition.jpql()
                        + " and r.id > :after and r.id <= :last order by r.id", type)
                .setParameter("active", ReaderStatus.ACTIVE).setParameter("after", afterId).setParameter("last", lastId);
        if (slice.zone() != null) {
            query.setParameter("zone", slice.zone());
        }
        condition.parameters().forEach(query::setParameter);
        return query;
    }

    private <T> List<T> due(Slice slice, String select, Class<T> type, long afterId, long lastId, int limit) {
        return QuarkusTransaction.requiringNew().call(() ->
                dueQuery(slice, select, type, afterId, lastId).setMaxResults(limit).getResultList());
    }

    /** Ids of the slice's due readers after the given one, in id order, one page. */
    List<Long> dueReaderIds(Slice slice, long afterId, int limit) {
        return due(slice, "select r.id", Long.class, afterId, Long.MAX_VALUE, limit);
    }

    /** The slice's due readers with afterId &lt; id &lt;= lastId, in id order, one page. */
    List<Reader> dueReaders(Slice slice, long afterId, long lastId, int limit) {
        return due(slice, "select r", Reader.class, afterId, lastId, limit);
    }

    private record RunDate(long runId, LocalDate date) {
    }

    /**
     * The papers of each run's dates, shared by this instance's threads: loaded and indexed once per run, not once
     * per thread or chunk. Papers imported during a run wait for the next run, so every chunk of a run sees the same
     * papers. Old runs' entries go when the cache is full or idle.
     */
    private final LoadingCache<RunDate, DayPapers> dayPapers = CacheBuilder.newBuilder().maximumSize(8)
            .expireAfterAccess(java.time.Duration.ofMinutes(30)).build(CacheLoader.from(key -> new DayPapers(key.date())));

    /** The papers a date's emails may hold, and the ranking index of each window start, built once per run. */
    private final class DayPapers {
        final LocalDate earliest;
        final List<Paper> papers;
        final Map<String, Paper> byId = new HashMap<>();
        // Readers differ only in where their window starts (their last email); index each window once.
        final Map<LocalDate, Ranker.DayIndex> indexByWindowStart = new ConcurrentHashMap<>();

        DayPapers(LocalDate date) {
            earliest = date.minusDays(config.firstDigestLookbackDays());
            papers = QuarkusTransaction.requiringNew().call(() ->
                    Paper.<Paper>list("firstSeenOn > ?1 and firstSeenOn <= ?2", earliest, date));
            papers.forEach(p -> byId.put(p.id, p));
        }

        Ranker.DayIndex indexSince(LocalDate lastDigestDate) {
            LocalDate start = lastDigestDate == null || lastDigestDate.isBefore(earliest) ? earliest : lastDigestDate;
            return indexByWindowStart.computeIfAbsent(start, s -> ranker.index(
                    papers.stream().filter(p -> p.firstSeenOn.isAfter(s)).map(DigestService::candidate).toList()));
        }
    }

    /** Sends the reader's email if they have one; returns the claim when the server accepted it. */
    private Optional<Claim> send(Reader reader, LocalDate date, DayPapers papers, RunProgress progress,
            Set<String> recentlySent, FeedbackService.Texts rated) {
        long started = System.nanoTime();
        ReaderProfile profile = profile(reader, reader.topics, reader.interests, recentlySent, rated);
        int count = reader.papersPerEmail > 0 ? reader.papersPerEmail : config.papersPerEmail();
        List<RankedPaper> picks = papers.indexSince(reader.lastDigestDate).rank(profile, count);
        long ranked = System.nanoTime();
        metrics.rank(ranked - started);
        if (picks.isEmpty()) {
            record(progress, RunProgress.Outcome.SKIPPED, false);
            return Optional.empty();
        }
        Optional<Claim> claim = ledger.claim(reader.id, date);
        if (claim.isEmpty()) {
            record(progress, RunProgress.Outcome.SKIPPED, false);
            return Optional.empty();
        }
        long deliveryId = claim.get().deliveryId();
        boolean retry = claim.get().retry();
        OutgoingMail mail;
        try {
            long renderStarted = System.nanoTime();
            mail = composer.compose(reader, date, picks, isTrendingFallback(picks), papers.byId);
            long rendered = System.nanoTime();
            metrics.render(rendered - renderStarted);
            sender.send(mail);
            metrics.send(System.nanoTime() - rendered);
        } catch (MailSendException e) {
            LOG.warnf("Digest %s for reader %d not sent: %s", date, reader.id, e.getMessage());
            // Not delivered in this run: RETRYING (tried again once due) or FAILED count as failed here.
            DeliveryStatus status = ledger.markFailed(deliveryId, e);
            record(progress, status == DeliveryStatus.SUPPRESSED ? RunProgress.Outcome.SUPPRESSED
                    : RunProgress.Outcome.FAILED, retry);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest %s for reader %d failed", date, reader.id);
            ledger.markFailed(deliveryId, new MailSendException(e.toString(), MailSendException.Kind.TEMPORARY, e));
            record(progress, RunProgress.Outcome.FAILED, retry);
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        picks.forEach(p -> ids.add(p.paper().id()));
        try {
            ledger.markSent(claim.get(), mail.messageId(), ids);
        } catch (RuntimeException e) {
            // The server has the email: marking it failed would send it again. The row stays SENDING, never resent.
            LOG.errorf(e, "Digest %s for reader %d was sent but not recorded; its ledger row stays SENDING", date,
                    reader.id);
        }
        record(progress, RunProgress.Outcome.SENT, retry);
        return claim;
    }

    /**
     * The operator's "send now" of one reader's email for a date, which a crash had left SENDING and
     * {@link io.paperpost.delivery.StrandedSends#release} made claimable again: ranked, claimed, sent and recorded as a
     * run does it. True when the server accepted it.
     */
    public boolean sendNow(long readerId, LocalDate date) {
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(readerId));
        if (reader == null) {
            return false;
        }
        List<Long> ids = List.of(readerId);
        Optional<Claim> sent = send(reader, date, new DayPapers(date), new RunProgress(new DigestChunk()),
                recentlySent(ids, date).getOrDefault(readerId, Set.of()),
                feedback.texts(ids).getOrDefault(readerId, FeedbackService.Texts.NONE));
        sent.ifPresent(claim -> ledger.advanceReaders(List.of(claim)));
        return sent.isPresent();
    }

    private void record(RunProgress progress, RunProgress.Outcome outcome, boolean retry) {
        progress.record(outcome, retry);
        metrics.record(outcome);
    }

    /**
     * How the ranker sees the reader: the given topics and interests (their saved ones, or what they are editing
     * for a preview), with their followed authors, ranking settings and feedback, minus the excluded papers.
     */
    public ReaderProfile profile(Reader reader, Collection<String> topics, String interests, Set<String> excluded) {
        return profile(reader, topics, interests, excluded, feedback.texts(reader.id));
    }

    private static ReaderProfile profile(Reader reader, Collection<String> topics, String interests,
            Set<String> excluded, FeedbackService.Texts rated) {
        return new ReaderProfile(Set.copyOf(topics), interests, reader.followedAuthors, reader.trendWeight, excluded)
                .withFeedback(rated.liked(), rated.disliked())
                .withExploration(reader.exploration)
                .withOnlyWhenMatches(reader.onlyWhenMatches);
    }

    /**
     * Ids of the papers each reader was sent in the {@value #EXCLUDE_SENT_DAYS} days before the date, in one query;
     * readers sent nothing are not in the map.
     */
    Map<Long, Set<String>> recentlySent(Collection<Long> readerIds, LocalDate date) {
        if (readerIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select d.readerId, d.paperIds from Delivery d where d.readerId in :readers and d.status = :sent"
                                + " and d.digestDate >= :from and d.digestDate < :date", Object[].class)
                .setParameter("readers", readerIds).setParameter("sent", DeliveryStatus.SENT)
                .setParameter("from", date.minusDays(EXCLUDE_SENT_DAYS)).setParameter("date", date).getResultList());
        Map<Long, Set<String>> sent = new HashMap<>();
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            List<String> paperIds = (List<String>) row[1];
            sent.computeIfAbsent((Long) row[0], id -> new HashSet<>()).addAll(paperIds);
        }
        return sent;
    }

    /** True when nothing matched the reader and the picks are the day's trending papers. */
    static boolean isTrendingFallback(List<RankedPaper> picks) {
        return picks.stream().allMatch(RankedPaper::trending);
    }

    /** A stored paper as the ranker sees it; the one conversion the digest and every preview share. */
    public static CandidatePaper candidate(Paper paper) {
        return new CandidatePaper(paper.id, paper.title, paper.summary, paper.authors, Set.copyOf(paper.categories),
                paper.upvotes, paper.publishedOn);
    }
}
