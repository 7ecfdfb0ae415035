package io.paperpost.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.net.SocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.InternetAddress;

/** The SMTP sender against a real SMTP server (GreenMail) behind a relay that counts connections. */
class SmtpMailSenderTest {

    GreenMail greenMail;
    CountingProxy proxy;
    SmtpMailSender sender;

    @BeforeEach
    void start() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new CountingProxy(greenMail.getSmtp().getPort());
        sender = new SmtpMailSender(config(proxy.port()), new InternetAddress("PaperPost <digest@paperpost.example>"));
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        proxy.close();
        greenMail.stop();
    }

    @Test
    void manyEmailsGoOverOneReusedConnection() throws Exception {
        for (int i = 0; i < 25; i++) {
            sender.send(mail("reader" + i + "@example.org"));
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(25);
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    void afterTheServerDropsTheConnectionTheNextEmailGoesOutOnANewOne() throws Exception {
        sender.send(mail("first@example.org"));
        proxy.dropAll();
        // The send that meets the dead connection reports a temporary failure: the ledger retries it.
        assertThatThrownBy(() -> sender.send(mail("second@example.org")))
                .isInstanceOf(MailSendException.class)
                .satisfies(e -> assertThat(((MailSendException) e).permanent()).isFalse());
        sender.send(mail("second@example.org"));
        assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("first@example.org", "second@example.org");
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void socketsAreMadeWithTcpNoDelay() throws Exception {
        Object factory = SmtpMailSender.properties(config(25)).get("mail.smtp.socketFactory");
        assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
        try (Socket socket = ((SocketFactory) factory).createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    static OutgoingMail mail(String to) {
        return new OutgoingMail(to, "Hello", "Plain text", "<p>HTML</p>", null, Map.of());
    }

    static MailConfig config(int port) {
        return new MailConfig() {
            public Optional<String> host() {
                return Optional.of("127.0.0.1");
            }

            public int port() {
                return port;
            }

            public Tls tls() {
                return Tls.NONE;
            }

            public Optional<String> username() {
                return Optional.empty();
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public String from() {
                return "digest@paperpost.example";
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(5);
            }

            public Path outboxDir() {
                return Path.of("target/unused-outbox");
            }

            public boolean outboxPage() {
                return false;
            }
        };
    }
}
