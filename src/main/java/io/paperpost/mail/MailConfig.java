package io.paperpost.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How PaperPost sends email. */
@ConfigMapping(prefix = "paperpost.mail")
public interface MailConfig {

    /** SMTP server host. When not set, nothing is sent: every email is written to the local outbox instead. */
    Optional<String> host();

    /** SMTP port: 587 for STARTTLS submission, 465 for implicit TLS, 25 for plain relay. */
    @WithDefault("587")
    int port();

    /** Transport security: {@code starttls} (required), {@code ssl} (implicit TLS) or {@code none}. */
    @WithDefault("starttls")
    Tls tls();

    /** SMTP user name; authentication is used when set. */
    Optional<String> username();

    /** SMTP password. */
    Optional<String> password();

    /** The From address of every email. */
    @WithDefault("digest@paperpost.localhost")
    String from();

    /** How long to wait for the SMTP server to accept a connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for any SMTP reply. */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * SMTP connections kept open and reused, so that several threads can send at once. Each stays open across
     * messages; one idle for more than 20 s is replaced before use.
     */
    @WithDefault("4")
    int connections();

    /** Most messages per second over all connections (a provider's sending limit); no limit when not set. */
    Optional<Double> maxPerSecond();

    /**
     * A mailbox for unsubscribe requests by email, added to List-Unsubscribe as a {@code mailto:} beside the
     * https link (the subject carries the reader's signed unsubscribe token). Not added when not set.
     */
    Optional<String> unsubscribeMailto();

    /** The sender part of the Feedback-ID header (Gmail's feedback loop groups complaints by it). */
    @WithDefault("paperpost")
    String feedbackSenderId();

    /** Wait before the first retry of a deferred email (SMTP 4xx or a dropped connection); doubled each time. */
    @WithDefault("5m")
    Duration retryInitialDelay();

    /** Longest wait between two attempts. */
    @WithDefault("2h")
    Duration retryMaxDelay();

    /** Attempts per email, the first included; after the last one fails for a temporary reason it is FAILED. */
    @WithDefault("6")
    int maxAttempts();

    /** Where the outbox writes .eml files when no SMTP host is set. */
    @WithDefault("data/outbox")
    Path outboxDir();

    /** Serve the outbox at /dev/outbox (off in production: the emails hold personal links). */
    @WithDefault("true")
    boolean outboxPage();

    /** The durable queue of every email that is not a digest (confirmations, welcome, address changes). */
    Queue queue();

    /** How the queue's worker runs. */
    interface Queue {

        /** Run the worker on this instance (every instance may: each email is claimed by one). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often the worker looks for deferred emails coming due and for emails other instances queued; an email
         * queued here is sent at once, without waiting for this.
         */
        @WithDefault("10s")
        Duration pollInterval();

        /**
         * How long a worker holds an email it is sending. One left SENDING longer (its worker died) is sent again;
         * keep it well above connect plus read timeout.
         */
        @WithDefault("10m")
        Duration lease();

        /** How long sent and given-up emails are kept (they hold personal links), for the dashboard. */
        @WithDefault("7d")
        Duration retention();
    }

    /** Transport security modes. */
    enum Tls {
        NONE, STARTTLS, SSL
    }
}
