package io.paperpost.digest.bench;

import io.paperpost.mail.GreenMailResource;
import io.paperpost.storage.PackagedH2;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the night benchmark sends and stores, from system properties (see bench/night/README.md):
 * <ul>
 * <li>{@code bench.night.smtp}: {@code greenmail} (an in-process GreenMail, the default), {@code host:port} (an
 * SMTP server in another process, such as Postfix's smtp-sink started by run.sh), or {@code discard} (a
 * {@link DiscardingMailSender}: rank and render alone);</li>
 * <li>{@code bench.night.db}: {@code mem} (the test profile's in-memory H2, the default), {@code h2} (an H2 file
 * database under target/bench with the packaged URL options, as the embedded default runs; {@code -Dbench.h2-options=...}
 * replaces them), or a PostgreSQL JDBC URL (run.sh makes a fresh
 * database for {@code DB=postgresql});</li>
 * <li>{@code bench.night.threads}: sending threads ({@code paperpost.digest.threads}).</li>
 * </ul>
 */
public class NightBenchmarkProfile implements QuarkusTestProfile {

    static String smtp() {
        return System.getProperty("bench.night.smtp", "greenmail");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String smtp = smtp();
        if (!smtp.equals("greenmail") && !smtp.equals("discard")) {
            int colon = smtp.lastIndexOf(':');
            config.put("paperpost.mail.host", smtp.substring(0, colon));
            config.put("paperpost.mail.port", smtp.substring(colon + 1));
            config.put("paperpost.mail.tls", "none");
        }
        String db = System.getProperty("bench.night.db", "mem");
        String url = switch (db) {
            case "mem" -> null;
            case "h2" -> PackagedH2.benchmarkUrl("./target/bench/night-h2/paperpost");
            default -> db;
        };
        if (url != null) {
            boolean postgres = url.startsWith("jdbc:postgresql:");
            config.put("quarkus.datasource.db-kind", postgres ? "postgresql" : "h2");
            for (String prefix : new String[]{"", "%test."}) {
                config.put(prefix + "quarkus.datasource.jdbc.url", url);
                config.put(prefix + "quarkus.datasource.username", postgres ? "postgres" : "sa");
                config.put(prefix + "quarkus.datasource.password", "");
            }
        }
        // The production defaults, not the test profile's small chunks and disabled worker.
        config.put("paperpost.digest.chunk-size", "500");
        config.put("paperpost.digest.worker-enabled", "true");
        String threads = System.getProperty("bench.night.threads");
        if (threads != null) {
            config.put("paperpost.digest.threads", threads);
        }
        config.put("paperpost.papers.demo-import", "false");
        // In tests Quarkus keeps every rendered template for RenderedResults: a million emails would fill the heap.
        config.put("quarkus.qute.test-mode.record-rendered-results", "false");
        config.put("quarkus.http.unhandled-error-content-type-default", "json");
        config.put("quarkus.log.category.\"io.paperpost\".level", "INFO");
        return config;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return smtp().equals("discard") ? Set.of(DiscardingMailSender.class) : Set.of();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return smtp().equals("greenmail") ? List.of(new TestResourceEntry(GreenMailResource.class)) : List.of();
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
