package io.paperpost.readinglist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The reading list as CSL-JSON (the Citation Style Language's data schema), which Pandoc, Zotero and other citeproc
 * tools read: an array of {@code article} items, arXiv as publisher, the arXiv id as number. Notes are private and
 * never exported.
 */
final class CslJsonExport {

    /** The CSL-JSON media type; browsers and tools that do not know it still see JSON by the file name. */
    static final String MEDIA_TYPE = "application/vnd.citationstyles.csl+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CslJsonExport() {
    }

    static String write(List<SavedPaper> saved) {
        ArrayNode items = JSON.createArrayNode();
        for (SavedPaper entry : saved) {
            Citation paper = Citation.of(entry.paper());
            ObjectNode item = items.addObject();
            item.put("id", paper.arxivId() != null ? "arXiv:" + paper.arxivId() : paper.id());
            item.put("type", "article");
            item.put("title", paper.title());
            ArrayNode authors = item.putArray("author");
            for (Citation.Author author : paper.authors()) {
                ObjectNode name = authors.addObject();
                if (author.given().isEmpty()) {
                    name.put("literal", author.family());
                } else {
                    name.put("family", author.family()).put("given", author.given());
                }
            }
            if (paper.date() != null) {
                item.putObject("issued").putArray("date-parts").addArray().add(paper.date().getYear())
                        .add(paper.date().getMonthValue()).add(paper.date().getDayOfMonth());
            }
            item.put("URL", paper.url());
            if (paper.arxivId() != null) {
                item.put("DOI", paper.doi());
                item.put("number", paper.arxivId());
                item.put("publisher", "arXiv");
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
