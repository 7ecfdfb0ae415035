package io.paperpost.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A {@link MailConfig} for plain SMTP to a local test server, with the pool size and rate limit to try. */
public record TestMailConfig(int port, int connections, Optional<Double> maxPerSecond) implements MailConfig {

    public static TestMailConfig smtp(int port) {
        return new TestMailConfig(port, 1, Optional.empty());
    }

    public TestMailConfig withConnections(int count) {
        return new TestMailConfig(port, count, maxPerSecond);
    }

    public TestMailConfig withMaxPerSecond(double rate) {
        return new TestMailConfig(port, connections, Optional.of(rate));
    }

    @Override
    public Optional<String> host() {
        return Optional.of("127.0.0.1");
    }

    @Override
    public Tls tls() {
        return Tls.NONE;
    }

    @Override
    public Optional<String> username() {
        return Optional.empty();
    }

    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public String from() {
        return "digest@paperpost.example";
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Optional<String> unsubscribeMailto() {
        return Optional.empty();
    }

    @Override
    public String feedbackSenderId() {
        return "paperpost";
    }

    @Override
    public Duration retryInitialDelay() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration retryMaxDelay() {
        return Duration.ofHours(2);
    }

    @Override
    public int maxAttempts() {
        return 6;
    }

    @Override
    public Path outboxDir() {
        return Path.of("target/unused-outbox");
    }

    @Override
    public boolean outboxPage() {
        return false;
    }

    @Override
    public Queue queue() {
        return new Queue() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration lease() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(7);
            }
        };
    }
}
