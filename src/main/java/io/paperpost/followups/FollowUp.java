package io.paperpost.followups;

import java.util.List;

/**
 * One line of "Updates on papers you follow": a paper the reader liked or saved, and what changed on it since.
 *
 * @param url     the paper's page
 * @param change  what changed, in one line ("Version 3 is on arXiv · code released")
 * @param codeUrl the code link when the news is that code was released, else null
 * @param newsIds the {@code paper_news} rows the line tells
 */
public record FollowUp(String paperId, String title, String url, String change, String codeUrl, List<Long> newsIds) {

    public FollowUp {
        newsIds = List.copyOf(newsIds);
    }
}
