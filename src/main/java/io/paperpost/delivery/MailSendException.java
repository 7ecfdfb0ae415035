package io.paperpost.delivery;

/** A send that did not go through. */
public class MailSendException extends Exception {

    private final boolean permanent;

    public MailSendException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when the server refused the recipient or message for good (SMTP 5xx): retrying cannot help. */
    public boolean permanent() {
        return permanent;
    }
}
