package io.paperpost.mail;

/**
 * Sends one email. Implementations: SMTP, the local outbox, and whatever tests and benchmarks need. They are
 * thread-safe: a digest run may send from several threads at once (the SMTP sender then uses several connections).
 */
public interface MailSender {

    /**
     * Sends the email or throws; returns only when the receiving side accepted it.
     *
     * @throws MailSendException with {@link MailSendException#kind()} telling whether trying again can help
     */
    void send(OutgoingMail mail) throws MailSendException;

    /**
     * Sends ahead of the sends already waiting (a reader waiting for their confirmation link goes before the
     * digest's traffic); otherwise like {@link #send}. Senders without a queue of their own just send.
     */
    default void sendFirst(OutgoingMail mail) throws MailSendException {
        send(mail);
    }

    /** Where mail goes, for logs and the admin, e.g. "SMTP smtp.example.org:587". */
    String describe();
}
