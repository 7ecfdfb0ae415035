package io.paperpost.digest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paperpost.TestData;
import io.paperpost.digest.DigestRun;
import io.paperpost.digest.DigestService;
import io.paperpost.digest.DigestSummary;
import io.paperpost.embedding.PaperEmbeddings;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.storage.PackagedH2;
import io.paperpost.subscription.ReaderInterestVectors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The night pipeline at scale: N generated readers (Zipf-distributed topics, interests from the topic vocabulary,
 * time zones, some followed authors) and 2,000 new papers, then one real digest run (plan chunks, rank, render,
 * claim, send over SMTP, record) into an in-process GreenMail that is emptied as it fills. Runs only with
 * {@code -Dbench.night.readers=N}; see bench/night/README.md.
 */
@QuarkusTest
@TestProfile(NightBenchmarkProfile.class)
class NightBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** Older papers some readers liked, each with news in the night's import. */
    static final int FOLLOWED = 200;
    static final int LIKER_EVERY = 5;
    static final int LIKES_EACH = 3;
    static final String[] ZONES = {"UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles",
            "Asia/Tokyo", "Asia/Kolkata", "Asia/Shanghai", "Australia/Sydney", "America/Sao_Paulo", "Africa/Lagos",
            "Pacific/Auckland"};

    @Inject
    TestData data;
    @Inject
    DigestService digest;
    @Inject
    PaperEmbeddings embeddings;
    @Inject
    ReaderInterestVectors interestVectors;
    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;

    final ObjectMapper json = new ObjectMapper();
    final AtomicLong liveHeap = new AtomicLong();

    /** Heap in use right after the last collection of each pool: what the run keeps, without its garbage. */
    static long liveHeapAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    @Test
    void night() throws Exception {
        String readersProperty = System.getProperty("bench.night.readers");
        Assumptions.assumeTrue(readersProperty != null, "set -Dbench.night.readers=N to run the night benchmark");
        int readers = Integer.parseInt(readersProperty);
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        // Papers of earlier days that readers liked: outside every window, then news on them (code, an acceptance,
        // upvotes) imported with the day's papers, as follow-ups see them.
        TestData.postPapers(followed(""), DAY.minusDays(60)).statusCode(200);
        pushBackFollowed();
        TestData.postPapers(papers(2_000), DAY).statusCode(200);
        List<JsonNode> topics = new ArrayList<>();
        json.readTree(Files.readString(Path.of("config/topics.json"))).get("topics").forEach(topics::add);
        long generated = System.nanoTime();
        createReaders(readers, topics);
        likeFollowed();
        TestData.postPapers(followed(
                ",\"upvotes\":120,\"codeUrl\":\"https://github.com/example/f%d\",\"comments\":\"Accepted at ICML 2026\""),
                DAY).statusCode(200);
        double setupSeconds = (System.nanoTime() - generated) / 1e9;
        // The background worker embeds new papers within minutes of their import, and interests when they are saved:
        // done here before the clock starts, the run measures the digest alone (else it times the worker too).
        long embedding = System.nanoTime();
        int embedded = 0;
        for (int n; (n = embeddings.embedSome(512)) > 0;) {
            embedded += n;
        }
        int interests = 0;
        for (int n; (n = interestVectors.embedSome(512)) > 0;) {
            interests += n;
        }
        double embedSeconds = (System.nanoTime() - embedding) / 1e9;

        GreenMail mail = GreenMailResource.greenMail();
        Thread emptier = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(500);
                    if (mail != null) {
                        GreenMailResource.purge();
                    }
                    liveHeap.accumulateAndGet(liveHeapAfterGc(), Math::max);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException ignored) {
                    // A purge racing a delivery; the next one catches up.
                }
            }
        }, "greenmail-emptier");
        emptier.setDaemon(true);
        emptier.start();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        // CPU time besides wall time: on the shared two cores the wall time also measures the other jobs.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long cpuStarted = os.getProcessCpuTime();
        long started = System.nanoTime();
        DigestSummary summary = digest.run(DAY);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
        emptier.interrupt();
        if (mail != null) {
            mail.purgeEmailFromAllMailboxes();
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "BENCH night readers=%d papers=2000 followed=%d (liked by one reader in"
                + " %d, %d each) setup=%.1fs embedded=%d papers and %d interests in %.1fs smtp=%s db=%s threads=%s cores=%d load=%s",
                readers,
                FOLLOWED, LIKER_EVERY, LIKES_EACH, setupSeconds, embedded, interests, embedSeconds,
                NightBenchmarkProfile.smtp(),
                System.getProperty("bench.night.db", "mem") + PackagedH2.writeDelay(dataSource),
                System.getProperty("bench.night.threads", "default"),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim()));
        lines.add(String.format(Locale.ROOT,
                "BENCH run sent=%d skipped=%d failed=%d in %.1fs = %.0f readers/s end to end;"
                        + " JVM CPU %.1f s = %.2f ms per reader",
                summary.sent(), summary.skipped(), summary.failed(), seconds,
                summary.readers() / seconds, cpuSeconds, cpuSeconds * 1000 / summary.readers()));
        for (String stage : new String[]{"rank", "render", "send"}) {
            Timer timer = registry.find("paperpost.digest.stage").tag("stage", stage).timer();
            double mean = timer.mean(TimeUnit.MILLISECONDS);
            lines.add(String.format(Locale.ROOT, "BENCH stage %s: %d emails, mean %.2f ms = %.0f/s on one thread",
                    stage, timer.count(), mean, 1000 / mean));
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        lines.add(String.format(Locale.ROOT, "BENCH peak heap %d MiB (sum of the heap pools' peaks: an upper bound),"
                + " max heap %d MiB; live heap after GC peaked at %d MiB (sampled every 0.5 s)", peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20, liveHeap.get() >> 20));
        lines.add("BENCH follow-ups told: " + followUpsTold());
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/result-night.txt"), lines);
        if (summary.sent() + summary.skipped() != readers || summary.failed() != 0) {
            throw new AssertionError("every reader handled once, none failed: " + summary);
        }
    }

    /** Inserts the readers with JDBC batches (entities with identity keys insert one row per statement). */
    private void createReaders(int count, List<JsonNode> topics) {
        Random random = new Random(7);
        double[] zipf = new double[topics.size()];
        double total = 0;
        for (int i = 0; i < zipf.length; i++) {
            total += 1.0 / (i + 1);
            zipf[i] = total;
        }
        double norm = total;
        OffsetDateTime created = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        for (int start = 0; start < count; start += 2_000) {
            int from = start;
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement insert = connection
                                .prepareStatement("insert into reader (email, email_key, status,"
                                        + " topics, interests, followed_authors, time_zone, trend_weight, exploration,"
                                        + " only_when_matches, papers_per_email, frequency, weekly_day, delivery_hour, mail_format,"
                                        + " created_at, confirmed_at) values (?, ?, 'ACTIVE', ?, ?, ?, ?, 0.3, true, false, 10,"
                                        + " 'DAILY', 'MONDAY', ?, 'HTML', ?, ?)")) {
                    for (int i = from; i < Math.min(count, from + 2_000); i++) {
                        List<String> chosen = new ArrayList<>();
                        List<String> words = new ArrayList<>();
                        for (int t = 0; t < 1 + random.nextInt(3); t++) {
                            double u = random.nextDouble() * norm;
                            int pick = 0;
                            while (zipf[pick] < u) {
                                pick++;
                            }
                            JsonNode topic = topics.get(pick);
                            if (!chosen.contains(topic.get("id").asText())) {
                                chosen.add(topic.get("id").asText());
                            }
                            JsonNode seeds = topic.get("seedTerms");
                            words.add(seeds.get(random.nextInt(seeds.size())).asText());
                        }
                        String email = "reader" + i + "@bench.example.org";
                        insert.setString(1, email);
                        insert.setString(2, email);
                        insert.setString(3, String.join("\n", chosen));
                        insert.setString(4, String.join(", ", words));
                        insert.setString(5, random.nextInt(5) == 0 ? "Wei Zhang" : "");
                        insert.setString(6, ZONES[random.nextInt(ZONES.length)]);
                        insert.setInt(7, random.nextInt(24));
                        insert.setObject(8, created);
                        insert.setObject(9, created);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** The followed papers as JSON Lines, each with {@code extra} fields ({@code %d}: its number). */
    private static String followed(String extra) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < FOLLOWED; i++) {
            out.append("{\"key\":\"").append(followedId(i)).append("v1\",\"title\":\"Diffusion samplers revisited")
                    .append(" (followed ").append(i).append(")\",\"summary\":\"Faster diffusion sampling.\"")
                    .append(extra.replace("%d", Integer.toString(i))).append("}\n");
        }
        return out.toString();
    }

    private static String followedId(int i) {
        return String.format(Locale.ROOT, "2601.%05d", i);
    }

    /** The updates the night's emails told; "none" where the code has no follow-ups. */
    private String followUpsTold() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection
                        .prepareStatement("select count(*), count(distinct reader_id) from follow_up_sent");
                var row = count.executeQuery()) {
            row.next();
            return row.getLong(1) + " news to " + row.getLong(2) + " readers";
        } catch (SQLException e) {
            return "none (no follow_up_sent table)";
        }
    }

    private void pushBackFollowed() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = connection
                            .prepareStatement("update paper set available_at = ? where id like '2601.%'")) {
                update.setObject(1, OffsetDateTime.now().minusDays(60));
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One reader in {@link #LIKER_EVERY} likes {@link #LIKES_EACH} followed papers, a day before their news. */
    private void likeFollowed() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement ids = connection.prepareStatement(
                            "select id from reader where mod(id, " + LIKER_EVERY + ") = 0 order by id");
                    PreparedStatement insert = connection.prepareStatement("insert into feedback (reader_id, paper_id,"
                            + " rating, created_at, updated_at) values (?, ?, 1, ?, ?)")) {
                OffsetDateTime yesterday = OffsetDateTime.now().minusDays(1);
                Random random = new Random(11);
                try (var rows = ids.executeQuery()) {
                    while (rows.next()) {
                        long reader = rows.getLong(1);
                        int first = random.nextInt(FOLLOWED);
                        for (int k = 0; k < LIKES_EACH; k++) {
                            insert.setLong(1, reader);
                            insert.setString(2, followedId((first + k) % FOLLOWED));
                            insert.setObject(3, yesterday);
                            insert.setObject(4, yesterday);
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String papers(int count) throws Exception {
        List<ObjectNode> samples = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/sample-papers.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    samples.add((ObjectNode) json.readTree(line));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ObjectNode paper = samples.get(i % samples.size()).deepCopy();
            paper.put("title", paper.get("title").asText() + " (night " + i + ")");
            paper.remove("key");
            out.append(json.writeValueAsString(paper)).append('\n');
        }
        return out.toString();
    }
}
