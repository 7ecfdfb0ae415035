package io.paperpost.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.site.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an imported row's {@code attributes} (a JSON object) and {@code status} cells say of a reader, in the keys
 * the export writes: {@code topics} and {@code authors} (lists of text), {@code interests} and {@code timezone}
 * (text), {@code status}. Other keys (listmonk's own, the export's dates) are ignored.
 */
record ImportedAttributes(List<String> topics, String interests, List<String> authors, String timeZone,
        Standing standing) {

    /** Longest attributes cell read, in characters. */
    static final int MAX_LENGTH = 20_000;

    /** Where the file says the reader stands. */
    enum Standing {
        /** Subscribed (active, enabled, paused, or nothing said). */
        CURRENT,
        /** Never confirmed (pending, unconfirmed): gets the confirmation link whatever the consent parameter. */
        UNCONFIRMED,
        /** Left or unreachable (unsubscribed, bounced, blocklisted, disabled): never re-added. */
        LEFT
    }

    static final ImportedAttributes NONE = new ImportedAttributes(List.of(), "", List.of(), null, Standing.CURRENT);

    /**
     * Reads the cells; either may be null (a plain file, a CSV without the column). A status in the attributes
     * wins over the status column (listmonk's {@code enabled}/{@code blocklisted}).
     *
     * @throws InvalidInputException with the reason the row is refused
     */
    static ImportedAttributes read(String attributes, String statusCell, ObjectMapper json) {
        Standing byColumn = standing(statusCell);
        if (attributes == null || attributes.isBlank()) {
            return new ImportedAttributes(List.of(), "", List.of(), null, byColumn);
        }
        if (attributes.length() > MAX_LENGTH) {
            throw refused("The attributes are longer than " + MAX_LENGTH + " characters.");
        }
        JsonNode node;
        try {
            node = json.readTree(attributes);
        } catch (JsonProcessingException e) {
            throw refused("The attributes are not valid JSON.");
        }
        if (!node.isObject()) {
            throw refused("The attributes must be a JSON object, like {\"topics\":[\"cs.LG\"]}.");
        }
        String status = text(node, "status");
        return new ImportedAttributes(texts(node, "topics"), text(node, "interests"), texts(node, "authors"),
                blankToNull(text(node, "timezone")), status.isEmpty() ? byColumn : standing(status));
    }

    private static Standing standing(String status) {
        if (status == null || status.isBlank()) {
            return Standing.CURRENT;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "active", "enabled", "paused", "confirmed" -> Standing.CURRENT;
            case "pending", "unconfirmed" -> Standing.UNCONFIRMED;
            case "unsubscribed", "bounced", "blocklisted", "blacklisted", "disabled" -> Standing.LEFT;
            default -> throw refused("Unknown status '" + shorten(status.strip()) + "'.");
        };
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw refused("'" + key + "' in the attributes must be text.");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw refused("'" + key + "' in the attributes must be a list of text, like [\"cs.LG\"].");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw refused("'" + key + "' in the attributes must be a list of text, like [\"cs.LG\"].");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static InvalidInputException refused(String reason) {
        return new InvalidInputException("attributes", reason);
    }
}
