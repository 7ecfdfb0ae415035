package io.paperpost.digest;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The nightly digest run. */
@ConfigMapping(prefix = "paperpost.digest")
public interface DigestConfig {

    /** Quartz cron expression for the nightly run (seconds first). Default: 06:00 every day. */
    @WithDefault("0 0 6 * * ?")
    String cron();

    /** The zone the nightly run takes "today" in. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Papers per email. */
    @WithDefault("10")
    int papersPerEmail();

    /** A reader's first email may hold papers first seen up to this many days before its date. */
    @WithDefault("7")
    int firstDigestLookbackDays();

    /** Readers loaded per database round trip during a run. */
    @WithDefault("500")
    int readerPageSize();
}
