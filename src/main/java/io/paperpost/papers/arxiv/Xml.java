package io.paperpost.papers.arxiv;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** JDK StAX set up for feeds from outside: namespace-aware, no DTDs, no external entities. */
final class Xml {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    static XMLStreamReader open(byte[] body) throws IOException {
        try {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
        } catch (XMLStreamException e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        }
    }

    /** Moves to the root element and returns its reader positioned there. */
    static void toRoot(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
            // skip prolog, comments, whitespace
        }
        if (!reader.isStartElement()) {
            throw new XMLStreamException("the document has no root element");
        }
    }

    /** Skips the current element and everything in it; the reader ends on its end tag. */
    static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of an element that may hold markup (e.g. an HTML-ish title): all text inside, tags dropped. */
    static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getText());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Text with every run of white space (line breaks in titles and abstracts) made one space. */
    static String collapse(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean is(XMLStreamReader reader, String namespace, String localName) {
        return namespace.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }
}
