package io.paperpost.papers.bench;

import io.paperpost.storage.PackagedH2;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The database the benchmark imports into, from system properties: {@code bench.db} ({@code h2} or
 * {@code postgresql}) and {@code bench.url} (the JDBC URL; {@code bench/import/run.sh} makes a fresh one). H2 by
 * default: a file under target/bench with the packaged URL options ({@link PackagedH2#benchmarkUrl}).
 */
public class ImportBenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String db = System.getProperty("bench.db", "h2");
        String url = System.getProperty("bench.url", PackagedH2.benchmarkUrl("./target/bench/h2/paperpost"));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.db-kind", db);
        for (String prefix : new String[]{"", "%test."}) {
            config.put(prefix + "quarkus.datasource.jdbc.url", url);
            config.put(prefix + "quarkus.datasource.username",
                    System.getProperty("bench.user", db.equals("h2") ? "sa" : "postgres"));
            config.put(prefix + "quarkus.datasource.password", "");
        }
        config.put("quarkus.datasource.jdbc.max-size", "4");
        config.put("paperpost.papers.demo-import", "false");
        if (System.getProperty("bench.batch") != null) {
            config.put("paperpost.papers.import-batch-size", System.getProperty("bench.batch"));
        }
        // See IngestionTestProfile: the shared application.properties value does not start on Quarkus 3.29.
        config.put("quarkus.http.unhandled-error-content-type-default", "json");
        config.put("quarkus.log.category.\"io.paperpost\".level", "INFO");
        return config;
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
