package io.paperpost.feedback;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.subscription.LinkSignOut;
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
    LinkSignOut signOut;

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
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.STEER, null);
        signOut.requireCurrent(verified);
        String subject = verified.subject();
        int colon = subject.indexOf(':');
        if (colon <= 0) {
            throw new InvalidLinkException("steering token without paper");
        }
        String topic = subject.substring(colon + 1);
        return new Steering(verified.readerId(), Steering.Action.ofCode(action),
                TokenSubjects.decode(subject.substring(0, colon), "paper id"),
                topic.isEmpty() ? null : TokenSubjects.decode(topic, "topic"));
    }
}
