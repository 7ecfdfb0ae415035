package io.paperpost.mail;

import java.util.Optional;

/**
 * The envelope sender (SMTP {@code MAIL FROM}, the Return-Path) of one email, where bounces go. Implemented above
 * the mail edge (the bounce package's VERP addresses); without an implementation, or when it has none for the email,
 * the From address is the envelope sender as before.
 */
public interface ReturnPath {

    /** The address bounces of this email should go to, or empty for the default. */
    Optional<String> envelopeFrom(OutgoingMail mail);
}
