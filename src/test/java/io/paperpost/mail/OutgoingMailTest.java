package io.paperpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    @Test
    void noReaderTypedTextCanStartANewHeaderLine() {
        assertThatThrownBy(
                () -> new OutgoingMail("a@example.org", "Hi\r\nBcc: x@example.org", "t", null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org\nBcc: x@example.org", "Hi", "t", null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                () -> new OutgoingMail("a@example.org", "Hi", "t", null, null, Map.of("List-Id", "x\r\nBcc: y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsUtf8MultipartAlternativeWithEncodedSubjectAndStableMessageId() throws Exception {
        OutgoingMail mail = new OutgoingMail("forscher@universität.de", "3 new papers on Diffusion — Tue 24 Nov",
                "Grüße", "<p>Grüße</p>", "digest-7-2026-11-24@paperpost.example",
                Map.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        MimeMessage message = MimeMessages.build(Session.getInstance(new Properties()),
                new InternetAddress("PaperPost <digest@paperpost.example>"), mail);
        assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(message.getSubject()).isEqualTo("3 new papers on Diffusion — Tue 24 Nov");
        assertThat(message.getHeader("Message-ID")).containsExactly("<digest-7-2026-11-24@paperpost.example>");
        assertThat(message.getHeader("To")).containsExactly("forscher@xn--universitt-y5a.de");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(MimeParts.find(message, "text/plain")).isEqualTo("Grüße");
        assertThat(MimeParts.find(message, "text/html")).isEqualTo("<p>Grüße</p>");
    }

    @Test
    void textOnlyEmailIsASingleUtf8TextPart() throws Exception {
        OutgoingMail mail = new OutgoingMail("a@example.org", "Hi", "Grüße 👍\n.leading dot\n", null, null, Map.of());
        MimeMessage message = MimeMessages.build(Session.getInstance(new Properties()),
                new InternetAddress("digest@paperpost.example"), mail);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        message.writeTo(raw);
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.toByteArray()));
        assertThat(parsed.getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(parsed.getContent()).isEqualTo("Grüße 👍\n.leading dot\n");
    }
}
