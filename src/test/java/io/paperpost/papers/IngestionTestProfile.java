package io.paperpost.papers;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The profile every ingestion @QuarkusTest shares (one application start): sources served by WireMock. */
public class IngestionTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockSources.class));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(RefuseAllPasswords.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // src/main/resources/application.properties sets "application/json", which Quarkus 3.29 rejects
        // (allowed: json, html, text); reported to the lead. Until it is fixed the application cannot start.
        return Map.of("quarkus.http.unhandled-error-content-type-default", "json",
                // Small batches, so tests see several transactions in one import.
                "paperpost.papers.import-batch-size", "3");
    }
}
