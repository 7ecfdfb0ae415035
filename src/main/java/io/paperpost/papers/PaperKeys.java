package io.paperpost.papers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The identity of a paper when the source gives no arXiv id. */
public final class PaperKeys {

    private PaperKeys() {
    }

    /**
     * {@code t-} and the first 12 hex digits of the SHA-1 of the title lower-cased, with every run of
     * characters other than a-z and 0-9 turned into one space: the rule the sample data's {@code key} follows.
     */
    public static String fromTitle(String title) {
        String normalized = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "t-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
