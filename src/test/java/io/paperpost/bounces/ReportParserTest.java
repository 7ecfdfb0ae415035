package io.paperpost.bounces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The report parser on real-shaped DSNs (RFC 3464) and ARF reports (RFC 5965), and on broken ones. Plain Java. */
class ReportParserTest {

    static final BounceSamples SAMPLE = new BounceSamples("digest-42-2026-12-01@paperpost.example.org",
            "ada@example.com", "bounces@paperpost.example.org", "r1");

    static ParsedReport parse(String name) throws MalformedReportException {
        return ReportParser.parse(SAMPLE.load(name));
    }

    @Test
    void aGmailBounceIsAPermanentFailureOfTheDigestItReturns() throws Exception {
        ParsedReport report = parse("gmail-permanent.eml");
        assertThat(report.kind()).isEqualTo(ReportKind.PERMANENT);
        assertThat(report.statusCode()).isEqualTo("5.1.1");
        assertThat(report.recipient()).isEqualTo("ada@example.com");
        assertThat(report.originalMessageId()).isEqualTo("digest-42-2026-12-01@paperpost.example.org");
        assertThat(report.key()).isEqualTo("r1.gmail@mx.google.com");
        assertThat(report.detail()).startsWith("550-5.1.1 The email account that you tried to reach does not exist");
        assertThat(report.addressedTo()).contains("bounces@paperpost.example.org");
    }

    @Test
    void aPostfixBounceIsReadWithItsFoldedDiagnostic() throws Exception {
        ParsedReport report = parse("postfix-permanent.eml");
        assertThat(report.kind()).isEqualTo(ReportKind.PERMANENT);
        assertThat(report.statusCode()).isEqualTo("5.1.1");
        assertThat(report.detail()).endsWith("User unknown in virtual mailbox table");
        assertThat(report.originalMessageId()).isEqualTo(SAMPLE.messageId());
    }

    @Test
    void anExchangeNonDeliveryReportIsReadFromItsHeadersOnlyPart() throws Exception {
        ParsedReport report = parse("exchange-permanent.eml");
        assertThat(report.kind()).isEqualTo(ReportKind.PERMANENT);
        assertThat(report.statusCode()).isEqualTo("5.1.10");
        assertThat(report.detail()).contains("RESOLVER.ADR.RecipientNotFound");
        assertThat(report.originalMessageId()).isEqualTo(SAMPLE.messageId());
        assertThat(report.key()).isEqualTo("r1.exchange@AM9PR07MB7073.eurprd07.prod.outlook.com");
    }

    @Test
    void aFailed4xxIsTransientAndADelayIsOnlyANotice() throws Exception {
        assertThat(parse("postfix-transient.eml").kind()).isEqualTo(ReportKind.TRANSIENT);
        assertThat(parse("postfix-transient.eml").statusCode()).isEqualTo("4.2.2");
        ParsedReport delayed = parse("postfix-delayed.eml");
        assertThat(delayed.kind()).isEqualTo(ReportKind.NOTICE);
        assertThat(delayed.originalMessageId()).isEqualTo(SAMPLE.messageId());
    }

    @Test
    void anAbuseFeedbackReportIsAComplaint() throws Exception {
        ParsedReport report = parse("arf-abuse.eml");
        assertThat(report.kind()).isEqualTo(ReportKind.COMPLAINT);
        assertThat(report.statusCode()).isEqualTo("abuse");
        assertThat(report.recipient()).isEqualTo("ada@example.com");
        assertThat(report.originalMessageId()).isEqualTo(SAMPLE.messageId());
    }

    @Test
    void aNotSpamFeedbackReportIsOnlyANotice() throws Exception {
        byte[] raw = new String(SAMPLE.load("arf-abuse.eml"), StandardCharsets.UTF_8)
                .replace("Feedback-Type: abuse", "Feedback-Type: not-spam").getBytes(StandardCharsets.UTF_8);
        assertThat(ReportParser.parse(raw).kind()).isEqualTo(ReportKind.NOTICE);
    }

    @Test
    void aReportWithoutTheReturnedEmailStillNamesWhereItWasSent() throws Exception {
        ParsedReport report = parse("dsn-without-original.eml");
        assertThat(report.originalMessageId()).isNull();
        assertThat(report.addressedTo()).contains("bounces@paperpost.example.org");
        assertThat(report.kind()).isEqualTo(ReportKind.PERMANENT);
    }

    @Test
    void brokenReportsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parse("broken-not-a-report.eml")).isInstanceOf(MalformedReportException.class)
                .hasMessageContaining("not a report: Content-Type is text/plain");
        assertThatThrownBy(() -> parse("broken-no-status.eml")).hasMessageContaining("Status null is not");
        assertThatThrownBy(() -> parse("broken-bad-status.eml"))
                .hasMessageContaining("Status five-one-one is not an RFC 3463 code");
        assertThatThrownBy(() -> parse("broken-no-status-part.eml"))
                .hasMessageContaining("without a message/delivery-status part");
        assertThatThrownBy(() -> parse("broken-arf-no-type.eml")).hasMessageContaining("no Feedback-Type");
        assertThatThrownBy(() -> parse("broken-truncated.eml")).hasMessageContaining("unreadable MIME");
        assertThatThrownBy(() -> ReportParser.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> ReportParser.parse("\u0000\u0001 garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedReportException.class);
    }

    @Test
    void aRefusedMessageIsKeyedByItsMessageIdOrItsHash() {
        assertThat(ReportParser.keyOf(SAMPLE.load("broken-not-a-report.eml"))).isEqualTo("r1.ooo@example.com");
        assertThat(ReportParser.keyOf("no headers at all".getBytes(StandardCharsets.UTF_8))).startsWith("sha256:")
                .hasSize(7 + 64);
    }
}
