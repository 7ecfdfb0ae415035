package io.paperpost.delivery;

import java.time.Duration;
import java.util.Properties;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jboss.logging.Logger;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus), keeping one connection open and reusing it for every
 * message instead of connecting per email. Sockets have TCP_NODELAY. Thread-safe: sends are serialized on
 * the connection.
 */
public class SmtpMailSender implements MailSender, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpMailSender.class);
    /** A connection idle longer than this is replaced before use: servers drop idle clients after 30–300 s. */
    static final Duration MAX_IDLE = Duration.ofSeconds(20);

    private final MailConfig config;
    private final Session session;
    private final InternetAddress from;
    private Transport transport;
    private long lastUsedNanos;

    public SmtpMailSender(MailConfig config, InternetAddress from) {
        this.config = config;
        this.from = from;
        this.session = Session.getInstance(properties(config));
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
    public synchronized void send(OutgoingMail mail) throws MailSendException {
        MimeMessage message;
        try {
            message = MimeMessages.build(session, from, mail);
        } catch (MessagingException e) {
            throw new MailSendException("cannot build the message: " + e.getMessage(), true, e);
        }
        try {
            connected().sendMessage(message, message.getAllRecipients());
            lastUsedNanos = System.nanoTime();
        } catch (SendFailedException e) {
            throw classify(e);
        } catch (MessagingException e) {
            // The connection is in an unknown state: start the next message on a fresh one.
            closeQuietly();
            throw new MailSendException("SMTP failure: " + e.getMessage(), false, e);
        }
    }

    private Transport connected() throws MessagingException {
        boolean stale = transport != null && System.nanoTime() - lastUsedNanos > MAX_IDLE.toNanos();
        if (stale) {
            closeQuietly();
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

    private MailSendException classify(SendFailedException e) {
        int code = replyCode(e);
        if (code >= 500) {
            return new MailSendException("refused by the SMTP server (" + code + "): " + e.getMessage(), true, e);
        }
        if (code < 0) {
            // No SMTP reply to go by: the connection's state is unknown, so the next message gets a fresh one.
            closeQuietly();
        }
        return new MailSendException("deferred by the SMTP server (" + code + "): " + e.getMessage(), false, e);
    }

    /** The SMTP reply code behind a failed send, or -1 when there is none. */
    private static int replyCode(SendFailedException e) {
        int code = -1;
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (next instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            }
        }
        return code;
    }

    @Override
    public String describe() {
        return "SMTP " + config.host().orElse("?") + ":" + config.port() + " (" + config.tls().name().toLowerCase() + ")";
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debugf("Closing the SMTP connection failed: %s", e.getMessage());
            }
            transport = null;
        }
    }
}
