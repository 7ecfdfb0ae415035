package io.paperpost.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a reader's Atom feed holds. */
@ConfigMapping(prefix = "paperpost.feed")
public interface FeedConfig {

    /**
     * Days of picks in the feed, back from the reader's today. 30: the never-repeat window of the ledger, so no paper
     * appears twice in one feed.
     */
    @WithDefault("30")
    int days();

    /** Most entries in the feed, newest first: 100 is ten days of ten papers, and about 100 KB of XML. */
    @WithDefault("100")
    int maxEntries();
}
