package io.paperpost.feed;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One pick in a reader's feed, as their email showed it.
 *
 * @param picked  the digest date at the reader's hour: when the pick was made for them
 * @param authors the paper's authors, each an Atom author; empty when the paper lists none
 */
record FeedEntry(String paperId, String title, String url, List<String> authors, String reason, String teaser,
        String codeUrl, OffsetDateTime picked) {
}
