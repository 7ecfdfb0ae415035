package io.paperpost.digest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.paperpost.delivery.MailBodies;
import io.paperpost.feedback.Feedback;
import io.paperpost.feedback.FeedbackLinks;
import io.paperpost.delivery.OutgoingMail;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.paperpost.subscription.TopicCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a reader's picks into the digest email: subject, both bodies, and the list headers. */
@ApplicationScoped
public class DigestComposer {

    static final int TEASER_CHARS = 220;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance digest(DigestMail mail);
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

    /**
     * @param papers the stored papers of the picks, by id, for links and details the ranker does not carry
     */
    public OutgoingMail compose(Reader reader, LocalDate date, List<RankedPaper> picks, boolean trending,
                                Map<String, Paper> papers) {
        List<DigestMail.Item> items = new ArrayList<>();
        for (RankedPaper pick : picks) {
            Paper paper = papers.get(pick.paper().id());
            items.add(new DigestMail.Item(items.size() + 1, paper.title, Links.paper(paper.id, paper.title), authors(paper),
                    teaser(paper.summary), paper.upvotes, paper.codeUrl, pick.reason(),
                    feedbackLinks.link(reader.id, paper.id, Feedback.LIKE),
                    feedbackLinks.link(reader.id, paper.id, Feedback.DISLIKE)));
        }
        String unsubscribeUrl = links.unsubscribe(tokens.issue(TokenPurpose.UNSUBSCRIBE, reader.id));
        String subject = subject(reader, items.size(), date, trending);
        String preheader = items.isEmpty() ? "" : "Top pick: " + items.get(0).title();
        DigestMail mail = new DigestMail(site.name(), subject, preheader, DAY_LABEL.format(date), trending, items,
                links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)), unsubscribeUrl, links.home(),
                site.contactLine(), "You receive this because you subscribed to " + site.name() + " with "
                        + reader.email + " and confirmed your address.");
        MailBodies bodies = MailBodies.render(() -> Templates.digest(mail));

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Id", site.name() + " daily digest <daily." + host() + ">");
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String messageId = "digest-" + reader.id + "-" + date + "@" + host();
        return new OutgoingMail(reader.email, subject, bodies.text(), bodies.html(), messageId, headers);
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
            about = " on " + shorten(reader.interests, 40);
        } else {
            about = " for you";
        }
        return papers + about + " — " + DAY_LABEL.format(date);
    }

    static String authors(Paper paper) {
        if (!paper.authors.isEmpty()) {
            return paper.authors.size() <= 3 ? String.join(", ", paper.authors)
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
    static String teaser(String summary) {
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
