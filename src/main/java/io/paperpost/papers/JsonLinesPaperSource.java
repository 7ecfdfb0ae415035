package io.paperpost.papers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Papers as JSON Lines in the sample format: one object per line with {@code key} (optional: derived from
 * the title when missing), {@code title}, {@code summary}, and optionally {@code authors} (array of names),
 * {@code authorCount}, {@code organization}, {@code categories}, {@code publishedAt} (ISO date),
 * {@code upvotes} and {@code codeUrl}. Streams the input: memory stays flat whatever its size.
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
        String title = text(node, "title", 1000, true);
        String summary = text(node, "summary", 20_000, false);
        String id = text(node, "key", 100, false);
        if (id == null) {
            id = PaperKeys.fromTitle(title);
        } else if (!ID.matcher(id).matches()) {
            throw new InvalidPaperException("'key' may hold only letters, digits and . _ : / -");
        }
        return new PaperRecord(id, title, summary == null ? "" : summary, names(node, "authors", 300),
                integer(node, "authorCount"), text(node, "organization", 300, false), names(node, "categories", 50),
                date(node, "publishedAt"), integer(node, "upvotes"), url(node, "codeUrl"));
    }

    private static String text(JsonNode node, String field, int maxLength, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidPaperException("'" + field + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidPaperException("'" + field + "' must be a string");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidPaperException("'" + field + "' is empty");
            }
            return null;
        }
        if (text.length() > maxLength) {
            throw new InvalidPaperException("'" + field + "' is longer than " + maxLength + " characters");
        }
        return text;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new InvalidPaperException("'" + field + "' must be a whole number, 0 or more");
        }
        return value.intValue();
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            // Accept a bare date or a timestamp; the day is what matters.
            String text = value.asText();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidPaperException("'" + field + "' must be an ISO date like 2025-10-24");
        }
    }

    private static List<String> names(JsonNode node, String field, int maxCount) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxCount) {
            throw new InvalidPaperException("'" + field + "' must be a list of at most " + maxCount + " strings");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            String name = element.isObject() ? element.path("name").asText(null) : element.isTextual() ? element.asText() : null;
            if (name == null || name.isBlank() || name.length() > 300 || name.contains("\n")) {
                throw new InvalidPaperException("'" + field + "' holds an entry that is not a name");
            }
            names.add(name.strip());
        }
        return names;
    }

    private static String url(JsonNode node, String field) {
        String url = text(node, field, 1000, false);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new InvalidPaperException("'" + field + "' must be an http(s) URL");
        }
        return url;
    }

    /** One item that cannot be imported; the message says why, for the import report. */
    static final class InvalidPaperException extends RuntimeException {
        InvalidPaperException(String message) {
            super(message, null, false, false);
        }
    }
}
