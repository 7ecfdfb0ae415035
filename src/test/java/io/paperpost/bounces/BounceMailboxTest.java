package io.paperpost.bounces;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounce mailbox, read over IMAP and POP3 from a GreenMail of its own: reports are applied, a handled message
 * is marked seen (IMAP) or deleted (POP3), one not understood is flagged (IMAP) or left (POP3), and reading again
 * counts nothing twice.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class BounceMailboxTest {

    static final String USER = "bounces@paperpost.example.org";
    static final String PASSWORD = "bounce-secret";
    static GreenMail server;
    static GreenMailUser mailbox;

    @Inject
    TestData data;
    @Inject
    BounceFixture fixture;
    @Inject
    BounceMailbox poller;

    @BeforeAll
    static void startServer() {
        server = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
        server.start();
        mailbox = server.setUser(USER, USER, PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        data.reset();
        server.purgeEmailFromAllMailboxes();
    }

    @Test
    void imapAppliesWhatItUnderstandsMarksItSeenAndFlagsTheRest() throws Exception {
        Reader gmail = fixture.readerWithDigest("gmail-reader@example.com");
        Reader exchange = fixture.readerWithDigest("exchange-reader@example.com");
        Reader complainer = fixture.readerWithDigest("yahoo-reader@example.com");
        deliver(fixture.samples(gmail).load("gmail-permanent.eml"));
        deliver(fixture.samples(exchange).load("exchange-permanent.eml"));
        deliver(fixture.samples(complainer).load("arf-abuse.eml"));
        deliver(fixture.samples(gmail).load("broken-not-a-report.eml"));

        assertThat(poller.poll(box(BounceConfig.Protocol.IMAP, server.getImap().getPort())))
                .isEqualTo(new BounceMailbox.Poll(4, 3, 1));

        assertThat(BounceFixture.reload(gmail).status).isEqualTo(ReaderStatus.BOUNCED);
        assertThat(BounceFixture.reload(exchange).status).isEqualTo(ReaderStatus.BOUNCED);
        assertThat(BounceFixture.reload(complainer).status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        assertThat(BounceFixture.reports()).extracting(r -> r.source).containsOnly(ReportSource.IMAP);
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(4);
            List<String> seen = new ArrayList<>();
            List<String> flagged = new ArrayList<>();
            for (Message message : messages) {
                (message.isSet(Flags.Flag.SEEN) ? seen : flagged).add(message.getSubject());
                assertThat(message.isSet(Flags.Flag.FLAGGED)).isNotEqualTo(message.isSet(Flags.Flag.SEEN));
            }
            assertThat(seen).hasSize(3);
            assertThat(flagged).singleElement().satisfies(s -> assertThat(s).startsWith("Automatic reply"));
            inbox.close(false);
        }
        assertThat(poller.poll(box(BounceConfig.Protocol.IMAP, server.getImap().getPort())))
                .isEqualTo(new BounceMailbox.Poll(0, 0, 0));
        assertThat(BounceFixture.reports()).hasSize(4);
    }

    @Test
    void pop3DeletesWhatItHandledAndLeavesTheRestUncountedTheNextTime() throws Exception {
        Reader postfix = fixture.readerWithDigest("postfix-reader@example.com");
        Reader patient = fixture.readerWithDigest("patient-reader@example.com");
        deliver(fixture.samples(postfix).load("postfix-permanent.eml"));
        deliver(fixture.samples(patient).load("postfix-transient.eml"));
        deliver(fixture.samples(postfix).load("broken-no-status.eml"));

        BounceConfig.Mailbox pop3 = box(BounceConfig.Protocol.POP3, server.getPop3().getPort());
        assertThat(poller.poll(pop3)).isEqualTo(new BounceMailbox.Poll(3, 2, 1));
        assertThat(BounceFixture.reload(postfix).status).isEqualTo(ReaderStatus.BOUNCED);
        assertThat(BounceFixture.reload(patient).status).isEqualTo(ReaderStatus.ACTIVE);
        assertThat(server.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Undelivered Mail Returned to Sender"));

        assertThat(poller.poll(pop3)).isEqualTo(new BounceMailbox.Poll(1, 0, 1));
        assertThat(BounceFixture.reports()).hasSize(3)
                .filteredOn(r -> r.status == ReportStatus.MALFORMED).hasSize(1);
    }

    private static void deliver(byte[] raw) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private static Store imapStore() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), USER, PASSWORD);
        return store;
    }

    static BounceConfig.Mailbox box(BounceConfig.Protocol protocol, int port) {
        return new BounceConfig.Mailbox() {
            public boolean enabled() {
                return true;
            }

            public BounceConfig.Protocol protocol() {
                return protocol;
            }

            public Optional<String> host() {
                return Optional.of("127.0.0.1");
            }

            public Optional<Integer> port() {
                return Optional.of(port);
            }

            public BounceConfig.Tls tls() {
                return BounceConfig.Tls.NONE;
            }

            public Optional<String> username() {
                return Optional.of(USER);
            }

            public Optional<String> password() {
                return Optional.of(PASSWORD);
            }

            public String folder() {
                return "INBOX";
            }

            public Duration interval() {
                return Duration.ofMinutes(5);
            }

            public int maxPerPoll() {
                return 500;
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
