package io.paperpost.feed;

import com.google.common.html.HtmlEscapers;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes a {@link ReaderFeed} as an Atom 1.0 document (RFC 4287) with Rome. The feed names neither the reader's
 * address nor a link that acts for them: feed URLs end up in feed services and shared lists, so it links only to the
 * papers and the site.
 */
@ApplicationScoped
class AtomWriter {

    /**
     * The date part of every tag URI (RFC 4151 §2.1: a day the site's host was its operator's). Part of each entry's
     * id, so it never changes: a new value would make feed readers show every entry again.
     */
    static final String TAG_DATE = "2026";
    /** Authors listed per entry; papers with hundreds of authors would otherwise swell the feed. */
    static final int MAX_AUTHORS = 20;

    @Inject
    SiteConfig site;
    @Inject
    Links links;

    String write(ReaderFeed readerFeed) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(tag(readerFeed.readerId() + "/feed"));
        feed.setTitle(site.name() + ": your papers");
        feed.setSubtitle(text("Your daily picks with the reason for each, the same as in your emails."));
        feed.setUpdated(date(readerFeed.updated()));
        feed.setAuthors(List.of(site()));
        feed.setAlternateLinks(List.of(link("alternate", links.home(), "text/html")));
        feed.setOtherLinks(List.of(link("self", readerFeed.selfUrl(), "application/atom+xml")));
        List<Entry> entries = new ArrayList<>(readerFeed.entries().size());
        for (FeedEntry pick : readerFeed.entries()) {
            entries.add(entry(readerFeed.readerId(), pick));
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed not written: " + e.getMessage(), e);
        }
    }

    private Entry entry(long readerId, FeedEntry pick) {
        Entry entry = new Entry();
        entry.setId(tag(readerId + "/paper/" + URLEncoder.encode(pick.paperId(), StandardCharsets.UTF_8)));
        entry.setTitle(pick.title());
        entry.setUpdated(date(pick.picked()));
        entry.setAlternateLinks(List.of(link("alternate", pick.url(), "text/html")));
        List<SyndPerson> authors = new ArrayList<>();
        pick.authors().stream().limit(MAX_AUTHORS).forEach(name -> authors.add(person(name, null)));
        entry.setAuthors(authors);
        entry.setSummary(text(pick.reason()));
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(html(pick));
        entry.setContents(List.of(content));
        return entry;
    }

    /** The email card's text: the reason, the teaser, and the code link when there is one. */
    private static String html(FeedEntry pick) {
        StringBuilder html = new StringBuilder();
        if (!pick.reason().isEmpty()) {
            html.append("<p><em>").append(escape(pick.reason())).append("</em></p>");
        }
        html.append("<p>").append(escape(pick.teaser())).append("</p>");
        if (pick.codeUrl() != null && !pick.codeUrl().isBlank()) {
            html.append("<p><a href=\"").append(escape(pick.codeUrl())).append("\">Code</a></p>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }

    /** A tag URI (RFC 4151) under the site's host: the same for the same reader and paper, on every fetch. */
    private String tag(String specific) {
        String host = URI.create(site.baseUrl()).getHost();
        return "tag:" + (host == null ? "localhost" : host) + "," + TAG_DATE + ":" + specific;
    }

    private Person site() {
        return person(site.name(), links.home());
    }

    private static Person person(String name, String uri) {
        Person person = new Person();
        person.setName(name);
        person.setUri(uri);
        return person;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
