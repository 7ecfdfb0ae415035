package io.paperpost.mail;

import java.util.Map;

/**
 * One email, ready to send.
 *
 * @param to        recipient address (normalized)
 * @param subject   subject as readers see it; non-ASCII is encoded when sent
 * @param text      the plain-text part
 * @param html      the HTML part, or null for a text-only email
 * @param messageId the Message-ID without angle brackets, or null to let the sender make one
 * @param headers   extra headers such as List-Unsubscribe
 */
public record OutgoingMail(String to, String subject, String text, String html, String messageId,
        Map<String, String> headers) {

    public OutgoingMail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        // Nothing a reader typed can reach a header line: CR or LF would start a new header.
        requireSingleLine("to", to);
        requireSingleLine("subject", subject);
        if (messageId != null) {
            requireSingleLine("messageId", messageId);
        }
        headers.forEach((name, value) -> {
            requireSingleLine("header name", name);
            requireSingleLine(name, value);
        });
    }

    private static void requireSingleLine(String what, String value) {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be a single line");
        }
    }
}
