package io.paperpost.papers;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The profile every ingestion @QuarkusTest shares (one application start): sources served by WireMock. */
public class IngestionTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockSources.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // Small batches, so tests see several transactions in one import.
        return Map.of("paperpost.papers.import-batch-size", "3");
    }
}
