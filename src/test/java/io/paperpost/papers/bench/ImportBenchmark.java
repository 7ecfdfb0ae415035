package io.paperpost.papers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.paperpost.bench.HeapSampler;
import io.paperpost.bench.LoadAverage;
import io.paperpost.papers.ImportReport;
import io.paperpost.papers.JsonLinesFileSource;
import io.paperpost.papers.PaperImporter;
import io.paperpost.storage.PackagedH2;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Imports {@code bench.papers} (default 100,000) papers from JSON Lines files made from the bundled sample
 * papers: after an unmeasured warm-up import of {@code bench.warmup} (default 100,000) other papers,
 * {@code bench.rounds} (default 3) passes of new papers, each from another file, then the last file again
 * (all known: the merge path). Run through {@code bench/import/run.sh}; prints
 * papers per second, CPU time per thread, load, peak heap and the process's peak RSS.
 */
@QuarkusTest
@TestProfile(ImportBenchmarkProfile.class)
@EnabledIfSystemProperty(named = "bench.db", matches = "h2|postgresql")
class ImportBenchmark {

    static final String[] FIRST = {"Wei", "José", "Priya", "Anna", "Tom", "Kenji", "Sara", "Luca", "Marta", "Chen",
            "Ines", "Omar", "Léa", "Ivan", "Aiko", "Noah", "Zoë", "Ravi", "Elif", "Jonas"};
    static final String[] LAST = {"Zhang", "García", "Raman", "Kowalska", "Becker", "Watanabe", "Rossi", "Bianchi",
            "Nowak", "Wei", "Duarte", "Haddad", "Müller", "Petrov", "Sato", "Smith", "Dubois", "Iyer", "Yılmaz",
            "Berg"};
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
        generate(file, 0, papers);
        String db = System.getProperty("bench.db");
        System.out.printf(Locale.ROOT, "BENCH file %s: %d papers, %.1f MB%n", file, papers, Files.size(file) / 1e6);
        System.out.println("BENCH " + db + " database settings:" + PackagedH2.writeDelay(dataSource));

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
        int warmup = Integer.getInteger("bench.warmup", 100_000);
        if (warmup > 0) {
            // The JIT compiles the import path (H2 or the driver, the importer) on a first import of
            // other papers, as it has in a server that has been running; without it the first pass also pays
            // for compiling, on the same two cores.
            Path warmupFile = Path.of("target/bench/warmup-" + warmup + ".jsonl");
            generate(warmupFile, 1_000_000, warmup);
            ImportReport report = importer.importFrom(new JsonLinesFileSource("warmup", warmupFile, json),
                    LocalDate.of(2025, 10, 22));
            assertEquals(warmup, report.added(), "the warm-up papers are other papers");
            String line = "BENCH " + db + " warm-up: " + warmup + " other papers imported first (not measured)";
            System.out.println(line);
            results.add(line);
        }
        if (!Boolean.getBoolean("bench.noJitWait")) {
            // A freshly started Quarkus test JVM has a long queue of methods waiting for the optimizing compiler
            // (startup, Hibernate, H2, the warm-up): on two cores the compiler threads would take most of a core
            // during the measured passes, which a server that has been running for a while does not pay. Wait
            // (at most 60 s) until the JIT has been idle for a second.
            String line = "BENCH " + db + " waited " + waitForIdleJit() + " s for the JIT queue to drain";
            System.out.println(line);
            results.add(line);
        }
        // Several "new" passes, each over other papers (JMH's way: the spread between them shows the noise,
        // mostly the JIT on two cores), then "known" over the last file again.
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Path> files = new ArrayList<>(List.of(file));
        for (int round = 1; round < rounds; round++) {
            Path other = Path.of("target/bench/papers-" + papers + "-round" + (round + 1) + ".jsonl");
            generate(other, (round + 1) * 1_000_000, papers);
            files.add(other);
        }
        List<Double> newRates = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            passes.add("new");
        }
        passes.add("known");
        int round = 0;
        for (String pass : passes) {
            Path passFile = pass.equals("new") ? files.get(round++) : files.get(rounds - 1);
            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.start();
            String loadBefore = LoadAverage.now();
            CpuClock cpu = new CpuClock();
            long started = System.nanoTime();
            ImportReport report = importer.importFrom(new JsonLinesFileSource("bench", passFile, json),
                    LocalDate.of(2025, 10, 23));
            double seconds = (System.nanoTime() - started) / 1e9;
            cpu.stop();
            heap.stopSampling();
            if (pass.equals("new")) {
                assertEquals(papers, report.added(), "every paper is new in a fresh database");
            } else {
                assertEquals(papers, report.skipped(), "nothing changed on the second pass");
            }
            assertEquals(0, report.errors().size());
            String line = String.format(Locale.ROOT,
                    "BENCH %s %s pass%s: %d papers in %.2f s = %.0f papers/s (added %d, updated %d, skipped %d); "
                            + "CPU: reading thread %.2f s, writer thread %.2f s (= %.0f papers per CPU second of both), whole process %.2f s, GC %.2f s, JIT %.2f s; busiest threads: %s; "
                            + "load average before %s, after %s; "
                            + "heap used peak %.0f MB, after GC peak %.0f MB (max %.0f MB); process RSS now %s, peak %s; batch %s",
                    db, pass, pass.equals("new") ? " " + round + "/" + rounds : "", report.read(), seconds,
                    report.read() / seconds, report.added(), report.updated(),
                    report.skipped(), cpu.readerSeconds, cpu.writerSeconds,
                    report.read() / (cpu.readerSeconds + cpu.writerSeconds), cpu.processSeconds,
                    cpu.gcSeconds, cpu.jitSeconds, cpu.busiestThreads(), loadBefore, LoadAverage.now(),
                    heap.peak.get() / 1048576.0, heap.peakAfterGc.get() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0, procStatus("VmRSS"), procStatus("VmHWM"),
                    System.getProperty("bench.batch", "default"));
            System.out.println(line);
            results.add(line);
            if (pass.equals("new")) {
                newRates.add(report.read() / seconds);
            }
        }
        List<Double> sorted = newRates.stream().sorted().toList();
        String summary = String.format(Locale.ROOT,
                "BENCH %s new papers/s over %d passes: median %.0f, min %.0f, max %.0f",
                db, rounds, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
        System.out.println(summary);
        results.add(summary);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*) from paper")) {
                r.next();
                assertEquals(rounds * papers + warmup, r.getInt(1));
            }
        }
        Files.write(Path.of("target/bench/result-" + db + ".txt"), results);
    }

    /** Papers made from the sample: titles varied, half keyed by an arXiv id, authors and categories added. */
    void generate(Path file, int first, int count) throws IOException {
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
            for (int i = first; i < first + count; i++) {
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

    /** Waits until the JIT compiled for less than 20 ms during one second (at most 60 s); returns the seconds waited. */
    static long waitForIdleJit() throws InterruptedException {
        var jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() - started < 60_000_000_000L) {
            Thread.sleep(1000);
            long now = jit.getTotalCompilationTime();
            if (now - last < 20) {
                break;
            }
            last = now;
        }
        return Math.round((System.nanoTime() - started) / 1e9);
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

    /**
     * CPU time of one pass: the reading thread (this one), the importer's writer thread, the whole process (H2's
     * background writer, GC, JIT included) and GC time. On a shared machine the wall time depends
     * on what else runs; CPU time does much less.
     */
    static final class CpuClock {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        private final long threadStart = threads.getCurrentThreadCpuTime();
        private final long processStart = os.getProcessCpuTime();
        private final long gcStart = gcMillis();
        private final long jitStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        private final java.util.Map<Long, Long> threadsStart = allThreads();
        /** This thread: the source reads and parses on the caller's thread. */
        double readerSeconds;
        /** The importer's writer thread (JDBC, and the database's own work when it is embedded, as H2 is). */
        double writerSeconds;
        double processSeconds;
        double gcSeconds;
        /** Time the JIT compiler threads spent compiling (they are not Java threads: only in the process figure). */
        double jitSeconds;

        void stop() {
            readerSeconds = (threads.getCurrentThreadCpuTime() - threadStart) / 1e9;
            writerSeconds = used().getOrDefault("paper-import-writer", 0L) / 1e9;
            processSeconds = (os.getProcessCpuTime() - processStart) / 1e9;
            gcSeconds = (gcMillis() - gcStart) / 1e3;
            jitSeconds = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart) / 1e3;
        }

        /** The threads that used the most CPU during the pass (H2's background writer, for one). */
        String busiestThreads() {
            return used().entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(4)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        private java.util.Map<String, Long> used() {
            java.util.Map<String, Long> used = new java.util.HashMap<>();
            allThreads().forEach((id, nanos) -> {
                var info = threads.getThreadInfo(id);
                if (info != null) {
                    used.merge(info.getThreadName().replaceAll("-\\d+$", "-N"),
                            nanos - threadsStart.getOrDefault(id, 0L), Long::sum);
                }
            });
            return used;
        }

        private java.util.Map<Long, Long> allThreads() {
            java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                long nanos = threads.getThreadCpuTime(id);
                if (nanos > 0) {
                    cpu.put(id, nanos);
                }
            }
            return cpu;
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
        }
    }
}
