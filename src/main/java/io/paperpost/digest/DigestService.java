package io.paperpost.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryStatus;
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

/**
 * One digest run for a date: for every active reader, rank the papers first seen since their last email,
 * render, claim the (reader, date) ledger row, send, record. Readers are read page by page; each send has
 * its own short transactions, so a failure touches one reader only.
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

    /** Papers sent to a reader within this many days are not sent again. */
    static final int EXCLUDE_SENT_DAYS = 30;

    public DigestSummary run(LocalDate date) {
        long started = System.nanoTime();
        LocalDate earliest = date.minusDays(config.firstDigestLookbackDays());
        List<Paper> papers = QuarkusTransaction.requiringNew().call(() ->
                Paper.<Paper>list("firstSeenOn > ?1 and firstSeenOn <= ?2", earliest, date));
        Map<String, Paper> papersById = new HashMap<>();
        papers.forEach(p -> papersById.put(p.id, p));
        // Readers differ only in where their window starts (their last email); index each window once.
        Map<LocalDate, Ranker.DayIndex> indexByWindowStart = new HashMap<>();

        int readers = 0;
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        long afterId = 0;
        List<Reader> page;
        do {
            long from = afterId;
            page = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>find(
                    "status = ?1 and id > ?2 order by id", ReaderStatus.ACTIVE, from).page(0, config.readerPageSize()).list());
            for (Reader reader : page) {
                afterId = reader.id;
                readers++;
                LocalDate windowStart = reader.lastDigestDate == null || reader.lastDigestDate.isBefore(earliest)
                        ? earliest : reader.lastDigestDate;
                if (!windowStart.isBefore(date)) {
                    skipped++;
                    continue;
                }
                Ranker.DayIndex index = indexByWindowStart.computeIfAbsent(windowStart, start -> ranker.index(
                        papers.stream().filter(p -> p.firstSeenOn.isAfter(start)).map(DigestService::candidate).toList()));
                switch (send(reader, date, index, papersById)) {
                    case SENT -> sent++;
                    case SKIPPED -> skipped++;
                    case FAILED -> failed++;
                }
            }
        } while (page.size() == config.readerPageSize());

        DigestSummary summary = new DigestSummary(date, readers, sent, skipped, failed, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Digest %s: %d readers, %d sent, %d skipped, %d failed in %d ms (%s)", date, readers, sent, skipped,
                failed, summary.millis(), sender.describe());
        return summary;
    }

    private enum Outcome { SENT, SKIPPED, FAILED }

    private Outcome send(Reader reader, LocalDate date, Ranker.DayIndex index, Map<String, Paper> papers) {
        ReaderProfile profile = profile(reader, reader.topics, reader.interests, recentlySent(reader.id, date));
        List<RankedPaper> picks = index.rank(profile, config.papersPerEmail());
        if (picks.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Optional<Long> claim = ledger.claim(reader.id, date);
        if (claim.isEmpty()) {
            return Outcome.SKIPPED;
        }
        try {
            OutgoingMail mail = composer.compose(reader, date, picks, isTrendingFallback(picks), papers);
            sender.send(mail);
            List<String> ids = new ArrayList<>();
            picks.forEach(p -> ids.add(p.paper().id()));
            ledger.markSent(claim.get(), mail.messageId(), ids);
            return Outcome.SENT;
        } catch (MailSendException e) {
            LOG.warnf("Digest %s for reader %d not sent: %s", date, reader.id, e.getMessage());
            ledger.markFailed(claim.get(), e);
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest %s for reader %d failed", date, reader.id);
            ledger.markFailed(claim.get(), new MailSendException(e.toString(), MailSendException.Kind.TEMPORARY, e));
            return Outcome.FAILED;
        }
    }

    /**
     * How the ranker sees the reader: the given topics and interests (their saved ones, or what they are editing
     * for a preview), with their followed authors, ranking settings and feedback, minus the excluded papers.
     */
    public ReaderProfile profile(Reader reader, Collection<String> topics, String interests, Set<String> excluded) {
        FeedbackService.Texts rated = feedback.texts(reader.id);
        return new ReaderProfile(Set.copyOf(topics), interests, reader.followedAuthors, reader.trendWeight, excluded)
                .withFeedback(rated.liked(), rated.disliked())
                .withExploration(reader.exploration)
                .withOnlyWhenMatches(reader.onlyWhenMatches);
    }

    /** Ids of the papers the reader was sent in the {@value #EXCLUDE_SENT_DAYS} days before the date. */
    Set<String> recentlySent(long readerId, LocalDate date) {
        List<List<String>> lists = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                "readerId = ?1 and status = ?2 and digestDate >= ?3 and digestDate < ?4", readerId, DeliveryStatus.SENT,
                date.minusDays(EXCLUDE_SENT_DAYS), date).stream().map(d -> List.copyOf(d.paperIds)).toList());
        Set<String> ids = new HashSet<>();
        lists.forEach(ids::addAll);
        return ids;
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
