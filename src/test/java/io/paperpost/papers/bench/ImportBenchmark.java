package io.paperpost.papers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.paperpost.papers.ImportReport;
import io.paperpost.papers.JsonLinesFileSource;
import io.paperpost.papers.PaperImporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Imports {@code bench.papers} (default 100,000) papers from a JSON Lines file made from the bundled sample
 * papers, twice: into an empty database (all new), then again (all known: the merge path). Run through
 * {@code bench/import/run.sh}; prints papers per second, peak heap and the process's peak RSS.
 */
@QuarkusTest
@TestProfile(ImportBenchmarkProfile.class)
@EnabledIfSystemProperty(named = "bench.db", matches = "h2|postgresql")
class ImportBenchmark {

    static final String[] FIRST = {"Wei", "José", "Priya", "Anna", "Tom", "Kenji", "Sara", "Luca", "Marta", "Chen",
            "Ines", "Omar", "Léa", "Ivan", "Aiko", "Noah", "Zoë", "Ravi", "Elif", "Jonas"};
    static final String[] LAST = {"Zhang", "García", "Raman", "Kowalska", "Becker", "Watanabe", "Rossi", "Bianchi",
            "Nowak", "Wei", "Duarte", "Haddad", "Müller", "Petrov", "Sato", "Smith", "Dubois", "Iyer", "Yılmaz", "Berg"};
    static final String[] CATEGORIES = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.RO", "cs.DC", "cs.AR", "stat.ML"};

    @Inject
    PaperImporter importer;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void importPapers() throws Exception {
        int papers = Integer.getInteger("bench.papers", 100_000);
        Path file = Path.of("target/bench/papers-" + papers + ".jsonl");
        generate(file, papers);
        String db = System.getProperty("bench.db");
        System.out.printf(Locale.ROOT, "BENCH file %s: %d papers, %.1f MB%n", file, papers, Files.size(file) / 1e6);

        List<String> results = new ArrayList<>();
        long parseStarted = System.nanoTime();
        int[] read = new int[1];
        new JsonLinesFileSource("bench", file, json).fetch(new io.paperpost.papers.PaperSource.Sink() {
            @Override
            public void accept(int position, io.paperpost.papers.PaperRecord paper) {
                read[0]++;
                paper.titleKey();
            }

            @Override
            public void reject(int position, String reason) {
                read[0]++;
            }
        });
        double parseSeconds = (System.nanoTime() - parseStarted) / 1e9;
        String parseLine = String.format(Locale.ROOT, "BENCH %s read only (parse, validate, title key; no database): "
                + "%d papers in %.2f s = %.0f papers/s", db, read[0], parseSeconds, read[0] / parseSeconds);
        System.out.println(parseLine);
        results.add(parseLine);
        for (String pass : new String[] {"new", "known"}) {
            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.start();
            long started = System.nanoTime();
            ImportReport report = importer.importFrom(new JsonLinesFileSource("bench", file, json), LocalDate.of(2025, 10, 23));
            double seconds = (System.nanoTime() - started) / 1e9;
            heap.stopSampling();
            if (pass.equals("new")) {
                assertEquals(papers, report.added(), "every paper is new in a fresh database");
            } else {
                assertEquals(papers, report.skipped(), "nothing changed on the second pass");
            }
            assertEquals(0, report.errors().size());
            String line = String.format(Locale.ROOT,
                    "BENCH %s %s pass: %d papers in %.2f s = %.0f papers/s (added %d, updated %d, skipped %d); "
                            + "heap used peak %.0f MB, after GC peak %.0f MB (max %.0f MB); process RSS now %s, peak %s; batch %s",
                    db, pass, report.read(), seconds, report.read() / seconds, report.added(), report.updated(),
                    report.skipped(), heap.peak.get() / 1048576.0, heap.peakAfterGc.get() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0, procStatus("VmRSS"), procStatus("VmHWM"),
                    System.getProperty("bench.batch", "500 (default)"));
            System.out.println(line);
            results.add(line);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*) from paper")) {
                r.next();
                assertEquals(papers, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("select count(*) from paper_author")) {
                r.next();
                String line = "BENCH " + db + " rows: " + papers + " papers, " + r.getLong(1) + " author rows";
                System.out.println(line);
                results.add(line);
            }
        }
        Files.write(Path.of("target/bench/result-" + db + ".txt"), results);
    }

    /** Papers made from the sample: titles varied, half keyed by an arXiv id, authors and categories added. */
    void generate(Path file, int count) throws IOException {
        Files.createDirectories(file.getParent());
        List<ObjectNode> samples = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/sample-papers.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    samples.add((ObjectNode) json.readTree(line));
                }
            }
        }
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                ObjectNode paper = samples.get(i % samples.size()).deepCopy();
                String title = paper.get("title").asText() + " (variant " + i + ")";
                paper.put("title", title);
                if (i % 2 == 0) {
                    paper.put("key", String.format(Locale.ROOT, "%02d%02d.%05dv%d", 20 + i / 1_200_000 % 10,
                            1 + (i / 100_000) % 12, i % 100_000, 1 + random.nextInt(3)));
                } else {
                    paper.remove("key");
                }
                ArrayNode authors = paper.putArray("authors");
                int n = 2 + random.nextInt(7);
                for (int a = 0; a < n; a++) {
                    authors.add(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]);
                }
                ArrayNode categories = paper.putArray("categories");
                categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
                if (random.nextBoolean()) {
                    categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
                }
                paper.put("upvotes", random.nextInt(200));
                out.write(json.writeValueAsString(paper));
                out.newLine();
            }
        }
    }

    static String procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "n/a";
    }

    /** Samples heap use every 20 ms. */
    static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();
        /** Largest heap left after a collection: the live set, which stays flat when the import streams. */
        final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running = true;
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long afterGc = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
                peakAfterGc.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() throws InterruptedException {
            running = false;
            join();
        }
    }
}
