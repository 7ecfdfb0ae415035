package io.paperpost.feedback;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.subscription.CurrentLinks;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed 👍 / 👎 links of a paper. The token's subject is the paper id in base64url (paper ids such as
 * {@code 2410.12345} contain '.', which a token subject may not) followed by {@code :up} or {@code :down}.
 */
@ApplicationScoped
public class FeedbackLinks {

    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    CurrentLinks currentLinks;

    /** The absolute link that records the rating (+1 or -1) of the paper for the reader. */
    public String link(long readerId, String paperId, int rating) {
        return links.feedback(token(readerId, paperId, rating));
    }

    public String token(long readerId, String paperId, int rating) {
        return tokens.issue(TokenPurpose.FEEDBACK, readerId, subject(paperId, rating));
    }

    static String subject(String paperId, int rating) {
        return TokenSubjects.encode(paperId) + (rating > 0 ? ":up" : ":down");
    }

    /** What a feedback link asks for. */
    public record Vote(long readerId, String paperId, short rating) {
    }

    /** @throws InvalidLinkException when the token is not a valid feedback link */
    public Vote verify(String token) {
        CurrentLinks.Split link = currentLinks.verifySplit(token, TokenPurpose.FEEDBACK,
                "feedback token without paper");
        String kind = link.tail();
        short rating;
        if (kind.equals("up")) {
            rating = Feedback.LIKE;
        } else if (kind.equals("down")) {
            rating = Feedback.DISLIKE;
        } else {
            throw new InvalidLinkException("feedback token with unknown rating");
        }
        String paperId = TokenSubjects.decode(link.head(), "paper id");
        return new Vote(link.readerId(), paperId, rating);
    }
}
