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
        // Same as title.toLowerCase(ROOT).replaceAll("[^a-z0-9]+", " ").trim(), without a regex: imports call
        // this for every paper.
        String lower = title.toLowerCase(Locale.ROOT);
        StringBuilder normalized = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && !normalized.isEmpty()) {
                    normalized.append(' ');
                }
                gap = false;
                normalized.append(c);
            } else {
                gap = true;
            }
        }
        byte[] digest = SHA1.get().digest(normalized.toString().getBytes(StandardCharsets.UTF_8));
        return "t-" + HexFormat.of().formatHex(digest, 0, 6);
    }

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    });
}
