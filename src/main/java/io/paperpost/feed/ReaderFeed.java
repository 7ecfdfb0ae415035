package io.paperpost.feed;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A reader's feed before it is written as Atom.
 *
 * @param readerId names the feed and its entries ({@link AtomWriter}); never the address
 * @param selfUrl  the URL the feed was fetched at
 * @param updated  the newest entry's time, or when the reader confirmed for an empty feed: stable between runs, so
 *                 the validators stay the same until the next picks
 * @param entries  newest first; within one day in the email's order
 */
record ReaderFeed(long readerId, String selfUrl, OffsetDateTime updated, List<FeedEntry> entries) {
}
