package io.paperpost.browser;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application as readers meet it: forms carry their signed token and the signup's minimum fill time applies
 * (shorter than production's 3 s to keep the tests quick), and a confirmation is followed by the welcome email, which
 * the browser tests render as a page. Shared by every browser test so Quarkus boots once for them.
 */
public class BrowserProfile implements QuarkusTestProfile {

    /** The signup form's minimum fill time here; a faster post gets the "too fast" page. */
    static final int MIN_FILL_SECONDS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "paperpost.subscription.welcome-email", "true",
                "paperpost.subscription.require-form-token", "true",
                "paperpost.subscription.min-fill-time", MIN_FILL_SECONDS + "s");
    }
}
