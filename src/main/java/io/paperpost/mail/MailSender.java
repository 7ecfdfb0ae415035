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

    /** Where mail goes, for logs and the admin, e.g. "SMTP smtp.example.org:587". */
    String describe();
}
