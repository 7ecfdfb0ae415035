package io.paperpost.readinglist;

import io.paperpost.feedback.TokenSubjects;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.Links;
import io.paperpost.subscription.CurrentLinks;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The digest's "Save" link of a paper (a {@link TokenPurpose#SAVE} token whose subject is the paper id in base64url,
 * as paper ids contain '.') and the link of the reader's reading list ({@link TokenPurpose#READING_LIST}).
 */
@ApplicationScoped
public class ReadingListLinks {

    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    CurrentLinks currentLinks;

    /** What a Save link asks for. */
    public record Save(long readerId, String paperId) {
    }

    /** The absolute link that saves the paper to the reader's list (after one button). */
    public String save(long readerId, String paperId) {
        return links.save(saveToken(readerId, paperId));
    }

    String saveToken(long readerId, String paperId) {
        return tokens.issue(TokenPurpose.SAVE, readerId, TokenSubjects.encode(paperId));
    }

    /** The absolute link of the reader's reading list. */
    public String list(long readerId) {
        return links.readingList(listToken(readerId));
    }

    String listToken(long readerId) {
        return tokens.issue(TokenPurpose.READING_LIST, readerId);
    }

    /** @throws InvalidLinkException when the token is not a valid, current Save link */
    Save verifySave(String token) {
        ReaderTokens.Verified verified = currentLinks.verify(token, TokenPurpose.SAVE);
        return new Save(verified.readerId(), TokenSubjects.decode(verified.subject(), "paper id"));
    }
}
