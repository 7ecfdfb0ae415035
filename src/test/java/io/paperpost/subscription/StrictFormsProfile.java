package io.paperpost.subscription;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The production defences, which the default test profile relaxes: form tokens required, a minimum fill time,
 * tight rate limits, and the welcome email on.
 */
public class StrictFormsProfile implements QuarkusTestProfile {

    static final int PER_IP = 6;
    static final int PER_ADDRESS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "paperpost.subscription.require-form-token", "true",
                "paperpost.subscription.min-fill-time", "1s",
                "paperpost.subscription.per-ip-limit", String.valueOf(PER_IP),
                "paperpost.subscription.per-address-limit", String.valueOf(PER_ADDRESS),
                "paperpost.subscription.welcome-email", "true");
    }
}
