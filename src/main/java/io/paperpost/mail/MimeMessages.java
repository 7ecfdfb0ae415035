package io.paperpost.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/** Builds the MIME form of an {@link OutgoingMail}: UTF-8, multipart/alternative when there is HTML. */
public final class MimeMessages {

    static {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader on every body part and encoded
        // header (~15% of building a message); naming the implementation skips the classpath scan.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private MimeMessages() {
    }

    /**
     * Text bodies are encoded here, in one pass with the JDK's Base64, and handed to Jakarta Mail ready to
     * write: its own encoders go byte by byte through several streams, which made them most of a send's CPU.
     * Base64 also keeps long lines and non-ASCII (emoji, accents) safe on any server.
     */
    private static final Base64.Encoder BODY = Base64.getMimeEncoder(76, new byte[]{'\r', '\n'});

    private static byte[] encodedBody(String text) {
        return BODY.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", "base64");
        return new MimeBodyPart(headers, encodedBody(text));
    }

    public static MimeMessage build(Session session, InternetAddress from, OutgoingMail mail)
            throws MessagingException {
        StableIdMessage message = new StableIdMessage(session, mail.messageId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(EmailAddresses.toAscii(mail.to()), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
        }
        if (mail.html() == null) {
            message.setEncodedText(encodedBody(mail.text()));
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(mail.text(), "plain"));
            alternative.addBodyPart(textPart(mail.html(), "html"));
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    /**
     * Keeps the Message-ID we chose (stable per reader and day) instead of a random one; an {@link SMTPMessage} so
     * the sender can give it its own envelope sender ({@link ReturnPath}).
     */
    private static final class StableIdMessage extends SMTPMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        /** A text/plain body already Base64-encoded, written as it is. */
        void setEncodedText(byte[] encoded) throws MessagingException {
            content = encoded;
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            setHeader("Content-Transfer-Encoding", "base64");
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        }
    }
}
