package io.paperpost.papers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static io.paperpost.papers.JsonFields.count;
import static io.paperpost.papers.JsonFields.date;
import static io.paperpost.papers.JsonFields.names;
import static io.paperpost.papers.JsonFields.text;
import static io.paperpost.papers.JsonFields.url;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Papers as JSON Lines in the sample format: one object per line with {@code key} (optional: derived from
 * the title when missing), {@code title}, {@code summary}, and optionally {@code authors} (array of names),
 * {@code authorCount}, {@code organization}, {@code categories}, {@code publishedAt} (ISO date),
 * {@code upvotes} and {@code codeUrl}. A {@code key} that is an arXiv id is stored without its version.
 * Streams the input: memory stays flat whatever its size.
 */
public final class JsonLinesPaperSource implements PaperSource {

    static final int MAX_LINE_CHARS = 100_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    private final String name;
    private final InputStream input;
    private final ObjectMapper json;

    public JsonLinesPaperSource(String name, InputStream input, ObjectMapper json) {
        this.name = name;
        this.input = input;
        this.json = json;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(number, parse(line));
                } catch (InvalidPaperException e) {
                    sink.reject(number, e.getMessage());
                }
            }
        }
    }

    PaperRecord parse(String line) {
        if (line.length() > MAX_LINE_CHARS) {
            throw new InvalidPaperException("line is longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidPaperException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPaperException("expected a JSON object");
        }
        String title = text(node, "title", JsonFields.TITLE, true);
        String summary = text(node, "summary", JsonFields.SUMMARY, false);
        String id = text(node, "key", 100, false);
        Integer version = null;
        if (id == null) {
            id = PaperKeys.fromTitle(title);
        } else if (!ID.matcher(id).matches()) {
            throw new InvalidPaperException("'key' may hold only letters, digits and . _ : / -");
        } else {
            // An arXiv id as key is stored without its version, like the live sources do.
            var arxiv = ArxivIds.parse(id);
            if (arxiv.isPresent()) {
                id = arxiv.get().id();
                version = arxiv.get().version();
            }
        }
        return PaperRecord.builder(id, title).summary(summary).authors(names(node, "authors", 300))
                .authorCount(count(node, "authorCount")).organization(text(node, "organization", JsonFields.ORGANIZATION, false))
                .categories(names(node, "categories", 50)).publishedOn(date(node, "publishedAt"))
                .upvotes(count(node, "upvotes")).codeUrl(url(node, "codeUrl")).version(version).build();
    }
}
