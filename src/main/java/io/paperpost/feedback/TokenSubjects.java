package io.paperpost.feedback;

import io.paperpost.site.InvalidLinkException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An id (a paper's, a topic's) inside a token subject, which may not contain '.' or '~': base64url.
 */
public final class TokenSubjects {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** The longest id a subject may carry: paper ids are varchar(100) (V1), topic ids are shorter. */
    static final int MAX_CHARS = 100;

    private TokenSubjects() {
    }

    public static String encode(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidLinkException when the part is not base64url, or decodes to nothing or more than {@value #MAX_CHARS} chars */
    public static String decode(String encoded, String what) {
        String text;
        try {
            text = new String(B64D.decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException("token with malformed " + what);
        }
        if (text.isBlank() || text.length() > MAX_CHARS) {
            throw new InvalidLinkException("token with malformed " + what);
        }
        return text;
    }
}
