package io.paperpost.feedback;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.subscription.LinkSignOut;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The signed 👍 / 👎 links of a paper. The token's subject is the paper id in base64url (paper ids such as
 * {@code 2410.12345} contain '.', which a token subject may not) followed by {@code :up} or {@code :down}.
 */
@ApplicationScoped
public class FeedbackLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    LinkSignOut signOut;

    /** The absolute link that records the rating (+1 or -1) of the paper for the reader. */
    public String link(long readerId, String paperId, int rating) {
        return links.feedback(token(readerId, paperId, rating));
    }

    public String token(long readerId, String paperId, int rating) {
        return tokens.issue(TokenPurpose.FEEDBACK, readerId, subject(paperId, rating));
    }

    static String subject(String paperId, int rating) {
        return B64.encodeToString(paperId.getBytes(StandardCharsets.UTF_8)) + (rating > 0 ? ":up" : ":down");
    }

    /** What a feedback link asks for. */
    public record Vote(long readerId, String paperId, short rating) {
    }

    /** @throws InvalidLinkException when the token is not a valid feedback link */
    public Vote verify(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.FEEDBACK, null);
        signOut.requireCurrent(verified);
        String subject = verified.subject();
        int colon = subject.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidLinkException("feedback token without paper");
        }
        String kind = subject.substring(colon + 1);
        short rating;
        if (kind.equals("up")) {
            rating = Feedback.LIKE;
        } else if (kind.equals("down")) {
            rating = Feedback.DISLIKE;
        } else {
            throw new InvalidLinkException("feedback token with unknown rating");
        }
        String paperId;
        try {
            paperId = new String(B64D.decode(subject.substring(0, colon)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException("feedback token with malformed paper id");
        }
        if (paperId.isEmpty() || paperId.length() > 100) {
            throw new InvalidLinkException("feedback token with malformed paper id");
        }
        return new Vote(verified.readerId(), paperId, rating);
    }
}
