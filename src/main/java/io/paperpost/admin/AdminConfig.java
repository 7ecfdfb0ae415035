package io.paperpost.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The operator's credentials for /api/v1/admin (HTTP basic auth). */
@ConfigMapping(prefix = "paperpost.admin")
public interface AdminConfig {

    /** Admin user name. */
    @WithDefault("admin")
    String username();

    /** Admin password. Production refuses to start without one; dev mode uses {@code admin}. */
    Optional<String> password();

    /** Failed admin sign-ins one client address may make per {@link #loginFailurePeriod()} before it waits. */
    @WithDefault("10")
    int loginFailures();

    /** The period over which {@link #loginFailures()} refill; a client that used them up waits for one back. */
    @WithDefault("15m")
    Duration loginFailurePeriod();

    /**
     * How many days before or after today (in the digest zone) an admin digest run or preview may be for: a run is
     * for the next day or a missed one, and a far date is a typo or a forged request.
     */
    @WithDefault("7")
    int runDateWindowDays();
}
