package io.paperpost.feedback;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.subscription.CurrentLinks;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The steering links of a paper card: one signed token per card, whose subject is the paper id in base64url
 * ({@link TokenSubjects}) and, after ':', its primary topic; each action is a path segment after it. One signature
 * per card instead of one per link: signing is a measurable part of rendering a million emails.
 */
@ApplicationScoped
public class SteeringLinks {

    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    CurrentLinks currentLinks;

    /** The card's token; {@link #link} makes each action's link from it. */
    public String token(long readerId, String paperId, String topicId) {
        return tokens.issue(TokenPurpose.STEER, readerId,
                TokenSubjects.encode(paperId) + ":" + (topicId == null ? "" : TokenSubjects.encode(topicId)));
    }

    public String link(String token, Steering.Action action) {
        return links.steer(token) + "/" + action.code();
    }

    /** @throws InvalidLinkException when the token or action is not a valid, current steering link */
    public Steering verify(String token, String action) {
        CurrentLinks.Split link = currentLinks.verifySplit(token, TokenPurpose.STEER, "steering token without paper");
        return new Steering(link.readerId(), Steering.Action.ofCode(action),
                TokenSubjects.decode(link.head(), "paper id"),
                link.tail().isEmpty() ? null : TokenSubjects.decode(link.tail(), "topic"));
    }
}
