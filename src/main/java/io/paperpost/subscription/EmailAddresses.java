package io.paperpost.subscription;

import java.net.IDN;
import java.util.Locale;

import io.paperpost.site.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Strict validation and normalization of the addresses readers type. */
public final class EmailAddresses {

    /** RFC 5321's limit on a path, which is what a mail server will accept. */
    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /**
     * Validates an address as typed and returns its normal form: trimmed, domain lower-cased, an internationalized
     * domain kept in Unicode. Refuses anything with control characters (CR/LF header injection), a display name,
     * comments, more than {@value #MAX_LENGTH} characters, or what Jakarta Mail's strict parser refuses.
     *
     * @throws InvalidInputException naming the {@code email} field
     */
    public static String normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            throw invalid("Please enter your email address.");
        }
        String email = typed.strip();
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
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        String normalized = local + "@" + domain;
        String ascii = toAscii(local, domain);
        try {
            InternetAddress parsed = new InternetAddress(ascii, true);
            parsed.validate();
            if (!ascii.equals(parsed.getAddress()) || !domain.contains(".")) {
                throw invalid("That does not look like an email address (name@example.org).");
            }
        } catch (AddressException e) {
            throw invalid("That does not look like an email address (name@example.org).");
        }
        return normalized;
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
            return local + "@" + IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw invalid("The domain of that email address is not valid.");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("email", message);
    }
}
