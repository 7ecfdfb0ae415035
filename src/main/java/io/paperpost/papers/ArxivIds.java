package io.paperpost.papers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv identifiers as the sources write them: {@code 2410.12345v2}, {@code arXiv:2410.12345},
 * {@code http://arxiv.org/abs/2410.12345v2}, {@code oai:arXiv.org:2410.12345v1}, and old-style
 * {@code hep-th/9901001v3} or {@code math.GT/0309136}. PaperPost keys papers by the id without version.
 */
public final class ArxivIds {

    // New style (since 2007): YYMM.NNNN (to 2014) or YYMM.NNNNN; old style: archive[.SUBJ]/YYMMNNN.
    private static final Pattern ID = Pattern.compile(
            "(?<id>\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?/\\d{7})(?:v(?<version>\\d{1,4}))?");
    private static final String[] PREFIXES = {"https://arxiv.org/abs/", "http://arxiv.org/abs/",
            "https://arxiv.org/pdf/", "http://arxiv.org/pdf/", "https://export.arxiv.org/abs/",
            "http://export.arxiv.org/abs/", "oai:arxiv.org:", "arxiv:"};

    private ArxivIds() {
    }

    /** An arXiv id split into the id PaperPost keys by and the version, when the text names one. */
    public record ArxivId(String id, Integer version) {
    }

    /** Parses an id in any of the accepted spellings; empty when the text is not an arXiv id. */
    public static Optional<ArxivId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                value = value.substring(prefix.length());
                break;
            }
        }
        if (value.endsWith(".pdf")) {
            value = value.substring(0, value.length() - 4);
        }
        Matcher m = ID.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        String version = m.group("version");
        return Optional.of(new ArxivId(m.group("id"), version == null ? null : Integer.valueOf(version)));
    }

    /** True when the text is an arXiv id without version, the form papers are keyed by. */
    public static boolean isKey(String text) {
        return text != null && parse(text).map(id -> id.id().equals(text)).orElse(false);
    }
}
