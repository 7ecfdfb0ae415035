package io.paperpost.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Keys and lifetimes of the signed links in emails. */
@ConfigMapping(prefix = "paperpost.tokens")
public interface TokenConfig {

    /**
     * The HMAC-SHA256 key (at least 32 characters). Required in production; in dev and test a random key is
     * generated once and kept in {@link #secretFile()}.
     */
    Optional<String> secret();

    /** Earlier keys, still accepted so links in emails sent before a key rotation keep working. */
    Optional<List<String>> previousSecrets();

    /** Where dev and test keep their generated key. */
    @WithDefault("data/token-secret")
    Path secretFile();

    /** How long a confirmation link works. */
    @WithDefault("48h")
    Duration confirmationLifetime();
}
