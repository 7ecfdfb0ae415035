import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop signup load: POSTs /api/v1/subscriptions at a fixed rate, each with a new address, and measures
 * every request's latency from the moment it was due (not from when it was sent), so a stalled server cannot
 * hide its queueing delay (no coordinated omission).
 *
 * <p>It speaks HTTP/1.1 over a fixed set of keep-alive connections, one thread each: connection {@code c} sends
 * requests {@code c, c + n, c + 2n, ...}, each at its due time or, when the previous answer came late, at once
 * (and that wait counts in its latency). Plain sockets instead of {@code java.net.http.HttpClient}: the JDK
 * client cost about 0.6 of a core at 500 requests/s, on the same two cores as the server it was measuring.
 *
 * <pre>java bench/signup/SignupLoad.java [baseUrl] [perSecond] [seconds] [warmupSeconds] [connections]</pre>
 */
public class SignupLoad {

    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8090");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 45;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        String run = Long.toString(System.currentTimeMillis(), 36);
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
            drive(base, rate, warmup, connections, run + "w");
        }
        System.out.printf("measured: %d s at %d/s over %d connections%n", seconds, rate, connections);
        drive(base, rate, seconds, connections, run + "m").print();
        System.exit(0);
    }

    record Result(int planned, long[] latenciesNanos, Map<String, Integer> errors, double wallSeconds) {
        void print() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("requests %d, ok %d, errors %d %s, achieved %.1f/s%n", planned, planned - errorCount,
                    errorCount, errors, planned / wallSeconds);
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
        }

        private static double pct(long[] sorted, double p) {
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
        }
    }

    static Result drive(URI base, int rate, int seconds, int connections, String run) throws InterruptedException {
        int planned = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[planned];
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread thread = new Thread(() -> {
                Connection connection = null;
                for (int i = first; i < planned; i += connections) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String failure;
                    try {
                        if (connection == null) {
                            connection = new Connection(base);
                        }
                        int status = connection.post("/api/v1/subscriptions", "{\"email\":\"bench-" + run + "-" + i
                                + "@example.org\",\"topics\":[\"cs.LG\"],\"interests\":\"speculative decoding for "
                                + "faster LLM inference\",\"timezone\":\"Europe/Berlin\"}");
                        failure = status == 202 ? null : "HTTP " + status;
                    } catch (IOException e) {
                        failure = e.getClass().getSimpleName();
                        connection = close(connection);
                    }
                    long latency = System.nanoTime() - due;
                    if (failure == null && latency > TIMEOUT_NANOS) {
                        failure = "over 10 s";
                    }
                    latencies[i] = latency;
                    if (failure != null) {
                        errors.merge(failure, 1, Integer::sum);
                    }
                }
                close(connection);
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(planned, latencies, errors, (System.nanoTime() - start) / 1e9);
    }

    static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // Closing after a failure: nothing more to learn.
            }
        }
        return null;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status line, headers and body. */
    static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final String host;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(TIMEOUT_NANOS));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
            host = base.getHost() + ":" + base.getPort();
        }

        int post(String path, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    throw new IOException("chunked answers are not read by this driver");
                }
            }
            if (length < 0) {
                throw new IOException("answer without Content-Length");
            }
            in.skipNBytes(length);
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
