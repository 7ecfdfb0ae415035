package io.paperpost.papers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily import of papers from every enabled source. */
@ConfigMapping(prefix = "paperpost.import")
public interface ImportConfig {

    /**
     * Quartz cron expression (seconds first) for the daily import, in the server's time zone (UTC on the
     * production hosts). Default: 05:00 every day, before the nightly digest.
     */
    @WithDefault("0 0 5 * * ?")
    String cron();

    /** How many item errors an import run keeps for the admin to read. Default 20. */
    @WithDefault("20")
    int firstErrors();
}
