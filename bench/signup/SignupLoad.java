import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop signup load: POSTs /api/v1/subscriptions at a fixed rate, each with a new address, and measures
 * every request's latency from the moment it was due (not from when it was sent), so a stalled server cannot
 * hide its queueing delay (no coordinated omission).
 *
 * <pre>java bench/signup/SignupLoad.java [baseUrl] [perSecond] [seconds] [warmupSeconds]</pre>
 */
public class SignupLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8090";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 45;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
            drive(client, base, rate, warmup, run + "w");
        }
        System.out.printf("measured: %d s at %d/s%n", seconds, rate);
        Result result = drive(client, base, rate, seconds, run + "m");
        result.print();
        System.exit(0);
    }

    record Result(int planned, long[] latenciesNanos, Map<String, Integer> errors, double wallSeconds) {
        void print() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("requests %d, ok %d, errors %d %s, achieved %.1f/s%n", planned, sorted.length - errorCount,
                    errorCount, errors, planned / wallSeconds);
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
        }

        private static double pct(long[] sorted, double p) {
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
        }
    }

    static Result drive(HttpClient client, String base, int rate, int seconds, String run) throws InterruptedException {
        int planned = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLongArray latencies = new AtomicLongArray(planned);
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(planned);
        AtomicInteger index = new AtomicInteger();
        URI uri = URI.create(base + "/api/v1/subscriptions");
        long start = System.nanoTime();
        for (int i = 0; i < planned; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String body = "{\"email\":\"bench-" + run + "-" + i + "@example.org\",\"topics\":[\"cs.LG\"],"
                    + "\"interests\":\"speculative decoding for faster LLM inference\",\"timezone\":\"Europe/Berlin\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.set(index.getAndIncrement(), System.nanoTime() - due);
                if (failure != null) {
                    errors.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
                } else if (response.statusCode() != 202) {
                    errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        long[] measured = new long[index.get()];
        for (int i = 0; i < measured.length; i++) {
            measured[i] = latencies.get(i);
        }
        return new Result(planned, measured, errors, wall);
    }
}
