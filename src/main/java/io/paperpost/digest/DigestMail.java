package io.paperpost.digest;

import java.util.List;

/**
 * Everything the digest templates show. Plain data, so templates are type-checked against it.
 *
 * @param trending true when nothing matched the reader today and these are the day's trending papers
 */
public record DigestMail(String siteName, String subject, String preheader, String dateLabel, boolean trending,
        List<Item> items, String manageUrl, String unsubscribeUrl, String homeUrl, String contactLine,
        String reasonForEmail) {

    /** One paper in the email. */
    public record Item(int rank, String title, String url, String authors, String teaser, int upvotes, String codeUrl,
            String reason, String likeUrl, String dislikeUrl) {
    }
}
