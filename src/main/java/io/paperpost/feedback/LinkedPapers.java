package io.paperpost.feedback;

import io.paperpost.papers.Paper;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;

/** The paper a signed link of a digest card (👍 / 👎, steering, save) is about, for a reader who may use it. */
public final class LinkedPapers {

    private LinkedPapers() {
    }

    /**
     * Call inside a transaction.
     *
     * @throws InvalidLinkException when the reader is gone or not confirmed, or the paper is unknown
     */
    public static Paper require(long readerId, String paperId) {
        Reader reader = Reader.findById(readerId);
        if (reader == null || reader.status == ReaderStatus.PENDING) {
            throw new InvalidLinkException("no such confirmed reader");
        }
        Paper paper = Paper.findById(paperId);
        if (paper == null) {
            throw new InvalidLinkException("no such paper");
        }
        return paper;
    }
}
