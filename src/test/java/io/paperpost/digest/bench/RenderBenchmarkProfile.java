package io.paperpost.digest.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Test mode keeps every rendered template for assertions; a benchmark rendering millions must not. */
public class RenderBenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.qute.test-mode.record-rendered-results", "false",
                "paperpost.papers.demo-import", "false");
    }
}
