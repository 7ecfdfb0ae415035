package io.paperpost.digest;

import io.paperpost.followups.FollowUp;
import java.util.List;

/**
 * Everything the digest templates show. Plain data, so templates are type-checked against it. The same template
 * renders the email and its web view, so the two cannot drift.
 *
 * @param trending    true when nothing matched the reader today and these are the day's trending papers
 * @param webViewUrl  the email's "View in your browser" link (GET /digest/{token})
 * @param archiveUrl  the reader's past emails (GET /digests/{token})
 * @param readingListUrl the reader's reading list (GET /reading-list/{token})
 * @param feedUrl     the reader's Atom feed of their picks (GET /feed/{token}.atom)
 * @param webView     true when rendered as the web page of a sent email: no "View in your browser", not indexed
 * @param popular     the "popular with readers who share your interests" line, null when there is none
 * @param updates     "Updates on papers you follow", below the new papers; empty when there are none
 * @param awaySince   in a "While you were away" catch-up, the date of the reader's last email ("Mon 2 Nov"); its
 *                    items are grouped by topic. Null in any other email.
 */
public record DigestMail(String siteName, String subject, String preheader, String dateLabel, boolean trending,
        List<Item> items, String manageUrl, String readingListUrl, String unsubscribeUrl, String homeUrl,
        String contactLine, String reasonForEmail, String webViewUrl, String archiveUrl, String feedUrl,
        boolean webView, Popular popular, List<FollowUp> updates, String awaySince) {

    /** A paper readers with close profiles liked: its title and link only, never who or how many. */
    public record Popular(String title, String url) {
    }

    /**
     * One paper in the email. Its upvotes are part of {@code reason} ("… · 184 upvotes"), the one place the count
     * is shown.
     *
     * @param saveUrl  saves the paper to the reader's reading list (after one button)
     * @param steering fewer like this, more from / mute the first author, mute the topic
     * @param group    in a catch-up, the topic heading this item opens ("Diffusion models"); null otherwise
     */
    public record Item(int rank, String title, String url, String authors, String teaser, String codeUrl,
            String reason, String likeUrl, String dislikeUrl, String saveUrl, Steering steering, String group) {
    }

    /**
     * The card's steering links (one signed token for all of them).
     *
     * @param firstAuthor the author "More from" and "Mute" are about, null when the paper lists none
     * @param topicName   the paper's primary topic, which "Mute topic" mutes; null when it has none (or, in the web
     *                    view, is not known)
     */
    public record Steering(String fewerUrl, String firstAuthor, String followAuthorUrl, String muteAuthorUrl,
            String topicName, String muteTopicUrl) {
    }
}
