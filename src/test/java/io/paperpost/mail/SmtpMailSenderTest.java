package io.paperpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    void anEmailMayCarryItsOwnEnvelopeSenderForItsBounces() throws Exception {
        ReturnPath verp = mail -> mail.to().startsWith("verp")
                ? Optional.of("bounces+" + mail.to().substring(0, 4) + ".tag@bounces.example")
                : Optional.empty();
        try (SmtpMailSender withVerp = new SmtpMailSender(TestMailConfig.smtp(greenMail.getSmtp().getPort()),
                new InternetAddress("digest@paperpost.example"), verp)) {
            withVerp.send(mail("verp@example.org"));
            withVerp.send(mail("plain@example.org"));
        }
        // GreenMail writes MAIL FROM into the stored message's Return-Path (RFC 5321 §4.4).
        assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getHeader("Return-Path", null))
                .containsExactly("<bounces+verp.tag@bounces.example>", "<digest@paperpost.example>");
    }

    @Test
    void socketsAreMadeWithTcpNoDelay() throws Exception {
        Object factory = SmtpMailSender.properties(config(25)).get("mail.smtp.socketFactory");
        assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
        try (Socket socket = ((SocketFactory) factory).createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void severalThreadsSendAtOnceOverThePooledConnections() throws Exception {
        try (SmtpMailSender pooled = new SmtpMailSender(TestMailConfig.smtp(proxy.port()).withConnections(3),
                new InternetAddress("digest@paperpost.example"))) {
            ExecutorService threads = Executors.newFixedThreadPool(6);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String to = "reader" + i + "@example.org";
                sends.add(threads.submit(() -> {
                    pooled.send(mail(to));
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(60);
        // Never more connections than the pool holds.
        assertThat(proxy.connections()).isBetween(1, 3);
    }

    @Test
    void theRateLimitSpacesMessages() throws Exception {
        try (SmtpMailSender limited = new SmtpMailSender(TestMailConfig.smtp(proxy.port()).withMaxPerSecond(20),
                new InternetAddress("digest@paperpost.example"))) {
            long started = System.nanoTime();
            for (int i = 0; i < 11; i++) {
                limited.send(mail("reader" + i + "@example.org"));
            }
            // 20 per second: the first goes at once, each next one 50 ms later. Slower is fine, faster is not.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(11);
    }

    @Test
    void repliesAreClassifiedAndTheSenderRecovers() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer();
                SmtpMailSender scripted = new SmtpMailSender(TestMailConfig.smtp(smtp.port()),
                        new InternetAddress("digest@paperpost.example"))) {
            smtp.script(ScriptedSmtpServer.Step.DEFER_421, ScriptedSmtpServer.Step.ACCEPT,
                    ScriptedSmtpServer.Step.REJECT_RECIPIENT_550, ScriptedSmtpServer.Step.DROP_IN_DATA,
                    ScriptedSmtpServer.Step.ACCEPT);
            assertThat(failure(scripted, "a@example.org")).isEqualTo(MailSendException.Kind.TEMPORARY);
            scripted.send(mail("a@example.org"));
            assertThat(failure(scripted, "gone@example.org")).isEqualTo(MailSendException.Kind.RECIPIENT_REJECTED);
            assertThat(failure(scripted, "b@example.org")).isEqualTo(MailSendException.Kind.TEMPORARY);
            scripted.send(mail("b@example.org"));
            assertThat(smtp.accepted()).containsExactly("a@example.org", "b@example.org");
        }
    }

    @Test
    void anAddressNoServerCanTakeIsRefusedForGoodWithoutContactingTheServer() {
        assertThat(failure(sender, "zoë@example.org")).isEqualTo(MailSendException.Kind.MESSAGE_REJECTED);
        assertThat(proxy.connections()).isZero();
    }

    private static MailSendException.Kind failure(MailSender sender, String to) {
        try {
            sender.send(mail(to));
        } catch (MailSendException e) {
            return e.kind();
        }
        throw new AssertionError("the send to " + to + " should have failed");
    }

    static OutgoingMail mail(String to) {
        return new OutgoingMail(to, "Hello", "Plain text", "<p>HTML</p>", null, Map.of());
    }

    static MailConfig config(int port) {
        return TestMailConfig.smtp(port);
    }
}
