package io.paperpost.subscription;

import io.paperpost.site.InvalidLinkException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The check of a digest card's links (👍 / 👎, steering, Save), which never expire but stop working once their reader
 * signs out everywhere: a token signed for the purpose, issued after the reader last signed out ({@link LinkSignOut}).
 * Their subjects start with a paper id; the packages that make them read it ({@code feedback.TokenSubjects}).
 */
@ApplicationScoped
public class CurrentLinks {

    @Inject
    ReaderTokens tokens;
    @Inject
    LinkSignOut signOut;

    /** A current link whose subject is two parts joined by ':', such as a paper id and its rating. */
    public record Split(long readerId, String head, String tail) {
    }

    /**
     * The link's reader and subject.
     *
     * @throws InvalidLinkException when the token is not one signed for the purpose, or was issued before its reader
     *         last signed out everywhere
     */
    public ReaderTokens.Verified verify(String token, TokenPurpose purpose) {
        ReaderTokens.Verified verified = tokens.verify(token, purpose, null);
        signOut.requireCurrent(verified);
        return verified;
    }

    /**
     * {@link #verify} for a link whose subject is {@code head:tail}, split at its first ':' (a base64url head has
     * none); the tail may be empty.
     *
     * @param withoutHead the reason given when the subject has no ':', or nothing before it
     * @throws InvalidLinkException as {@link #verify} does, or when the subject has no head
     */
    public Split verifySplit(String token, TokenPurpose purpose, String withoutHead) {
        ReaderTokens.Verified verified = verify(token, purpose);
        String subject = verified.subject();
        int colon = subject.indexOf(':');
        if (colon <= 0) {
            throw new InvalidLinkException(withoutHead);
        }
        return new Split(verified.readerId(), subject.substring(0, colon), subject.substring(colon + 1));
    }
}
