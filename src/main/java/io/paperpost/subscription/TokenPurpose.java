package io.paperpost.subscription;

/** What a signed link may do; a token signed for one purpose is refused for every other. */
public enum TokenPurpose {
    /** Confirms a signup; the subject, when there is one, names the {@link PendingSignup} it confirms. */
    CONFIRM("c"), MANAGE("m"), UNSUBSCRIBE("u"), FEEDBACK("f"),
    /** A one-click steering link of the digest; the subject names the action and what it is about. */
    STEER("t"),
    /** Confirms a new email address; the subject carries the address. */
    EMAIL_CHANGE("e"),
    /** A form's anti-forgery token; the subject names the form, the issue time gives the fill time. */
    FORM("s"),
    /**
     * Shows one sent digest as a page, and the reader's past digests; the subject names the digest by its date
     * ({@code yyyyMMdd}, unique per reader in the ledger).
     */
    DIGEST_VIEW("d"),
    /**
     * Undoes an address change, from the notice sent to the old address; the subject carries the old and the new
     * address. Not revoked by signing out: whoever made the change could otherwise sign out to silence it.
     */
    EMAIL_UNDO("x"),
    /**
     * Names the email a bounce is about in a VERP return path ({@link ReaderTokens#tag}); the subject is the email's
     * Message-ID before the {@code @}.
     */
    RETURN_PATH("r"),
    /** A digest's "Save" link; the subject names the paper to save to the reader's reading list. */
    SAVE("v"),
    /** The reader's reading list page and its exports. */
    READING_LIST("l"),
    /**
     * The reader's Atom feed URL. Never expires (feed readers keep the URL for good); signing out everywhere revokes
     * it like every other link.
     */
    FEED("a");

    final String code;

    TokenPurpose(String code) {
        this.code = code;
    }

    static TokenPurpose ofCode(String code) {
        for (TokenPurpose purpose : values()) {
            if (purpose.code.equals(code)) {
                return purpose;
            }
        }
        return null;
    }
}
