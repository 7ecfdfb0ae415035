package io.paperpost.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The operator's credentials for /api/v1/admin (HTTP basic auth). */
@ConfigMapping(prefix = "paperpost.admin")
public interface AdminConfig {

    /** Admin user name. */
    @WithDefault("admin")
    String username();

    /** Admin password. Production refuses to start without one; dev mode uses {@code admin}. */
    Optional<String> password();
}
