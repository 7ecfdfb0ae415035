package io.paperpost.bounces;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Bounces and complaints that arrive after sending: the rules, the bounce mailbox, the VERP return path. */
@ConfigMapping(prefix = "paperpost.bounces")
public interface BounceConfig {

    /** Transient failures (4.x.x) of one reader that suppress them, counted within {@link #transientWindow()}. */
    @WithDefault("3")
    int transientLimit();

    /** How far back transient failures count. */
    @WithDefault("7d")
    Duration transientWindow();

    /** The largest report taken, in bytes (a DSN returns at most the original email, a digest is ~60 KB). */
    @WithDefault("1000000")
    int maxReportBytes();

    /** The mailbox DSNs and feedback reports arrive in, polled with Jakarta Mail. */
    Mailbox mailbox();

    /** A per-email return path, {@code local-part+<id>.<tag>@domain}. */
    Verp verp();

    interface Mailbox {

        /** Off by default: on once host, user and password are set. */
        @WithDefault("false")
        boolean enabled();

        /** {@code imap} or {@code pop3}. */
        @WithDefault("imap")
        Protocol protocol();

        /** The mail server holding the bounce mailbox; required when enabled. */
        Optional<String> host();

        /** Default: 993 for IMAP and 995 for POP3 with {@code tls=ssl}, 143 and 110 otherwise. */
        Optional<Integer> port();

        /** {@code ssl} (implicit TLS), {@code starttls} or {@code none}. */
        @WithDefault("ssl")
        Tls tls();

        /** The mailbox's login; required when enabled. */
        Optional<String> username();

        /** The mailbox's password; required when enabled. */
        Optional<String> password();

        /** The IMAP folder read; POP3 has only INBOX. */
        @WithDefault("INBOX")
        String folder();

        /** How often the mailbox is read. */
        @WithDefault("5m")
        Duration interval();

        /** At most this many messages per poll (the rest wait for the next). */
        @WithDefault("500")
        int maxPerPoll();

        /** Connect and read timeout. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Verp {

        /** Off by default: bounces go to the From address. */
        @WithDefault("false")
        boolean enabled();

        /** The local part before the {@code +}. */
        @WithDefault("bounces")
        String localPart();

        /** The domain of the return path, whose MX delivers to the bounce mailbox. Required when enabled. */
        Optional<String> domain();
    }

    /** How the mailbox is read. */
    enum Protocol {
        IMAP, POP3
    }

    /** How the connection to the mailbox is encrypted. */
    enum Tls {
        SSL, STARTTLS, NONE
    }
}
