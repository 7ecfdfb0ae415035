package io.paperpost.bounces.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperpost.bench.LoadAverage;
import io.paperpost.bounces.BounceIntake;
import io.paperpost.bounces.BounceOutcome;
import io.paperpost.bounces.BounceReport;
import io.paperpost.bounces.BounceSamples;
import io.paperpost.bounces.ReportParser;
import io.paperpost.bounces.ReportSource;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.papers.bench.ImportBenchmarkProfile;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bounce intake: {@code bench.reports} (10,000) DSNs, one per reader, each about a digest in the ledger, read,
 * matched and applied the way the bounce mailbox does it (batches of 100 per transaction), after an unmeasured
 * warm-up of {@code bench.warmup} (2,000) other readers' reports; then the same number one per transaction, as
 * the HTTP intake takes them (skipped with {@code -Dbench.single=false}). A mix of Gmail, Postfix and Exchange permanent failures and Postfix transient ones.
 * Run through {@code bench/bounces/run.sh}; prints BENCH lines.
 */
@QuarkusTest
@TestProfile(ImportBenchmarkProfile.class)
@EnabledIfSystemProperty(named = "bench.db", matches = "h2|postgresql")
class BounceBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String[] SHAPES = {"gmail-permanent.eml", "postfix-permanent.eml", "exchange-permanent.eml",
            "postfix-transient.eml"};

    @Inject
    BounceIntake intake;

    @Test
    void tenThousandDsns() throws Exception {
        int reports = Integer.getInteger("bench.reports", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 2_000);
        List<Long> readers = readers(warmup + 2 * reports);
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            long id = readers.get(i);
            all.add(new BounceSamples("digest-" + id + "-" + DAY + "@localhost", "reader" + i + "@example.org",
                    "bounces@paperpost.example.org", "bench-" + i).load(SHAPES[i % SHAPES.length]));
        }
        run("warm-up", all.subList(0, warmup), 100);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long parseCpu = threads.getCurrentThreadCpuTime();
        long parseStart = System.nanoTime();
        for (byte[] raw : all.subList(warmup, warmup + reports)) {
            ReportParser.parse(raw);
        }
        System.out.printf(Locale.ROOT, "BENCH parse-only reports=%d seconds=%.2f cpu=%.2f%n", reports,
                (System.nanoTime() - parseStart) / 1e9, (threads.getCurrentThreadCpuTime() - parseCpu) / 1e9);
        boolean single = Boolean.parseBoolean(System.getProperty("bench.single", "true"));
        for (int[] pass : single ? new int[][]{{warmup, 100}, {warmup + reports, 1}} : new int[][]{{warmup, 100}}) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Map<String, Integer> outcomes = run("pass", all.subList(pass[0], pass[0] + reports), pass[1]);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH db=%s reports=%d per-transaction=%d seconds=%.2f per-second=%.0f"
                    + " caller-cpu=%.2f outcomes=%s load=%s%n", System.getProperty("bench.db"), reports, pass[1],
                    seconds, reports / seconds, cpuSeconds, outcomes, LoadAverage.oneMinute());
            assertEquals(reports, outcomes.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(0, outcomes.getOrDefault("unmatched", 0) + outcomes.getOrDefault("malformed", 0));
        }
        System.out.printf("BENCH rows=%d%n", QuarkusTransaction.requiringNew().call(() -> BounceReport.count()));
    }

    private Map<String, Integer> run(String what, List<byte[]> raws, int perTransaction) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int from = 0; from < raws.size(); from += perTransaction) {
            for (BounceOutcome outcome : intake.receiveAll(raws.subList(from,
                    Math.min(raws.size(), from + perTransaction)), ReportSource.HTTP)) {
                outcomes.merge(outcome.outcome(), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** Active readers, each with a sent digest of {@link #DAY}; their ids. */
    private static List<Long> readers(int count) {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 1000) {
            int first = from;
            ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                List<Long> page = new ArrayList<>();
                Instant at = Instant.parse("2026-12-01T06:00:00Z");
                for (int i = first; i < Math.min(count, first + 1000); i++) {
                    Reader reader = new Reader();
                    reader.setEmail("reader" + i + "@example.org");
                    reader.status = ReaderStatus.ACTIVE;
                    reader.timeZone = "UTC";
                    reader.topics = List.of("diffusion");
                    reader.createdAt = at;
                    reader.confirmedAt = at;
                    reader.persist();
                    Delivery delivery = new Delivery();
                    delivery.readerId = reader.id;
                    delivery.digestDate = DAY;
                    delivery.status = DeliveryStatus.SENT;
                    delivery.attempts = 1;
                    delivery.messageId = "digest-" + reader.id + "-" + DAY + "@localhost";
                    delivery.createdAt = at;
                    delivery.updatedAt = at;
                    delivery.sentAt = at;
                    delivery.persist();
                    page.add(reader.id);
                }
                return page;
            }));
        }
        return ids;
    }
}
