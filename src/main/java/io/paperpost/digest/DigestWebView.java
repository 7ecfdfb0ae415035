package io.paperpost.digest;

import io.paperpost.delivery.DigestContents;
import io.paperpost.delivery.SentDigests;
import io.paperpost.papers.Paper;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.LinkSignOut;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sent digest shown again as a page ("View in your browser"), and the list of the reader's past digests, both
 * from the ledger ({@link SentDigests}) and the paper table. A link that is tampered with, expired, names no email
 * the reader was sent, or a reader who is gone, is an {@link InvalidLinkException}: the usual 404 page.
 */
@ApplicationScoped
public class DigestWebView {

    /**
     * How long a web-view link works: a year of past emails and a little more. The tokens travel in URLs
     * (forwarded, in browser history), so unlike the manage link they do not work for ever; any newer email carries
     * fresh ones, and the list of past emails signs each entry's link afresh.
     */
    static final Duration LINK_LIFETIME = Duration.ofDays(400);
    /** Past emails listed: a year of daily emails. */
    static final int ARCHIVE_LIMIT = 366;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** One past email in the list. */
    public record PastEmail(String dateLabel, String isoDate, String subject, String firstTitle, int papers,
            String url) {
    }

    /** The list of a reader's past emails, newest first. */
    public record Archive(String siteName, String email, List<PastEmail> emails, String homeUrl, String manageUrl) {
    }

    @Inject
    ReaderTokens tokens;
    @Inject
    SentDigests sent;
    @Inject
    DigestComposer composer;
    @Inject
    Links links;
    @Inject
    SiteConfig site;

    /** The HTML page of the email the token names: its papers still stored, with their reasons, as sent. */
    public String page(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.DIGEST_VIEW, LINK_LIFETIME);
        LocalDate date = dateOf(verified.subject());
        Reader reader = reader(verified);
        SentDigests.SentDigest digest = sent.of(reader.id, date)
                .orElseThrow(() -> new InvalidLinkException("no digest sent to the reader on " + date));
        DigestContents contents = digest.contents();
        Map<String, Paper> stored = papers(Set.copyOf(contents.paperIds()));
        List<Paper> papers = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < contents.paperIds().size(); i++) {
            Paper paper = stored.get(contents.paperIds().get(i));
            if (paper != null) {
                papers.add(paper);
                reasons.add(contents.reasons().get(i));
            }
        }
        String subject = contents.subject().isEmpty()
                ? composer.subject(reader, papers.size(), date, contents.trending())
                : contents.subject();
        return composer.webView(reader, date, subject, contents.trending(), papers, reasons);
    }

    /** The reader's past emails, newest first, each linking to its web view. Takes any web-view token of theirs. */
    public Archive archive(String token) {
        Reader reader = reader(tokens.verify(token, TokenPurpose.DIGEST_VIEW, LINK_LIFETIME));
        List<SentDigests.SentDigest> digests = sent.newestFirst(reader.id, ARCHIVE_LIMIT);
        Map<String, Paper> firsts = papers(digests.stream().map(d -> d.contents().paperIds())
                .filter(ids -> !ids.isEmpty()).map(ids -> ids.get(0)).collect(Collectors.toSet()));
        List<PastEmail> emails = new ArrayList<>(digests.size());
        for (SentDigests.SentDigest digest : digests) {
            List<String> ids = digest.contents().paperIds();
            Paper first = ids.isEmpty() ? null : firsts.get(ids.get(0));
            emails.add(new PastEmail(LONG_DATE.format(digest.digestDate()), digest.digestDate().toString(),
                    digest.contents().subject(), first == null ? "" : first.title, ids.size(),
                    links.digest(composer.viewToken(reader, digest.digestDate()))));
        }
        return new Archive(site.name(), reader.email, emails, links.home(),
                links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)));
    }

    private static LocalDate dateOf(String subject) {
        try {
            return LocalDate.parse(subject, DigestComposer.COMPACT_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidLinkException("web-view token without a date");
        }
    }

    /** The token's reader; an erased reader is gone, and with them the ledger rows (on delete cascade). */
    /** The link's reader, unless they signed out everywhere after it was issued. */
    private static Reader reader(ReaderTokens.Verified link) {
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findByIdOptional(link.readerId())
                .filter(r -> r.status != ReaderStatus.PENDING)
                .orElseThrow(() -> new InvalidLinkException("no such confirmed reader")));
        LinkSignOut.requireCurrent(reader, link);
        return reader;
    }

    private static Map<String, Paper> papers(Set<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.byIds(ids));
    }
}
