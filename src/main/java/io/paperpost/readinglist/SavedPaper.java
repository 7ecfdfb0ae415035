package io.paperpost.readinglist;

import io.paperpost.papers.Paper;
import io.paperpost.site.Links;
import java.time.Instant;

/**
 * One entry of a reading list as the page and the exports show it.
 *
 * @param paper the stored paper, null when it is no longer stored (the page then says so; exports leave it out)
 */
public record SavedPaper(String paperId, Instant savedAt, Instant readAt, String note, Paper paper) {

    public boolean gone() {
        return paper == null;
    }

    public boolean read() {
        return readAt != null;
    }

    public String title() {
        return paper == null ? paperId : paper.title;
    }

    public String url() {
        return paper == null ? null : Links.paper(paper.id, paper.title);
    }

    public String authors() {
        return paper == null ? "" : String.join(", ", paper.authors);
    }

    /** The year it was published (or first seen), null when not known. */
    public Integer year() {
        if (paper == null) {
            return null;
        }
        return paper.publishedOn != null
                ? Integer.valueOf(paper.publishedOn.getYear())
                : paper.firstSeenOn == null ? null : Integer.valueOf(paper.firstSeenOn.getYear());
    }

    public String arxivId() {
        return paper == null ? null : paper.arxivId;
    }
}
