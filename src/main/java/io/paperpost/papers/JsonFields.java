package io.paperpost.papers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates the fields of one JSON item; every failure is an {@link InvalidPaperException} whose
 * message names the field, so the import report says why the item was skipped.
 */
public final class JsonFields {

    /** Longest accepted values, matching the {@code paper} columns. */
    public static final int TITLE = 1000;
    public static final int SUMMARY = 20_000;
    public static final int ORGANIZATION = 300;
    public static final int URL = 1000;
    public static final int NAME = 300;
    public static final int AI_SUMMARY = 4000;

    private JsonFields() {
    }

    /** A string field, stripped; null when absent, null or blank (or an error when {@code required}). */
    public static String text(JsonNode node, String field, int maxLength, boolean required) {
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

    /** A whole number, 0 or more; null when absent. */
    public static Integer count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new InvalidPaperException("'" + field + "' must be a whole number, 0 or more");
        }
        return value.intValue();
    }

    /** A day from an ISO date or timestamp ({@code 2025-10-24} or {@code 2025-10-24T13:00:00.000Z}). */
    public static LocalDate date(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            String text = value.asText();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidPaperException("'" + field + "' must be an ISO date like 2025-10-24");
        }
    }

    /**
     * A list of names: strings, or objects with a {@code name} (the Hugging Face author shape); empty when absent.
     */
    public static List<String> names(JsonNode node, String field, int maxCount) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxCount) {
            throw new InvalidPaperException("'" + field + "' must be a list of at most " + maxCount + " names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            String name = element.isObject()
                    ? element.path("name").asText(null)
                    : element.isTextual() ? element.asText() : null;
            if (name == null || name.isBlank() || name.length() > NAME || name.contains("\n")) {
                throw new InvalidPaperException("'" + field + "' holds an entry that is not a name");
            }
            names.add(name.strip());
        }
        return names;
    }

    /** An http(s) URL; null when absent. */
    public static String url(JsonNode node, String field) {
        String url = text(node, field, URL, false);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new InvalidPaperException("'" + field + "' must be an http(s) URL");
        }
        return url;
    }
}
