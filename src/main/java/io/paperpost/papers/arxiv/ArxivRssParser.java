package io.paperpost.papers.arxiv;

import io.paperpost.papers.ArxivIds;
import io.paperpost.papers.InvalidPaperException;
import io.paperpost.papers.JsonFields;
import io.paperpost.papers.PaperRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv's RSS 2.0 announcement feed ({@code https://rss.arxiv.org/rss/cs.LG}): per {@code item} a
 * {@code title}, {@code link}, {@code description} ({@code arXiv:2510.19818v2 Announce Type: replace
 * Abstract: ...}), {@code guid} ({@code oai:arXiv.org:2510.19818v2}), {@code category}s, {@code pubDate},
 * {@code arxiv:announce_type} (new, cross, replace, replace-cross) and {@code dc:creator} (comma-separated
 * authors).
 */
public final class ArxivRssParser {

    static final Set<String> ANNOUNCE_TYPES = Set.of("new", "cross", "replace", "replace-cross");

    /** One item: a record, or the reason it cannot be one. */
    public record Item(PaperRecord record, String error) {
    }

    private ArxivRssParser() {
    }

    /** @throws IOException when the body is not an RSS feed or is broken */
    public static List<Item> parse(byte[] body) throws IOException {
        XMLStreamReader reader = Xml.open(body);
        try {
            Xml.toRoot(reader);
            if (!"rss".equals(reader.getLocalName())) {
                throw new IOException("expected an RSS feed, found <" + reader.getLocalName() + ">");
            }
            List<Item> items = new ArrayList<>();
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String ns = reader.getNamespaceURI();
                if ("channel".equals(reader.getLocalName()) && (ns == null || ns.isEmpty())) {
                    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if ("item".equals(reader.getLocalName())) {
                            items.add(item(reader));
                        } else {
                            Xml.skip(reader);
                        }
                    }
                } else {
                    Xml.skip(reader);
                }
            }
            return items;
        } catch (XMLStreamException e) {
            throw new IOException("broken RSS feed: " + e.getMessage(), e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }

    private static Item item(XMLStreamReader reader) throws XMLStreamException {
        String title = null;
        String link = null;
        String description = null;
        String guid = null;
        String pubDate = null;
        String announceType = null;
        String creators = null;
        Set<String> categories = new LinkedHashSet<>();
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            String local = reader.getLocalName();
            if (ns.isEmpty()) {
                switch (local) {
                    case "title" -> title = Xml.collapse(Xml.text(reader));
                    case "link" -> link = Xml.text(reader).strip();
                    case "description" -> description = Xml.text(reader);
                    case "guid" -> guid = Xml.text(reader).strip();
                    case "pubDate" -> pubDate = Xml.text(reader).strip();
                    case "category" -> {
                        String category = Xml.text(reader).strip();
                        if (!category.isEmpty() && category.length() <= 50) {
                            categories.add(category);
                        }
                    }
                    default -> Xml.skip(reader);
                }
            } else if (Xml.ARXIV.equals(ns) && "announce_type".equals(local)) {
                announceType = Xml.text(reader).strip();
            } else if (Xml.DC.equals(ns) && "creator".equals(local)) {
                creators = Xml.collapse(Xml.text(reader));
            } else {
                Xml.skip(reader);
            }
        }
        try {
            return new Item(toRecord(title, link, description, guid, pubDate, announceType, creators, categories),
                    null);
        } catch (InvalidPaperException e) {
            return new Item(null, (guid == null ? "" : guid + ": ") + e.getMessage());
        }
    }

    static PaperRecord toRecord(String title, String link, String description, String guid, String pubDate,
            String announceType, String creators, Set<String> categories) {
        ArxivIds.ArxivId id = ArxivIds.parse(guid).or(() -> ArxivIds.parse(link))
                .orElseThrow(() -> new InvalidPaperException("no arXiv id in 'guid' or 'link'"));
        Integer version = id.version();
        if (version == null && description != null) {
            // "arXiv:2510.19818v2 Announce Type: ..." names the version when the guid does not.
            String first = description.strip().split("\\s+", 2)[0];
            version = ArxivIds.parse(first).filter(d -> d.id().equals(id.id())).map(ArxivIds.ArxivId::version)
                    .orElse(null);
        }
        if (title == null || title.isEmpty()) {
            throw new InvalidPaperException("'title' is missing");
        }
        if (title.length() > JsonFields.TITLE) {
            throw new InvalidPaperException("'title' is longer than " + JsonFields.TITLE + " characters");
        }
        String type = announceType == null || announceType.isEmpty() ? null : announceType;
        if (type != null && !ANNOUNCE_TYPES.contains(type)) {
            throw new InvalidPaperException("unknown 'arxiv:announce_type': " + type);
        }
        String summary = abstractOf(description);
        if (summary != null && summary.length() > JsonFields.SUMMARY) {
            throw new InvalidPaperException("'description' is longer than " + JsonFields.SUMMARY + " characters");
        }
        boolean replacement = type != null && type.startsWith("replace");
        List<String> authors = authors(creators);
        return PaperRecord.builder(id.id(), title)
                .summary(summary)
                .authors(authors)
                .authorCount(authors.isEmpty() ? null : authors.size())
                .categories(new ArrayList<>(categories))
                // pubDate is the announcement day: the publication day only for a new paper.
                .publishedOn(replacement ? null : day(pubDate))
                .version(version)
                .announceType(type)
                .build();
    }

    /** The abstract: what follows "Abstract:" in the description, white space collapsed. */
    static String abstractOf(String description) {
        if (description == null) {
            return null;
        }
        int at = description.indexOf("Abstract:");
        String text = at >= 0 ? description.substring(at + "Abstract:".length()) : description;
        text = Xml.collapse(text);
        return text.isEmpty() ? null : text;
    }

    /** "A. One, B. Two, C. Three" (or "... and C. Three") as names. */
    static List<String> authors(String creators) {
        List<String> names = new ArrayList<>();
        if (creators == null) {
            return names;
        }
        for (String part : creators.split(",")) {
            for (String name : part.split("\\s+and\\s+")) {
                String n = name.strip();
                if (n.startsWith("and ")) {
                    n = n.substring(4).strip();
                }
                if (!n.isEmpty() && n.length() <= JsonFields.NAME) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private static LocalDate day(String pubDate) {
        if (pubDate == null || pubDate.isEmpty()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidPaperException("'pubDate' is not an RFC 822 date: " + pubDate);
        }
    }
}
