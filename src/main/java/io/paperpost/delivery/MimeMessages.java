package io.paperpost.delivery;

import java.util.Date;
import java.util.Map;

import io.paperpost.subscription.EmailAddresses;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

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

    /** UTF-8 text, quoted-printable: named up front so Jakarta Mail does not scan the whole body to choose. */
    private static void setUtf8Text(MimePart part, String text, String subtype) throws MessagingException {
        part.setText(text, "UTF-8", subtype);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
    }

    public static MimeMessage build(Session session, InternetAddress from, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, mail.messageId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(EmailAddresses.toAscii(mail.to()), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
        }
        if (mail.html() == null) {
            setUtf8Text(message, mail.text(), "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            setUtf8Text(text, mail.text(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            setUtf8Text(html, mail.html(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    /** Keeps the Message-ID we chose (stable per reader and day) instead of a random one. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
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
