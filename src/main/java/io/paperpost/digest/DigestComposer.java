package io.paperpost.digest;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import io.paperpost.feedback.Feedback;
import io.paperpost.feedback.FeedbackLinks;
import io.paperpost.feedback.Steering;
import io.paperpost.feedback.SteeringLinks;
import io.paperpost.followups.FollowUp;
import io.paperpost.mail.MailBodies;
import io.paperpost.mail.MailConfig;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.readinglist.ReadingListLinks;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.MailFormat;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.paperpost.subscription.TopicCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a reader's picks into the digest email: subject, both bodies, and the list headers. */
@ApplicationScoped
public class DigestComposer {

    static final int TEASER_CHARS = 220;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    /** How a web-view token names the email's date: "20261124". */
    static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final String WHILE_AWAY = "While you were away: ";
    /** A catch-up's heading for the picks without a topic. */
    static final String OTHER_PAPERS = "More for you";

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance digest(DigestMail mail);
    }

    /**
     * What every reader's email shows the same of a paper, worked out once per paper of a run instead of once
     * per reader (the teaser's whitespace folding alone was most of the rendering time). Weak keys compare by
     * identity and let a run's papers go when the run is over.
     */
    private final LoadingCache<Paper, PaperText> paperTexts = CacheBuilder.newBuilder().weakKeys()
            .build(CacheLoader.from(
                    paper -> new PaperText(Links.paper(paper.id, paper.title), authors(paper), teaser(paper.summary))));

    private record PaperText(String url, String authors, String teaser) {
    }

    @Inject
    SiteConfig site;
    @Inject
    Links links;
    @Inject
    ReaderTokens tokens;
    @Inject
    TopicCatalog topics;
    @Inject
    FeedbackLinks feedbackLinks;
    @Inject
    SteeringLinks steeringLinks;
    @Inject
    ReadingListLinks readingList;
    @Inject
    MailConfig mailConfig;

    /**
     * What an email holds besides its picks.
     *
     * @param popular   the paper of the "popular with readers who share your interests" line, or null
     * @param updates   "Updates on papers you follow"
     * @param awaySince the date of the reader's last email when this one is a catch-up after a pause, else null
     */
    public record Extras(Paper popular, List<FollowUp> updates, LocalDate awaySince) {
        public static final Extras NONE = new Extras(null, List.of(), null);

        public Extras {
            updates = List.copyOf(updates);
        }
    }

    /**
     * @param papers the stored papers of the picks, by id, for links and details the ranker does not carry
     */
    public OutgoingMail compose(Reader reader, LocalDate date, List<RankedPaper> picks, boolean trending,
            Map<String, Paper> papers) {
        return compose(reader, date, picks, trending, papers, Extras.NONE);
    }

    /** @param picks in a catch-up, already {@link #byTopic grouped by topic} */
    public OutgoingMail compose(Reader reader, LocalDate date, List<RankedPaper> picks, boolean trending,
            Map<String, Paper> papers, Extras extras) {
        boolean catchUp = extras.awaySince() != null;
        List<DigestMail.Item> items = new ArrayList<>();
        String group = null;
        for (RankedPaper pick : picks) {
            // A catch-up's picks come grouped: each group's first item carries its heading.
            String name = catchUp ? groupName(pick.topic()) : null;
            String heading = name != null && !name.equals(group) ? name : null;
            group = name;
            items.add(item(reader, items.size() + 1, papers.get(pick.paper().id()), pick.reason(), pick.topic(),
                    heading));
        }
        String unsubscribeToken = tokens.issue(TokenPurpose.UNSUBSCRIBE, reader.id);
        String subject = catchUp
                ? WHILE_AWAY + subject(reader, items.size(), date, trending)
                : subject(reader, items.size(), date, trending);
        // One token for both links: the archive takes any of the reader's web-view tokens (one signature less).
        String viewToken = viewToken(reader, date);
        Paper popular = extras.popular();
        DigestMail.Popular popularLine = popular == null
                ? null
                : new DigestMail.Popular(popular.title, paperTexts.getUnchecked(popular).url());
        DigestMail mail = mail(reader, date, subject, trending, items, unsubscribeToken, links.digest(viewToken),
                links.digests(viewToken), false, popularLine, extras.updates(),
                catchUp ? DAY_LABEL.format(extras.awaySince()) : null);
        String text;
        String html = null;
        if (reader.mailFormat == MailFormat.PLAIN) {
            text = MailBodies.renderText(Templates.digest(mail));
        } else {
            MailBodies bodies = MailBodies.render(() -> Templates.digest(mail));
            text = bodies.text();
            html = bodies.html();
        }
        String messageId = "digest-" + reader.id + "-" + date + "@" + host();
        return new OutgoingMail(reader.email, subject, text, html, messageId,
                headers(reader, date, links.unsubscribe(unsubscribeToken), unsubscribeToken));
    }

    /**
     * The web page of a sent email, from the same template as the email: without "View in your browser", with the
     * link to the reader's past emails, and marked not to be indexed. Links are signed afresh.
     *
     * @param papers  the email's papers still stored, in its order
     * @param reasons their reason lines, in the same order
     */
    String webView(Reader reader, LocalDate date, String subject, boolean trending, List<Paper> papers,
            List<String> reasons) {
        List<DigestMail.Item> items = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            items.add(item(reader, i + 1, papers.get(i), reasons.get(i), null, null));
        }
        DigestMail mail = mail(reader, date, subject, trending, items,
                tokens.issue(TokenPurpose.UNSUBSCRIBE, reader.id),
                null, links.digests(viewToken(reader, date)), true, null, List.of(), null);
        return Templates.digest(mail).setAttribute(TemplateInstance.SELECTED_VARIANT,
                Variant.forContentType(Variant.TEXT_HTML)).render();
    }

    /** The signed name of the reader's email of the date, for its web view and their past emails. */
    String viewToken(Reader reader, LocalDate date) {
        return tokens.issue(TokenPurpose.DIGEST_VIEW, reader.id, COMPACT_DATE.format(date));
    }

    /**
     * A catch-up's picks grouped by topic: the group of the best pick first, each group in rank order, the papers
     * without a topic last.
     */
    public List<RankedPaper> byTopic(List<RankedPaper> picks) {
        Map<String, List<RankedPaper>> groups = new LinkedHashMap<>();
        List<RankedPaper> other = new ArrayList<>();
        for (RankedPaper pick : picks) {
            String name = groupName(pick.topic());
            if (name.equals(OTHER_PAPERS)) {
                other.add(pick);
            } else {
                groups.computeIfAbsent(name, n -> new ArrayList<>()).add(pick);
            }
        }
        List<RankedPaper> ordered = new ArrayList<>();
        groups.values().forEach(ordered::addAll);
        ordered.addAll(other);
        return ordered;
    }

    /** The topic's name, null when the paper has no topic or it is not in the catalog. */
    private String topicName(String topicId) {
        return topicId == null ? null : topics.find(topicId).map(t -> t.name()).orElse(null);
    }

    /** A catch-up's heading for a paper: its topic's name, or {@link #OTHER_PAPERS}. */
    private String groupName(String topicId) {
        String name = topicName(topicId);
        return name == null ? OTHER_PAPERS : name;
    }

    /**
     * @param topicId the paper's primary topic, null when it has none or it is not known
     * @param group   the topic heading the item opens in a catch-up, else null
     */
    private DigestMail.Item item(Reader reader, int rank, Paper paper, String reason, String topicId, String group) {
        PaperText text = paperTexts.getUnchecked(paper);
        return new DigestMail.Item(rank, paper.title, text.url(), text.authors(), text.teaser(), paper.codeUrl,
                reason, feedbackLinks.link(reader.id, paper.id, Feedback.LIKE),
                feedbackLinks.link(reader.id, paper.id, Feedback.DISLIKE), readingList.save(reader.id, paper.id),
                steering(reader, paper, topicId), group);
    }

    private DigestMail.Steering steering(Reader reader, Paper paper, String topicId) {
        String topicName = topicName(topicId);
        String token = steeringLinks.token(reader.id, paper.id, topicName == null ? null : topicId);
        String author = paper.authors.isEmpty() ? null : paper.authors.get(0);
        return new DigestMail.Steering(steeringLinks.link(token, Steering.Action.FEWER_LIKE_THIS), author,
                author == null ? null : steeringLinks.link(token, Steering.Action.FOLLOW_AUTHOR),
                author == null ? null : steeringLinks.link(token, Steering.Action.MUTE_AUTHOR), topicName,
                topicName == null ? null : steeringLinks.link(token, Steering.Action.MUTE_TOPIC));
    }

    private DigestMail mail(Reader reader, LocalDate date, String subject, boolean trending,
            List<DigestMail.Item> items, String unsubscribeToken, String webViewUrl, String archiveUrl,
            boolean webView, DigestMail.Popular popular, List<FollowUp> updates, String awaySince) {
        return new DigestMail(site.name(), subject, preheader(items, trending), DAY_LABEL.format(date), trending,
                items, links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)), readingList.list(reader.id),
                links.unsubscribe(unsubscribeToken), links.home(), site.contactLine(),
                "You receive this because you subscribed to " + site.name() + " with " + reader.email
                        + " and confirmed your address.",
                webViewUrl, archiveUrl, links.feed(tokens.issue(TokenPurpose.FEED, reader.id)), webView, popular,
                updates, awaySince);
    }

    /**
     * The list headers: List-Id, one-click List-Unsubscribe (RFC 8058) with a mailto when configured, and
     * Feedback-ID in Gmail's "campaign:cohort:type:sender" form. Header values are ASCII: the site name is
     * RFC 2047 encoded when it is not.
     */
    private Map<String, String> headers(Reader reader, LocalDate date, String unsubscribeUrl, String unsubscribeToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Id", encodedPhrase(site.name() + " daily digest") + " <daily." + host() + ">");
        String unsubscribe = "<" + unsubscribeUrl + ">";
        if (mailConfig.unsubscribeMailto().isPresent()) {
            unsubscribe += ", <mailto:" + mailConfig.unsubscribeMailto().get() + "?subject=unsubscribe%20"
                    + unsubscribeToken + ">";
        }
        headers.put("List-Unsubscribe", unsubscribe);
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Feedback-ID",
                "digest-" + COMPACT_DATE.format(date) + ":" + reader.frequency.name().toLowerCase(Locale.ROOT)
                        + ":paperpost:" + mailConfig.feedbackSenderId());
        return headers;
    }

    private static String encodedPhrase(String phrase) {
        if (phrase.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            return phrase;
        }
        try {
            return MimeUtility.encodeWord(phrase, "UTF-8", "Q");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every JVM", e);
        }
    }

    /** The line mail apps show beside the subject: the top pick, and how many more. */
    static String preheader(List<DigestMail.Item> items, boolean trending) {
        if (items.isEmpty()) {
            return "";
        }
        String top = (trending ? "Trending: " : "Top pick: ") + items.get(0).title();
        return items.size() == 1 ? top : top + " — and " + (items.size() - 1) + " more";
    }

    /** "7 new papers on Diffusion, Efficient LLM inference — Tue 24 Nov". */
    String subject(Reader reader, int count, LocalDate date, boolean trending) {
        String papers = count == 1 ? "1 new paper" : count + " new papers";
        List<String> names = new ArrayList<>();
        reader.topics.stream().limit(2).forEach(id -> names.add(topics.find(id).map(t -> t.name()).orElse(id)));
        String about;
        if (trending) {
            about = " trending today";
        } else if (!names.isEmpty()) {
            about = " on " + String.join(", ", names);
        } else if (!reader.interests.isBlank()) {
            // Typed by the reader: folded to one line, so it cannot reach another header.
            about = " on " + shorten(reader.interests.replaceAll("\\s+", " ").strip(), 40);
        } else {
            about = " for you";
        }
        return papers + about + " — " + DAY_LABEL.format(date);
    }

    /** The paper's authors as an email card shows them: up to three, then "et al.". */
    public static String authors(Paper paper) {
        if (!paper.authors.isEmpty()) {
            return paper.authors.size() <= 3
                    ? String.join(", ", paper.authors)
                    : String.join(", ", paper.authors.subList(0, 3)) + " et al.";
        }
        if (paper.organization != null) {
            return paper.organization;
        }
        if (paper.authorCount != null) {
            return paper.authorCount == 1 ? "1 author" : paper.authorCount + " authors";
        }
        return "";
    }

    /** The abstract's first sentences, cut at a word, about two lines in an email. */
    public static String teaser(String summary) {
        return shorten(summary == null ? "" : summary.replaceAll("\\s+", " ").strip(), TEASER_CHARS);
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).replaceAll("[,;:.\\s]+$", "") + "…";
    }

    private String host() {
        String host = URI.create(site.baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }
}
