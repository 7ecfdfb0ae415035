package io.paperpost.bounces;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}, and its
 * UTF-8 form of RFC 6533) or an ARF feedback report (RFC 5965, {@code report-type=feedback-report}). Plain Java
 * on Jakarta Mail's MIME parser: no framework, no database. Thread-safe.
 */
public final class ReportParser {

    /** RFC 3463 §2: class.subject.detail, class 2, 4 or 5. */
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final Set<String> ACTIONS = Set.of("failed", "delayed", "delivered", "relayed", "expanded");
    /** RFC 5965 §7.3 feedback types that mean "this recipient does not want it". */
    private static final Set<String> COMPLAINTS = Set.of("abuse", "fraud", "virus", "other");
    private static final List<String> ADDRESSED_TO = List.of("To", "Delivered-To", "X-Original-To", "Envelope-To");
    private static final Session SESSION;

    static {
        // Without this Jakarta Mail looks its StreamProvider up with a ServiceLoader (a scan of the class path's
        // META-INF/services) for every header block and MIME part it reads: six or more per report, 85 % of the
        // parse (400 µs a report, 65 µs with it; docs/benchmarks.md, "Bounce intake"). The property names the
        // provider the ServiceLoader finds anyway (Angus's), so nothing else changes; one set by the operator stays.
        String provider = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(StreamProvider.class.getName()) == null && loadable(provider)) {
            System.setProperty(StreamProvider.class.getName(), provider);
        }
        SESSION = Session.getInstance(new Properties());
    }

    private ReportParser() {
    }

    public static ParsedReport parse(byte[] raw) throws MalformedReportException {
        if (raw == null || raw.length == 0) {
            throw new MalformedReportException("the message is empty");
        }
        try {
            // A shared stream: the parts are views of the one array instead of copies.
            MimeMessage message = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
            ContentType type = contentType(message.getContentType());
            if (!type.match("multipart/report")) {
                throw new MalformedReportException("not a report: Content-Type is " + type.getBaseType()
                        + ", not multipart/report (RFC 6522)");
            }
            String reportType = lower(type.getParameter("report-type"));
            Multipart parts = new MimeMultipart(new MimePartDataSource(message));
            String key = key(message.getHeader("Message-ID", null), raw);
            List<String> addressedTo = addressedTo(message);
            return switch (reportType == null ? "" : reportType) {
                case "delivery-status", "global-delivery-status" -> deliveryStatus(parts, key, addressedTo);
                case "feedback-report" -> feedback(parts, key, addressedTo);
                default -> throw new MalformedReportException("report-type " + reportType
                        + " is neither delivery-status (RFC 3464) nor feedback-report (RFC 5965)");
            };
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedReportException("unreadable MIME: " + e.getMessage());
        }
    }

    private static ParsedReport deliveryStatus(Multipart parts, String key, List<String> addressedTo)
            throws MessagingException, IOException, MalformedReportException {
        BodyPart status = part(parts, "message/delivery-status", "message/global-delivery-status");
        if (status == null) {
            throw new MalformedReportException("a delivery-status report without a message/delivery-status part");
        }
        List<Map<String, String>> groups = ReportFields.groups(text(status));
        Map<String, String> chosen = null;
        ReportKind kind = null;
        for (Map<String, String> group : groups) {
            if (!group.containsKey("action") && !group.containsKey("status")) {
                continue; // the per-message fields (Reporting-MTA, Arrival-Date)
            }
            String action = lower(group.get("action"));
            String code = statusCode(group.get("status"));
            if (action == null || !ACTIONS.contains(action)) {
                throw new MalformedReportException("Action " + group.get("action") + " is not one of RFC 3464's");
            }
            if (code == null) {
                throw new MalformedReportException("Status " + group.get("status") + " is not an RFC 3463 code");
            }
            ReportKind found = !action.equals("failed")
                    ? ReportKind.NOTICE
                    : code.startsWith("5")
                            ? ReportKind.PERMANENT
                            : code.startsWith("4") ? ReportKind.TRANSIENT : null;
            if (found == null) {
                throw new MalformedReportException("Action failed with the success status " + code);
            }
            // The worst news wins: a permanent failure over a transient one over a notice.
            if (kind == null || found.ordinal() < kind.ordinal()) {
                kind = found;
                chosen = group;
            }
        }
        if (chosen == null) {
            throw new MalformedReportException("the delivery-status part names no recipient with Action and Status");
        }
        String recipient = ReportFields.address(chosen.get("final-recipient"));
        if (recipient == null) {
            recipient = ReportFields.address(chosen.get("original-recipient"));
        }
        return new ParsedReport(key, kind, recipient, statusCode(chosen.get("status")),
                ReportFields.untyped(chosen.get("diagnostic-code")), originalMessageId(parts), addressedTo);
    }

    private static ParsedReport feedback(Multipart parts, String key, List<String> addressedTo)
            throws MessagingException, IOException, MalformedReportException {
        BodyPart report = part(parts, "message/feedback-report");
        if (report == null) {
            throw new MalformedReportException("a feedback-report without a message/feedback-report part");
        }
        List<Map<String, String>> groups = ReportFields.groups(text(report));
        String type = groups.isEmpty() ? null : lower(groups.get(0).get("feedback-type"));
        if (type == null || type.isEmpty()) {
            throw new MalformedReportException("the feedback report has no Feedback-Type (RFC 5965 §3.1)");
        }
        ReportKind kind = COMPLAINTS.contains(type) ? ReportKind.COMPLAINT : ReportKind.NOTICE;
        String recipient = ReportFields.address(groups.get(0).get("original-rcpt-to"));
        return new ParsedReport(key, kind, recipient, type.length() > 16 ? type.substring(0, 16) : type, null,
                originalMessageId(parts), addressedTo);
    }

    /** The Message-ID of the returned email or its headers (the report's third part), if it is there. */
    private static String originalMessageId(Multipart parts) throws MessagingException, IOException {
        BodyPart original = part(parts, "message/rfc822", "text/rfc822-headers", "message/global",
                "message/global-headers");
        if (original == null) {
            return null;
        }
        try (InputStream in = original.getInputStream()) {
            return messageId(new InternetHeaders(in).getHeader("Message-ID", null));
        }
    }

    private static BodyPart part(Multipart parts, String... types) throws MessagingException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            for (String type : types) {
                if (part.isMimeType(type)) {
                    return part;
                }
            }
        }
        return null;
    }

    private static String text(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            // RFC 6533's global forms are UTF-8; UTF-8 also reads the ASCII of RFC 3464 as it is.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String statusCode(String value) {
        if (value == null) {
            return null;
        }
        String code = value.strip().split("[\\s(]", 2)[0];
        return STATUS.matcher(code).matches() ? code : null;
    }

    /**
     * The key of a message {@link #parse} refused: its Message-ID when its header can be read, else the hash, so a
     * broken report read twice is kept aside once.
     */
    public static String keyOf(byte[] raw) {
        String messageId = null;
        try {
            messageId = new InternetHeaders(new ByteArrayInputStream(raw == null ? new byte[0] : raw))
                    .getHeader("Message-ID", null);
        } catch (MessagingException | RuntimeException e) {
            // No readable header: the hash names it.
        }
        return key(messageId, raw == null ? new byte[0] : raw);
    }

    private static String key(String messageId, byte[] raw) {
        String id = messageId(messageId);
        if (id != null && id.length() <= 200) {
            return id;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A Message-ID without its angle brackets and comments, or null when there is none. */
    static String messageId(String header) {
        if (header == null) {
            return null;
        }
        String id = header.strip();
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            id = id.substring(open + 1, close).strip();
        }
        return id.isEmpty() || id.indexOf(' ') >= 0 || id.length() > 255 ? null : id;
    }

    private static List<String> addressedTo(MimeMessage message) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (String name : ADDRESSED_TO) {
            String[] values = message.getHeader(name);
            for (String value : values == null ? new String[0] : values) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        addresses.add(address.getAddress());
                    }
                } catch (AddressException e) {
                    // Not an address list: such a header names no return path.
                }
            }
        }
        return addresses;
    }

    private static ContentType contentType(String value) throws MalformedReportException {
        try {
            return new ContentType(value == null ? "text/plain" : value);
        } catch (jakarta.mail.internet.ParseException e) {
            throw new MalformedReportException("unreadable Content-Type " + value);
        }
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, ReportParser.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
