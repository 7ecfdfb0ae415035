package io.paperpost.mail;

import com.google.common.util.concurrent.RateLimiter;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jboss.logging.Logger;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus) through a small pool of connections that stay open and are
 * reused for every message instead of connecting per email. Sockets have TCP_NODELAY. Thread-safe: each send
 * borrows a connection ({@link ConnectionPool}), so up to {@link MailConfig#connections()} threads send at once; an optional rate
 * limit spaces messages over all of them.
 */
public class SmtpMailSender implements MailSender, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpMailSender.class);
    /** A connection idle longer than this is replaced before use: servers drop idle clients after 30–300 s. */
    static final Duration MAX_IDLE = Duration.ofSeconds(20);

    private final MailConfig config;
    private final Session session;
    private final InternetAddress from;
    private final List<Connection> all = new ArrayList<>();
    private final ConnectionPool<Connection> pool;
    private final RateLimiter rateLimiter;
    private final ReturnPath returnPath;

    public SmtpMailSender(MailConfig config, InternetAddress from) {
        this(config, from, mail -> Optional.empty());
    }

    /** With each email's envelope sender chosen by {@code returnPath} (VERP), else the From address. */
    public SmtpMailSender(MailConfig config, InternetAddress from, ReturnPath returnPath) {
        this.config = config;
        this.from = from;
        this.returnPath = returnPath;
        this.session = Session.getInstance(properties(config));
        for (int i = 0; i < Math.max(1, config.connections()); i++) {
            Connection connection = new Connection();
            all.add(connection);
        }
        this.pool = new ConnectionPool<>(all);
        this.rateLimiter = config.maxPerSecond().filter(rate -> rate > 0).map(RateLimiter::create).orElse(null);
    }

    static Properties properties(MailConfig config) {
        Properties props = new Properties();
        String host = config.host().orElseThrow();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(config.port()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(config.readTimeout().toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(config.readTimeout().toMillis()));
        props.put("mail.smtp.quitwait", "false");
        props.put("mail.smtp.auth", String.valueOf(config.username().isPresent()));
        // Socket factories are objects, so they go in with put(), not setProperty().
        switch (config.tls()) {
            case SSL -> {
                props.put("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
                props.put("mail.smtp.ssl.socketFactory", new NoDelaySocketFactory(SSLSocketFactory.getDefault()));
            }
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
                props.put("mail.smtp.socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
            }
            case NONE -> props.put("mail.smtp.socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
        }
        return props;
    }

    @Override
    public void send(OutgoingMail mail) throws MailSendException {
        send(mail, false);
    }

    /** Takes the next free connection before every digest send waiting for one. */
    @Override
    public void sendFirst(OutgoingMail mail) throws MailSendException {
        send(mail, true);
    }

    private void send(OutgoingMail mail, boolean urgent) throws MailSendException {
        MimeMessage message;
        try {
            message = MimeMessages.build(session, from, mail);
            Optional<String> envelopeFrom = returnPath.envelopeFrom(mail);
            if (envelopeFrom.isPresent() && message instanceof SMTPMessage smtp) {
                // MAIL FROM of this message only (RFC 5321 §4.1.1.2); the session's mail.smtp.from stays as it is.
                smtp.setEnvelopeFrom(envelopeFrom.get());
            }
        } catch (MessagingException | RuntimeException e) {
            // E.g. an address no server can take (a non-ASCII local part): retrying cannot help.
            throw new MailSendException("cannot build the message: " + e.getMessage(),
                    MailSendException.Kind.MESSAGE_REJECTED, e);
        }
        if (rateLimiter != null) {
            rateLimiter.acquire();
        }
        Connection connection;
        try {
            connection = pool.acquire(urgent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailSendException("interrupted while waiting for an SMTP connection",
                    MailSendException.Kind.TEMPORARY, e);
        }
        try {
            connection.send(message);
        } finally {
            pool.release(connection);
        }
    }

    /** How a refused send is classified, from the SMTP reply behind it. */
    static MailSendException classify(SendFailedException e) {
        int code = -1;
        boolean onRecipient = false;
        for (Exception next = e; next != null; next = next instanceof MessagingException m
                ? m.getNextException()
                : null) {
            if (next instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
                onRecipient = true;
                break;
            }
            if (next instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            }
        }
        if (code >= 500) {
            return new MailSendException("refused by the SMTP server (" + code + "): " + e.getMessage(),
                    onRecipient ? MailSendException.Kind.RECIPIENT_REJECTED : MailSendException.Kind.MESSAGE_REJECTED,
                    e);
        }
        return new MailSendException("deferred by the SMTP server (" + code + "): " + e.getMessage(),
                MailSendException.Kind.TEMPORARY, e);
    }

    @Override
    public String describe() {
        return "SMTP " + config.host().orElse("?") + ":" + config.port() + " (" + config.tls().name().toLowerCase()
                + ", " + all.size() + " connections"
                + (rateLimiter == null ? ")" : ", at most " + rateLimiter.getRate() + "/s)");
    }

    @Override
    public void close() {
        all.forEach(Connection::close);
    }

    /** One SMTP connection of the pool; used by one thread at a time (whoever took it from the pool). */
    private final class Connection {
        private Transport transport;
        private long lastUsedNanos;

        void send(MimeMessage message) throws MailSendException {
            try {
                connected().sendMessage(message, message.getAllRecipients());
                lastUsedNanos = System.nanoTime();
            } catch (SendFailedException e) {
                MailSendException failure = classify(e);
                if (failure.kind() == MailSendException.Kind.TEMPORARY) {
                    // A 421 closes the session, and a deferral may leave it mid-transaction: start afresh.
                    close();
                }
                throw failure;
            } catch (MessagingException e) {
                // The connection is in an unknown state: start the next message on a fresh one.
                close();
                throw new MailSendException("SMTP failure: " + e.getMessage(), MailSendException.Kind.TEMPORARY, e);
            }
        }

        private Transport connected() throws MessagingException {
            boolean stale = transport != null && System.nanoTime() - lastUsedNanos > MAX_IDLE.toNanos();
            if (stale) {
                close();
            }
            if (transport == null) {
                Transport fresh = session.getTransport("smtp");
                fresh.connect(config.host().orElseThrow(), config.port(), config.username().orElse(null),
                        config.password().orElse(null));
                transport = fresh;
                lastUsedNanos = System.nanoTime();
                LOG.debugf("Connected to %s", describe());
            }
            return transport;
        }

        synchronized void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debugf("Closing an SMTP connection failed: %s", e.getMessage());
                }
                transport = null;
            }
        }
    }
}
