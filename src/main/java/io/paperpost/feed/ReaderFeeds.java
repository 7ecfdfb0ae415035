package io.paperpost.feed;

import io.paperpost.delivery.DigestContents;
import io.paperpost.delivery.SentDigests;
import io.paperpost.digest.DigestComposer;
import io.paperpost.papers.Paper;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader's recent picks from the delivery ledger ({@link SentDigests#picksSince}): what their emails held, or
 * their feed-only days, with the same reasons; the papers' text is read from the paper table, as the web view does.
 */
@ApplicationScoped
class ReaderFeeds {

    @Inject
    SubscriptionService subscriptions;
    @Inject
    SentDigests sent;
    @Inject
    FeedConfig config;
    @Inject
    Links links;
    @Inject
    Clock clock;

    /**
     * The feed the token names.
     *
     * @throws InvalidLinkException when the token is not a current feed token of a confirmed reader
     */
    ReaderFeed of(String token) {
        Reader reader = subscriptions.readerFor(token, TokenPurpose.FEED);
        ZoneId zone = ZoneId.of(reader.timeZone);
        LocalDate from = LocalDate.now(clock.withZone(zone)).minusDays(config.days());
        // One ledger row per day at most, so the window's days bound the rows.
        List<SentDigests.SentDigest> days = sent.picksSince(reader.id, from, config.days() + 1);
        Set<String> ids = new HashSet<>();
        days.forEach(d -> ids.addAll(d.contents().paperIds()));
        Map<String, Paper> papers = QuarkusTransaction.requiringNew().call(() -> Paper.byIds(ids));
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (SentDigests.SentDigest day : days) {
            OffsetDateTime picked = day.digestDate().atTime(reader.deliveryHour, 0).atZone(zone).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC);
            DigestContents contents = day.contents();
            for (int i = 0; i < contents.paperIds().size() && entries.size() < config.maxEntries(); i++) {
                Paper paper = papers.get(contents.paperIds().get(i));
                // Entry ids are per paper: a paper is listed once, at its newest pick (the ledger never repeats one
                // within the window, but a row written before the guard might).
                if (paper != null && listed.add(paper.id)) {
                    entries.add(entry(paper, contents.reasons().get(i), picked));
                }
            }
        }
        OffsetDateTime updated = entries.isEmpty() ? since(reader) : entries.get(0).picked();
        return new ReaderFeed(reader.id, links.feed(token), updated, entries);
    }

    /** When an empty feed began: a fixed time, so its validators do not change until the first picks. */
    private static OffsetDateTime since(Reader reader) {
        Instant since = reader.confirmedAt != null ? reader.confirmedAt : reader.createdAt;
        return (since == null ? Instant.EPOCH : since).atOffset(ZoneOffset.UTC);
    }

    private static FeedEntry entry(Paper paper, String reason, OffsetDateTime picked) {
        return new FeedEntry(paper.id, paper.title, Links.paper(paper.id, paper.title), List.copyOf(paper.authors),
                reason, DigestComposer.teaser(paper.summary), paper.codeUrl, picked);
    }
}
