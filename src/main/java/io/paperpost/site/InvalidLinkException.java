package io.paperpost.site;

/** A signed link that is tampered with, expired, for another purpose, or no longer applies. Reveals nothing. */
public class InvalidLinkException extends RuntimeException {

    public InvalidLinkException(String internalReason) {
        super(internalReason, null, false, false);
    }
}
