package io.paperpost.subscription;

import io.paperpost.mail.EmailAddresses;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the signup and preferences forms, the double opt-in and the signup's defences against bots. */
@ConfigMapping(prefix = "paperpost.subscription")
public interface SubscriptionConfig {

    /** The topic list readers choose from (JSON: id, name, description, categories, seedTerms). */
    @WithDefault("config/topics.json")
    Path topicsFile();

    /** Longest free-text interests accepted, in characters. */
    @WithDefault("500")
    int maxInterestsLength();

    /** Most followed authors a reader may list. */
    @WithDefault("50")
    int maxAuthors();

    /** Longest author name accepted, in characters. */
    @WithDefault("100")
    int maxAuthorLength();

    /** Shortest wait between two confirmation emails to the same address (signing up again, or "resend"). */
    @WithDefault("10m")
    Duration confirmationResendInterval();

    /**
     * Readers who never confirm are deleted this long after signing up; so is a {@link PendingSignup} (a signup for
     * an address that already has a reader) left unconfirmed this long.
     */
    @WithDefault("7d")
    Duration unconfirmedRetention();

    /** When the purge of unconfirmed readers runs (Quartz cron). */
    @WithDefault("0 30 3 * * ?")
    String purgeCron();

    /**
     * Send the welcome email (what arrives, when, how to change it) after a reader confirms. The test profile turns
     * it off so tests of other features see only the emails they are about.
     */
    @WithDefault("true")
    boolean welcomeEmail();

    /** A signup form sent back faster than this after it was served is a bot's (a person needs a few seconds). */
    @WithDefault("3s")
    Duration minFillTime();

    /** How long a served form may be sent back; after that the reader is asked to submit it again. */
    @WithDefault("12h")
    Duration formLifetime();

    /**
     * Whether HTML forms must carry their signed form token (anti-forgery, and the signup's fill time). Only the
     * test profile turns it off, so tests of other features can post forms directly.
     */
    @WithDefault("true")
    boolean requireFormToken();

    /** Signups (form and API) accepted per client IP address per {@link #perIpPeriod()}. */
    @WithDefault("30")
    long perIpLimit();

    @WithDefault("10m")
    Duration perIpPeriod();

    /** Signups and resends accepted per mailbox ({@link EmailAddresses#key}) per {@link #perAddressPeriod()}. */
    @WithDefault("5")
    long perAddressLimit();

    @WithDefault("1h")
    Duration perAddressPeriod();
}
