package io.paperpost.subscription;

import io.paperpost.site.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reader's hard filters as the preferences page sets them: must-have and never words (one per line), and which of
 * the muted authors and topics stay muted (muting happens from the emails; the page can only unmute).
 */
public record FilterChoices(List<String> mustWords, List<String> neverWords, List<String> mutedAuthors,
        List<String> mutedTopics) {

    /** Most words or phrases in each list: enough to steer, few enough that every line is read. */
    public static final int MAX_WORDS = 20;
    public static final int MAX_WORD_LENGTH = 60;

    /**
     * Checks and tidies what the form posted: blank lines dropped, spaces folded, duplicates (ignoring case) once.
     *
     * @param keptAuthors the muted authors left ticked; only names muted now are kept
     * @throws InvalidInputException naming the field, when a list is too long or a line too long or not text
     */
    public static FilterChoices parse(Reader reader, String must, String never, Collection<String> keptAuthors,
            Collection<String> keptTopics) {
        List<String> authors = reader.mutedAuthors.stream().filter(a -> keptAuthors != null && keptAuthors.contains(a))
                .toList();
        List<String> topics = reader.mutedTopics.stream().filter(t -> keptTopics != null && keptTopics.contains(t))
                .toList();
        return new FilterChoices(words(must, "mustWords", "must-have"), words(never, "neverWords", "never"), authors,
                topics);
    }

    private static List<String> words(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String line : text.split("\\R|,")) {
            String words = line.strip().replaceAll("\\s+", " ");
            if (words.isEmpty()) {
                continue;
            }
            if (words.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException(field, "The " + label + " words cannot contain control characters.");
            }
            if (words.length() > MAX_WORD_LENGTH) {
                throw new InvalidInputException(field, "Each " + label + " word or phrase can be at most "
                        + MAX_WORD_LENGTH + " characters: “" + words.substring(0, 20) + "…” is longer.");
            }
            unique.putIfAbsent(words.toLowerCase(Locale.ROOT), words);
        }
        if (unique.size() > MAX_WORDS) {
            throw new InvalidInputException(field, "List at most " + MAX_WORDS + " " + label + " words or phrases.");
        }
        return new ArrayList<>(unique.values());
    }
}
