package io.paperpost.subscription.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.paperpost.TestData;
import io.paperpost.bench.HeapSampler;
import io.paperpost.bench.LoadAverage;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.papers.bench.ImportBenchmarkProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Posts {@code bench.readers} (default 100,000) subscribers as listmonk CSV to the admin import endpoint over HTTP,
 * the body streamed from a file, into an empty database; then the same file again (every reader present). The
 * anchor, measured in the same run just before: as many rows written to the reader table with plain JDBC batches
 * of 1,000 (one transaction each; deleted afterwards, untimed). A warm-up of {@code bench.warmup} (20,000) rows
 * through both paths comes first, unmeasured. Prints BENCH lines: wall time, rows per second, the process's CPU,
 * the load average, and the heap: live before the step (after a collection), peak used, and the largest heap a
 * collection left during it. Run through {@code bench/readers-import/run.sh}.
 */
@QuarkusTest
@TestProfile(ImportBenchmarkProfile.class)
@EnabledIfSystemProperty(named = "bench.db", matches = "h2|postgresql")
class ReaderImportBenchmark {

    static final String[] TOPICS = {"cs.LG", "cs.CL", "cs.CV", "llm-inference", "rag", "agents", "diffusion"};
    static final String[] INTERESTS = {"graph neural networks", "speculative decoding", "retrieval for code",
            "robot grasping from video", "sparse attention kernels"};

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    TestData data;

    @TestHTTPResource("/api/v1/admin/readers/import")
    URL importUrl;

    @Test
    void importReaders() throws Exception {
        int readers = Integer.getInteger("bench.readers", 100_000);
        int warmup = Integer.getInteger("bench.warmup", 20_000);
        int optIn = Integer.getInteger("bench.optin", 10_000);
        Path optInFile = Path.of("target/bench/readers-optin-" + optIn + ".csv");
        Path file = Path.of("target/bench/readers-" + readers + ".csv");
        Path warmupFile = Path.of("target/bench/readers-warmup-" + warmup + ".csv");
        generate(file, "reader", readers);
        generate(warmupFile, "warmup", warmup);
        generate(optInFile, "optin", optIn);
        System.out.printf(Locale.ROOT, "BENCH file %s: %d rows, %.1f MB%n", file, readers, Files.size(file) / 1e6);
        data.reset();
        // Not measured: the JIT compiles both paths first, as in a server that has been running.
        post(warmupFile, warmup, 0);
        jdbcInsert("warmup-anchor", warmup);
        deleteReaders();

        List<String> results = new ArrayList<>();
        results.add(measure("anchor: plain JDBC batch insert of " + readers + " rows", readers, () -> {
            jdbcInsert("anchor", readers);
            return null;
        }));
        deleteReaders();
        results.add(measure("import " + readers + " new readers (consent=confirmed)", readers,
                () -> post(file, readers, 0)));
        results.add(measure("import the same file again (all present)", readers, () -> post(file, 0, readers)));
        if (optIn > 0) {
            // Each new reader's confirmation email is rendered and queued in the batch's transaction.
            results.add(measure("import " + optIn + " new readers (consent=double-opt-in)", optIn,
                    () -> post(optInFile, "double-opt-in", optIn, 0)));
        }
        results.forEach(System.out::println);
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/readers-import-" + System.getProperty("bench.db") + ".txt"), results);
        data.reset();
    }

    /** The CSV: a third of the rows name topics, a third interests, a third nothing (the default topics). */
    static void generate(Path file, String prefix, int readers) throws Exception {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,name,attributes\n");
            for (int i = 0; i < readers; i++) {
                String attributes = switch (i % 3) {
                    case 0 -> "\"{\"\"topics\"\":[\"\"" + TOPICS[i % TOPICS.length] + "\"\",\"\""
                            + TOPICS[(i / 3) % TOPICS.length] + "\"\"]}\"";
                    case 1 -> "\"{\"\"interests\"\":\"\"" + INTERESTS[i % INTERESTS.length] + "\"\"}\"";
                    default -> "";
                };
                out.write(prefix + i + "@example" + (i % 50) + ".org,Reader " + i + "," + attributes + "\n");
            }
        }
    }

    private Object post(Path file, int added, int present) throws Exception {
        return post(file, "confirmed", added, present);
    }

    private Object post(Path file, String consent, int added, int present) throws Exception {
        String auth = Base64.getEncoder()
                .encodeToString((TestData.ADMIN_USER + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(importUrl + "?consent=" + consent))
                .header("Content-Type", "text/csv").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = json.readTree(response.body());
        assertEquals(added, report.get("added").asLong(), response.body());
        assertEquals(present, report.get("alreadyPresent").asLong(), response.body());
        assertEquals(0, report.get("invalid").asLong(), response.body());
        return report;
    }

    private void jdbcInsert(String prefix, int readers) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into reader (email, email_key, "
                    + "status, topics, interests, followed_authors, time_zone, created_at, confirmed_at) "
                    + "values (?, ?, 'ACTIVE', ?, ?, '', 'UTC', ?, ?)")) {
                for (int i = 0; i < readers; i++) {
                    String email = EmailAddresses.normalize(prefix + i + "@example" + (i % 50) + ".org");
                    insert.setString(1, email);
                    insert.setString(2, EmailAddresses.key(email));
                    insert.setString(3, i % 3 == 0 ? TOPICS[i % TOPICS.length] : "cs.LG");
                    insert.setString(4, i % 3 == 1 ? INTERESTS[i % INTERESTS.length] : "");
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if (i % 1000 == 999 || i == readers - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private void deleteReaders() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from reader");
        }
    }

    interface Step {
        Object run() throws Exception;
    }

    private static String measure(String name, int rows, Step step) throws Exception {
        System.gc();
        long liveBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        HeapSampler heap = new HeapSampler();
        heap.start();
        String loadBefore = LoadAverage.now();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        heap.stopSampling();
        return String.format(Locale.ROOT,
                "BENCH %s: %.2f s wall, %.0f rows/s, process CPU %.1f s; load average before %s, "
                        + "after %s; heap live before %.0f MB, used peak %.0f MB, after GC peak %.0f MB (max %.0f MB)",
                name,
                seconds, rows / seconds, cpu, loadBefore, LoadAverage.now(), liveBefore / 1048576.0,
                heap.peak.get() / 1048576.0, heap.peakAfterGc.get() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
