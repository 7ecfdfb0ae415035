package io.paperpost.followups;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** "Updates on papers you follow": news on papers a reader liked or saved, in their next email. */
@ConfigMapping(prefix = "paperpost.follow-ups")
public interface FollowUpConfig {

    /** Most updates an email holds; more than {@link FollowUps#MAX_PER_EMAIL} counts as that many. */
    @WithDefault("3")
    int perEmail();

    /**
     * How long news waits for the reader's next email. 30: a paused reader's catch-up still tells what happened
     * meanwhile, and a reader whose emails stopped long ago is not told old news.
     */
    @WithDefault("30")
    int days();

    /** Off: no updates section, and no queries for it. */
    @WithDefault("true")
    boolean enabled();
}
