package io.paperpost.mail;

/** A send that did not go through, with what the failure means for the delivery ledger. */
public class MailSendException extends Exception {

    /** What a failed send means for trying again. */
    public enum Kind {
        /** SMTP 4xx, a dropped connection or a timeout: the same email may go through later. */
        TEMPORARY,
        /** SMTP 5xx on the recipient (a hard bounce): the address does not take mail, the reader is suppressed. */
        RECIPIENT_REJECTED,
        /** The message itself was refused for good (SMTP 5xx on DATA, or it cannot be built): no retry. */
        MESSAGE_REJECTED
    }

    private final Kind kind;

    public MailSendException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when trying again cannot help. */
    public boolean permanent() {
        return kind != Kind.TEMPORARY;
    }
}
