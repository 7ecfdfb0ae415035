package io.paperpost.digest;

import io.paperpost.delivery.Claim;
import io.paperpost.delivery.ComposedEmail;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.delivery.DigestContents;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.followups.FollowUp;
import io.paperpost.followups.FollowUps;
import io.paperpost.mail.MailSendException;
import io.paperpost.mail.MailSender;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.subscription.DeliveryChannel;
import io.paperpost.subscription.Reader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One reader's email in a run: rank, claim, compose, send, mark (a feed-only reader's picks are marked for the feed
 * instead of composed and sent). Each step that writes has its own short transaction, so a failure touches this
 * reader only.
 */
@ApplicationScoped
class ReaderPipeline {

    private static final Logger LOG = Logger.getLogger(ReaderPipeline.class);

    @Inject
    DigestConfig config;
    @Inject
    DigestInputs inputs;
    @Inject
    DigestComposer composer;
    @Inject
    DeliveryLedger ledger;
    @Inject
    MailSender sender;
    @Inject
    DigestMetrics metrics;
    @Inject
    ReadersLikeYou readersLikeYou;
    @Inject
    FollowUps followUps;

    /**
     * Sends the reader's email if they have one; returns the claim when the server accepted it.
     *
     * @param recentlySent what the reader was sent lately, never sent again
     * @param rated        the reader's 👍 and 👎 papers
     */
    Optional<Claim> send(Reader reader, LocalDate date, RunPapers papers, RunProgress progress,
            Set<String> recentlySent, FeedbackService.Texts rated) {
        long started = System.nanoTime();
        ReaderProfile profile = inputs.profile(reader, reader.topics, reader.interests, recentlySent, rated);
        LocalDate awaySince = CatchUpRule.awaySince(reader, date, config.catchUp().afterDays());
        int count = awaySince != null
                ? config.catchUp().papers()
                : reader.papersPerEmail > 0 ? reader.papersPerEmail : config.papersPerEmail();
        Optional<Ranker.DayIndex> window = awaySince != null
                ? papers.catchUpWindowFor(reader.papersThrough)
                : papers.windowFor(reader.papersThrough);
        List<RankedPaper> picks = window.map(index -> index.rank(profile, count)).orElse(List.of());
        if (awaySince != null) {
            // The email and its ledger row list them in the same order.
            picks = composer.byTopic(picks);
        }
        long ranked = System.nanoTime();
        metrics.rank(ranked - started);
        if (picks.isEmpty()) {
            // At the reader's hour or not at all that day: not sent hours later when an import happens to land.
            ledger.recordNothingNew(reader.id, date, papers.through());
            record(progress, RunProgress.Outcome.SKIPPED, false);
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(picks.stream().map(p -> p.paper().id()).toList());
        List<String> reasons = new ArrayList<>(picks.stream().map(RankedPaper::reason).toList());
        Paper popular = null;
        if (readersLikeYou.enabled() && reader.deliveryChannel != DeliveryChannel.FEED) {
            Set<String> excluded = new HashSet<>(recentlySent);
            excluded.addAll(ids);
            popular = readersLikeYou.pick(papers, reader, excluded).orElse(null);
            if (popular != null) {
                // Recorded with the email, so it is never sent again and its web view shows it.
                ids.add(popular.id);
                reasons.add(ReadersLikeYou.REASON);
            }
        }
        Optional<Claim> claim = ledger.claim(reader.id, date, new ComposedEmail(ids, papers.through()));
        if (claim.isEmpty()) {
            record(progress, RunProgress.Outcome.SKIPPED, false);
            return Optional.empty();
        }
        long deliveryId = claim.get().deliveryId();
        boolean retry = claim.get().retry();
        boolean trending = isTrendingFallback(picks);
        if (reader.deliveryChannel == DeliveryChannel.FEED) {
            return feedOnly(reader, date, claim.get(), picks, trending, progress);
        }
        List<FollowUp> updates = updates(reader, papers, deliveryId);
        OutgoingMail mail;
        try {
            long renderStarted = System.nanoTime();
            mail = composer.compose(reader, date, picks, trending, papers.byId(),
                    new DigestComposer.Extras(popular, updates, awaySince));
            long rendered = System.nanoTime();
            metrics.render(rendered - renderStarted);
            sender.send(mail);
            metrics.send(System.nanoTime() - rendered);
        } catch (MailSendException e) {
            LOG.warnf("Digest %s for reader %d not sent: %s", date, reader.id, e.getMessage());
            // Not delivered in this run: RETRYING (tried again once due) or FAILED count as failed here.
            DeliveryStatus status = ledger.markFailed(deliveryId, e);
            record(progress, status == DeliveryStatus.SUPPRESSED
                    ? RunProgress.Outcome.SUPPRESSED
                    : RunProgress.Outcome.FAILED, retry);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest %s for reader %d failed", date, reader.id);
            ledger.markFailed(deliveryId, new MailSendException(e.toString(), MailSendException.Kind.TEMPORARY, e));
            record(progress, RunProgress.Outcome.FAILED, retry);
            return Optional.empty();
        }
        try {
            ledger.markSent(claim.get(), mail.messageId(),
                    new DigestContents(ids, mail.subject(), trending, reasons));
        } catch (RuntimeException e) {
            // The server has the email: marking it failed would send it again. The row stays SENDING, never resent.
            LOG.errorf(e, "Digest %s for reader %d was sent but not recorded; its ledger row stays SENDING", date,
                    reader.id);
        }
        record(progress, RunProgress.Outcome.SENT, retry);
        return claim;
    }

    /**
     * A feed-only reader: the claimed row records the picks for the feed, no email. Returns the claim, so the reader
     * advances like after an email and the next day brings the next papers.
     */
    private Optional<Claim> feedOnly(Reader reader, LocalDate date, Claim claim, List<RankedPaper> picks,
            boolean trending, RunProgress progress) {
        List<String> ids = picks.stream().map(p -> p.paper().id()).toList();
        try {
            ledger.markFed(claim, new DigestContents(ids, composer.subject(reader, ids.size(), date, trending),
                    trending, picks.stream().map(RankedPaper::reason).toList()));
        } catch (RuntimeException e) {
            // The row stays SENDING: its papers still count as delivered, and the date is not tried again.
            LOG.errorf(e, "Feed picks %s for reader %d were not recorded; the ledger row stays SENDING", date,
                    reader.id);
            record(progress, RunProgress.Outcome.FAILED, claim.retry());
            return Optional.empty();
        }
        record(progress, RunProgress.Outcome.FEED, claim.retry());
        return Optional.of(claim);
    }

    /** The reader's follow-ups, recorded with the claimed email; none (and a logged line) when they fail. */
    private List<FollowUp> updates(Reader reader, RunPapers papers, long deliveryId) {
        try {
            return followUps.take(papers.followUps(), reader.id, deliveryId);
        } catch (RuntimeException e) {
            // The new papers matter more than the updates: the email goes out without them.
            LOG.warnf("Follow-ups for reader %d left out of email %d: %s", reader.id, deliveryId, e);
            return List.of();
        }
    }

    private void record(RunProgress progress, RunProgress.Outcome outcome, boolean retry) {
        progress.record(outcome, retry);
        metrics.record(outcome);
    }

    /** True when nothing matched the reader and the picks are the day's trending papers. */
    static boolean isTrendingFallback(List<RankedPaper> picks) {
        return picks.stream().allMatch(RankedPaper::trending);
    }
}
