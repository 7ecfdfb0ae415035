package io.paperpost.mail;

import io.paperpost.site.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Strict validation and normalization of the addresses readers type, and the one key that says which mailbox an
 * address reaches: every spelling of a mailbox (case, full-width letters, invisible characters, the Unicode or the
 * punycode form of its domain) has the same {@link #key}, so it is one reader, one rate limit and one suppression
 * list entry.
 */
public final class EmailAddresses {

    /** RFC 5321's limit on a path, which is what a mail server will accept. */
    public static final int MAX_LENGTH = 254;

    /**
     * Unicode's Default_Ignorable_Code_Point characters that are not format controls (those are caught by their
     * general category): the combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
     * variation selectors, variation selectors and the code points Unicode reserves as ignorable. Ranges, inclusive.
     */
    private static final int[][] IGNORABLE_BEYOND_FORMAT = {
            {0x034F, 0x034F}, {0x115F, 0x1160}, {0x17B4, 0x17B5}, {0x180B, 0x180F}, {0x2065, 0x2065},
            {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0xE0000, 0xE0FFF}};

    private EmailAddresses() {
    }

    /**
     * Validates an address as typed and returns the form stored and shown: NFKC-normalized (full-width letters
     * become plain ones), without invisible characters, trimmed, the part before the @ as typed, the domain
     * lower-cased and in Unicode (a punycode domain is stored as the Unicode it spells; {@link #toAscii} gives the
     * punycode that mail servers are sent). Refuses anything with control characters (CR/LF header injection),
     * a display name, comments, more than {@value #MAX_LENGTH} characters (in either spelling), or what Jakarta
     * Mail's strict parser refuses.
     *
     * @throws InvalidInputException naming the {@code email} field
     */
    public static String normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            throw invalid("Please enter your email address.");
        }
        String email = withoutIgnorables(Normalizer.normalize(typed, Normalizer.Form.NFKC)).strip();
        if (email.isEmpty()) {
            throw invalid("Please enter your email address.");
        }
        if (email.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw invalid("An email address cannot contain spaces, line breaks or control characters.");
        }
        if (email.length() > MAX_LENGTH) {
            throw invalid("That email address is longer than " + MAX_LENGTH + " characters.");
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            throw invalid("That does not look like an email address (name@example.org).");
        }
        String local = email.substring(0, at);
        String ascii = toAscii(local, email.substring(at + 1).toLowerCase(Locale.ROOT));
        if (ascii.length() > MAX_LENGTH) {
            throw invalid("That email address is longer than " + MAX_LENGTH + " characters.");
        }
        String asciiDomain = ascii.substring(ascii.lastIndexOf('@') + 1);
        try {
            InternetAddress parsed = new InternetAddress(ascii, true);
            parsed.validate();
            if (!ascii.equals(parsed.getAddress()) || !asciiDomain.contains(".")) {
                throw invalid("That does not look like an email address (name@example.org).");
            }
        } catch (AddressException e) {
            throw invalid("That does not look like an email address (name@example.org).");
        }
        return local + "@" + IDN.toUnicode(asciiDomain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    }

    /**
     * The key of the mailbox an address reaches: its normal form with the domain in punycode, all lower-cased
     * (mailboxes are case-insensitive in practice, so Ada@ and ada@ are one reader). Readers are unique by it;
     * the per-address rate limit and the suppression list go by it.
     *
     * @throws InvalidInputException when the address is not valid (see {@link #normalize})
     */
    public static String key(String address) {
        return toAscii(normalize(address)).toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #key} of an address that {@link #normalize} returned, without validating it again (an import computes
     * a hundred thousand).
     */
    public static String keyOfNormalized(String normalized) {
        return toAscii(normalized).toLowerCase(Locale.ROOT);
    }

    /** The address as an SMTP server without SMTPUTF8 accepts it: the domain in punycode. */
    public static String toAscii(String normalized) {
        int at = normalized.lastIndexOf('@');
        return toAscii(normalized.substring(0, at), normalized.substring(at + 1));
    }

    private static String toAscii(String local, String domain) {
        if (!local.chars().allMatch(c -> c < 128)) {
            throw invalid("The part before the @ may only use plain (ASCII) characters.");
        }
        try {
            return local + "@" + IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("The domain of that email address is not valid.");
        }
    }

    /**
     * Drops what Unicode calls Default_Ignorable_Code_Point (zero-width space and joiners, soft hyphen, word
     * joiner, byte order mark, bidi controls, variation selectors...): characters that display as nothing, so an
     * address with one looks like, and for most mail systems reaches, the same mailbox as the address without it.
     * The rule: every format control (general category Cf), plus {@link #IGNORABLE_BEYOND_FORMAT}. Runs after NFKC,
     * which turns the half-width Hangul filler into another ignorable one.
     */
    private static String withoutIgnorables(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isIgnorable(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isIgnorable(int codePoint) {
        if (Character.getType(codePoint) == Character.FORMAT) {
            return true;
        }
        for (int[] range : IGNORABLE_BEYOND_FORMAT) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("email", message);
    }
}
