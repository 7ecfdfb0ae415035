package io.paperpost.bounces;

import java.util.List;

/**
 * What a DSN (RFC 3464) or ARF report (RFC 5965) says, as far as PaperPost needs it.
 *
 * @param key               the report's own Message-ID, or {@code sha256:} and the hash of its bytes when it has
 *                          none: the same report read twice has the same key
 * @param kind              what happened
 * @param recipient         the address the report is about (Final-Recipient, Original-Rcpt-To), or null when it
 *                          does not say (feedback reports are often redacted)
 * @param statusCode        the DSN status ({@code 5.1.1}), or the feedback type ({@code abuse})
 * @param detail            the remote server's words (Diagnostic-Code), or null
 * @param originalMessageId the Message-ID of the email it is about, without angle brackets, or null
 * @param addressedTo       where the report was sent (To, Delivered-To, X-Original-To, Envelope-To): a VERP return
 *                          path names the email
 */
public record ParsedReport(String key, ReportKind kind, String recipient, String statusCode, String detail,
        String originalMessageId, List<String> addressedTo) {

    public ParsedReport {
        addressedTo = List.copyOf(addressedTo);
    }
}
