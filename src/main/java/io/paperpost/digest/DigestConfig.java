package io.paperpost.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Digest runs: when they fire and how they page through readers. */
@ConfigMapping(prefix = "paperpost.digest")
public interface DigestConfig {

    /**
     * Quartz cron expression (seconds first) for the scheduled run, which sends to every reader whose chosen local
     * hour has come. It must fire at least hourly for readers to get their email at their hour. Default: every
     * 15 minutes.
     */
    @WithDefault("0 0/15 * * * ?")
    String cron();

    /** The zone that gives "today" to an explicit run without a date (admin API, dev outbox button). */
    @WithDefault("UTC")
    ZoneId zone();

    /** Papers per email for a reader without their own setting. */
    @WithDefault("10")
    int papersPerEmail();

    /** A reader's first email may hold papers made available up to this many days before it is composed. */
    @WithDefault("7")
    int firstDigestLookbackDays();

    /**
     * The longest an email reaches back, however long ago the reader's last one was (downtime, a pause, a weekly
     * reader's week, failed days): the papers after their watermark, made available at most this many days ago.
     */
    @WithDefault("14")
    int catchUpLookbackDays();

    /** Readers loaded per database round trip during a run. */
    @WithDefault("500")
    int readerPageSize();

    /** How often a running digest logs and stores its progress (percent, rate, time left). */
    @WithDefault("5s")
    Duration progressInterval();

    /** Due readers per chunk: the unit of work instances claim from the database during a run. */
    @WithDefault("500")
    int chunkSize();

    /**
     * How long a claimed chunk stays with its instance without a renewal (renewed every progress interval while
     * it is worked). When it runs out, as when the instance died, another instance takes the chunk over.
     */
    @WithDefault("60s")
    Duration chunkLease();

    /**
     * Threads per instance that work a run's chunks at once (rank, render, send, record), besides the thread that
     * started the run. Sending waits on the SMTP server, so a few more threads than cores keep the cores busy; each
     * sending thread holds one of the pooled SMTP connections ({@code paperpost.mail.connections}) while it sends.
     * Only used when the background worker is enabled. Default: 4.
     */
    @WithDefault("4")
    int threads();

    /** Whether this instance looks for open chunks of any run in the background (the other instances' runs). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the background worker looks for open chunks. */
    @WithDefault("5s")
    Duration workerPoll();

    /** "Popular with readers who share your interests": one line per email, off unless the operator enables it. */
    ReadersLikeYou readersLikeYou();

    /** Knobs of {@link #readersLikeYou()}. */
    interface ReadersLikeYou {

        /** Whether emails may carry the line. Default: false (an operator choice, stated in the privacy notice). */
        @WithDefault("false")
        boolean enabled();

        /**
         * How many other readers with close profiles must have liked or saved a paper before it is shown. Values
         * below 3 are treated as 3: fewer would let a reader guess who liked it. Default: 3.
         */
        @WithDefault("3")
        int minReaders();

        /** How close two readers' topic choices must be (Jaccard overlap of the topic sets, 0–1). Default: 0.5. */
        @WithDefault("0.5")
        double minTopicOverlap();

        /** How many days of likes count. Default: 14 (within the 30 days in which a sent paper is not resent). */
        @WithDefault("14")
        int days();
    }

    /** "While you were away": the first email after a pause of more than a week. */
    CatchUp catchUp();

    /** Knobs of {@link #catchUp()}. */
    interface CatchUp {

        /**
         * A reader is back from a pause when more than this many of their scheduled days passed without an email
         * since their last one (a pause date, "paused" frequency, or anything else that kept emails from them).
         * Default: 7 (a week).
         */
        @WithDefault("7")
        int afterDays();

        /** Papers in the catch-up email: the best of the whole pause, grouped by topic. Default: 15. */
        @WithDefault("15")
        int papers();

        /**
         * How far back a catch-up reaches, in days before it is composed (the daily emails' reach is
         * {@link DigestConfig#catchUpLookbackDays()}). Default: 31.
         */
        @WithDefault("31")
        int lookbackDays();
    }
}
