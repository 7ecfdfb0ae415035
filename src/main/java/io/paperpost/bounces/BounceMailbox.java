package io.paperpost.bounces;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Reads the bounce mailbox every {@code interval} (Quartz's clustered store fires it on one instance): each
 * message goes through the {@link BounceIntake}. On IMAP a handled message is marked {@code \Seen} and one not
 * understood {@code \Flagged} (both are skipped from then on, and stay for a person to read); on POP3, which has no
 * flags, a handled message is deleted and one not understood is left (read again next time, recognised by its key).
 */
@ApplicationScoped
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class);
    /** Reports per transaction. */
    static final int BATCH = 100;

    @Inject
    BounceConfig config;
    @Inject
    BounceIntake intake;

    /** What one poll did. */
    public record Poll(int read, int handled, int left) {
    }

    void check(@Observes StartupEvent started) {
        BounceConfig.Mailbox box = config.mailbox();
        if (box.enabled() && (box.host().isEmpty() || box.username().isEmpty() || box.password().isEmpty())) {
            throw new IllegalStateException("paperpost.bounces.mailbox.enabled is true but its host, username or "
                    + "password is not set");
        }
    }

    @Scheduled(identity = "bounce-mailbox", every = "{paperpost.bounces.mailbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.mailbox().enabled()) {
            return;
        }
        try {
            Poll poll = poll();
            if (poll.read() > 0) {
                LOG.infof("Bounce mailbox: %d read, %d handled, %d left (not understood)", poll.read(),
                        poll.handled(), poll.left());
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warnf("Bounce mailbox %s could not be read: %s", config.mailbox().host().orElse("?"), e.getMessage());
        }
    }

    /** Reads the configured mailbox once, at most {@code max-per-poll} messages. */
    public Poll poll() throws MessagingException, IOException {
        return poll(config.mailbox());
    }

    /** Reads the mailbox once (tests read two, an IMAP and a POP3 one). */
    public Poll poll(BounceConfig.Mailbox box) throws MessagingException, IOException {
        boolean imap = box.protocol() == BounceConfig.Protocol.IMAP;
        String protocol = (imap ? "imap" : "pop3") + (box.tls() == BounceConfig.Tls.SSL ? "s" : "");
        Session session = Session.getInstance(properties(protocol, box));
        try (Store store = session.getStore(protocol)) {
            store.connect(box.host().orElseThrow(), box.port().orElse(-1), box.username().orElse(null),
                    box.password().orElse(null));
            Folder folder = store.getFolder(imap ? box.folder() : "INBOX");
            folder.open(Folder.READ_WRITE);
            boolean expunge = !imap;
            try {
                Message[] all = imap
                        ? folder.search(new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false),
                                new FlagTerm(new Flags(Flags.Flag.FLAGGED), false)))
                        : folder.getMessages();
                List<Message> messages = Arrays.asList(all).subList(0, Math.min(all.length, box.maxPerPoll()));
                int handled = 0;
                for (int from = 0; from < messages.size(); from += BATCH) {
                    handled += handle(messages.subList(from, Math.min(messages.size(), from + BATCH)), imap);
                }
                return new Poll(messages.size(), handled, messages.size() - handled);
            } finally {
                folder.close(expunge);
            }
        }
    }

    private int handle(List<Message> messages, boolean imap) throws MessagingException, IOException {
        List<byte[]> raws = new ArrayList<>(messages.size());
        for (Message message : messages) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            raws.add(raw.toByteArray());
        }
        List<BounceOutcome> outcomes = intake.receiveAll(raws, imap ? ReportSource.IMAP : ReportSource.POP3);
        int handled = 0;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (outcomes.get(i).notUnderstood()) {
                if (imap) {
                    message.setFlag(Flags.Flag.FLAGGED, true);
                }
            } else {
                message.setFlag(imap ? Flags.Flag.SEEN : Flags.Flag.DELETED, true);
                handled++;
            }
        }
        return handled;
    }

    private static Properties properties(String protocol, BounceConfig.Mailbox box) {
        Properties props = new Properties();
        String prefix = "mail." + protocol + ".";
        props.put(prefix + "connectiontimeout", String.valueOf(box.timeout().toMillis()));
        props.put(prefix + "timeout", String.valueOf(box.timeout().toMillis()));
        props.put(prefix + "writetimeout", String.valueOf(box.timeout().toMillis()));
        // Reading a message must not mark it \Seen: one not understood is flagged instead, and stays unread.
        props.put(prefix + "peek", "true");
        if (box.tls() != BounceConfig.Tls.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (box.tls() == BounceConfig.Tls.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        return props;
    }
}
