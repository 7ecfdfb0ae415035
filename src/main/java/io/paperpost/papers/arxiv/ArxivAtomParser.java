package io.paperpost.papers.arxiv;

import io.paperpost.papers.ArxivIds;
import io.paperpost.papers.InvalidPaperException;
import io.paperpost.papers.JsonFields;
import io.paperpost.papers.PaperRecord;
import io.paperpost.papers.Venues;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one page of the arXiv API: an Atom feed ({@code http://www.w3.org/2005/Atom}) whose entries carry
 * {@code id} ({@code http://arxiv.org/abs/2410.12345v2}), {@code title}, {@code summary}, {@code published},
 * {@code updated}, {@code author/name}, {@code category@term}, {@code link}s and, in
 * {@code http://arxiv.org/schemas/atom}, {@code primary_category@term}, {@code journal_ref} and {@code comment}
 * (where a venue acceptance is written); {@code opensearch:totalResults}
 * says how many results the query has.
 */
public final class ArxivAtomParser {

    /** One page: the query's total and the entries in feed order. */
    public record Page(int totalResults, List<Entry> entries) {
    }

    /**
     * One entry: a record, or the reason it cannot be one. {@code published} is kept for paging even when
     * the entry is broken.
     */
    public record Entry(PaperRecord record, String error, Instant published) {
    }

    private ArxivAtomParser() {
    }

    /**
     * @throws IOException when the body is not an Atom feed, is broken, or is arXiv's error feed
     */
    public static Page parse(byte[] body) throws IOException {
        XMLStreamReader reader = Xml.open(body);
        try {
            Xml.toRoot(reader);
            if (!Xml.is(reader, Xml.ATOM, "feed")) {
                throw new IOException("expected an Atom feed, found <" + reader.getLocalName() + ">");
            }
            int total = -1;
            List<Entry> entries = new ArrayList<>();
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (Xml.is(reader, Xml.ATOM, "entry")) {
                    entries.add(entry(reader));
                } else if (Xml.is(reader, Xml.OPENSEARCH, "totalResults")) {
                    String text = reader.getElementText().strip();
                    try {
                        total = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw new IOException("opensearch:totalResults is not a number: " + text);
                    }
                } else {
                    Xml.skip(reader);
                }
            }
            return new Page(total, entries);
        } catch (XMLStreamException e) {
            throw new IOException("broken Atom feed: " + e.getMessage(), e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }

    private static Entry entry(XMLStreamReader reader) throws XMLStreamException, IOException {
        String id = null;
        String title = null;
        String summary = null;
        String published = null;
        String primary = null;
        String journalRef = null;
        String comment = null;
        List<String> authors = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (Xml.is(reader, Xml.ATOM, "id")) {
                id = Xml.text(reader).strip();
            } else if (Xml.is(reader, Xml.ATOM, "title")) {
                title = Xml.collapse(Xml.text(reader));
            } else if (Xml.is(reader, Xml.ATOM, "summary")) {
                summary = Xml.collapse(Xml.text(reader));
            } else if (Xml.is(reader, Xml.ATOM, "published")) {
                published = Xml.text(reader).strip();
            } else if (Xml.is(reader, Xml.ATOM, "author")) {
                String name = authorName(reader);
                if (name != null) {
                    authors.add(name);
                }
            } else if (Xml.is(reader, Xml.ATOM, "category")) {
                String term = reader.getAttributeValue(null, "term");
                if (term != null && !term.isBlank()) {
                    categories.add(term.strip());
                }
                Xml.skip(reader);
            } else if (Xml.is(reader, Xml.ARXIV, "journal_ref")) {
                journalRef = Xml.collapse(Xml.text(reader));
            } else if (Xml.is(reader, Xml.ARXIV, "comment")) {
                comment = Xml.collapse(Xml.text(reader));
            } else if (Xml.is(reader, Xml.ARXIV, "primary_category")) {
                primary = reader.getAttributeValue(null, "term");
                Xml.skip(reader);
            } else {
                Xml.skip(reader);
            }
        }
        if (id != null && id.contains("/api/errors")) {
            throw new IOException("arXiv API error: " + (summary == null ? id : summary));
        }
        Instant publishedAt = null;
        String dateError = null;
        if (published != null) {
            try {
                publishedAt = Instant.parse(published);
            } catch (DateTimeParseException e) {
                dateError = "'published' is not a timestamp: " + published;
            }
        }
        try {
            if (dateError != null) {
                throw new InvalidPaperException(dateError);
            }
            return new Entry(toRecord(id, title, summary, publishedAt, authors, primary, categories,
                    Venues.of(journalRef, comment)), null, publishedAt);
        } catch (InvalidPaperException e) {
            return new Entry(null, (id == null ? "" : id + ": ") + e.getMessage(), publishedAt);
        }
    }

    private static String authorName(XMLStreamReader reader) throws XMLStreamException {
        String name = null;
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (Xml.is(reader, Xml.ATOM, "name")) {
                name = Xml.collapse(Xml.text(reader));
            } else {
                Xml.skip(reader);
            }
        }
        return name == null || name.isEmpty() ? null : name;
    }

    /** @param venue where the paper was accepted ({@link Venues#of}), null when arXiv does not say */
    static PaperRecord toRecord(String idText, String title, String summary, Instant published, List<String> authors,
            String primary, Set<String> categories, String venue) {
        if (idText == null || idText.isEmpty()) {
            throw new InvalidPaperException("'id' is missing");
        }
        ArxivIds.ArxivId id = ArxivIds.parse(idText)
                .orElseThrow(() -> new InvalidPaperException("'id' is not an arXiv id: " + idText));
        if (title == null || title.isEmpty()) {
            throw new InvalidPaperException("'title' is missing");
        }
        if (title.length() > JsonFields.TITLE) {
            throw new InvalidPaperException("'title' is longer than " + JsonFields.TITLE + " characters");
        }
        if (summary != null && summary.length() > JsonFields.SUMMARY) {
            throw new InvalidPaperException("'summary' is longer than " + JsonFields.SUMMARY + " characters");
        }
        List<String> names = new ArrayList<>();
        for (String author : authors) {
            if (author.length() <= JsonFields.NAME) {
                names.add(author);
            }
        }
        // The primary category first: it is the paper's main subject.
        List<String> ordered = new ArrayList<>();
        if (primary != null && !primary.isBlank()) {
            ordered.add(primary.strip());
        }
        for (String category : categories) {
            if (!ordered.contains(category) && category.length() <= 50) {
                ordered.add(category);
            }
        }
        return PaperRecord.builder(id.id(), title)
                .summary(summary)
                .authors(names)
                .authorCount(authors.isEmpty() ? null : authors.size())
                .categories(ordered)
                .publishedOn(published == null ? null : published.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .version(id.version())
                .venue(venue)
                .build();
    }
}
