package io.paperpost.digest.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Test mode keeps every rendered template for assertions; a benchmark rendering millions must not. */
public class RenderBenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.qute.test-mode.record-rendered-results", "false",
                "paperpost.papers.demo-import", "false");
    }
}
