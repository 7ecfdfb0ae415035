package io.paperpost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged application ({@code target/quarkus-app}, built by {@code package} before failsafe runs
 * the *IT tests) in a working directory of its own, on loopback, with the admin API for the test. Its process is
 * killed when the test JVM exits, should a test fail to.
 */
public final class PackagedApp implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "packaged-it-admin-password";
    public static final String NEVER = "0 0 0 1 1 ? 2099";

    public final String name;
    public final Path work;
    public final int port;
    private final List<String> settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private final Thread killOnExit = new Thread(this::kill);

    /**
     * @param settings {@code -D} options besides the ones every test needs (mail server, database, digest tuning)
     */
    public PackagedApp(String name, Path work, List<String> settings) throws IOException {
        this.name = name;
        this.work = Files.createDirectories(work);
        this.port = freePort();
        this.settings = List.copyOf(settings);
    }

    /** The settings of a digest test: an SMTP server on loopback, no schedule, small chunks, a short lease. */
    public static List<String> digestSettings(int smtpPort, int threads, String chunkLease) {
        return List.of("-Dpaperpost.mail.host=127.0.0.1", "-Dpaperpost.mail.port=" + smtpPort,
                "-Dpaperpost.mail.tls=none", "-Dpaperpost.digest.cron=" + NEVER,
                "-Dpaperpost.sources.huggingface.cron=" + NEVER,
                "-Dpaperpost.sources.arxiv.api.cron=" + NEVER, "-Dpaperpost.sources.arxiv.rss.cron=" + NEVER,
                "-Dpaperpost.sources.file.cron=" + NEVER,
                "-Dpaperpost.digest.chunk-size=20", "-Dpaperpost.digest.chunk-lease=" + chunkLease,
                "-Dpaperpost.digest.progress-interval=1s", "-Dpaperpost.digest.worker-poll=300ms",
                "-Dpaperpost.digest.threads=" + threads);
    }

    /** Starts the instance and waits until it is ready (at most two minutes). */
    public PackagedApp start() throws Exception {
        Path app = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        "-Dpaperpost.admin.password=" + ADMIN_PASSWORD,
                        // The tests run digests for the demo papers' fixed day, whatever today is.
                        "-Dpaperpost.admin.run-date-window-days=36500",
                        "-Dpaperpost.tokens.secret=packaged-it-secret-packaged-it-secret-0123456789",
                        "-Dpaperpost.papers.demo-import=false",
                        "-Dpaperpost.subscription.topics-file=" + Path.of("config/topics.json").toAbsolutePath()));
        command.addAll(settings);
        command.addAll(List.of("-jar", app.toString()));
        Path log = work.resolve("console.log");
        process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(killOnExit);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("instance %s is running (see %s)", name, log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            assertThat(System.nanoTime()).as("instance %s ready in time (see %s)", name, log).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux): no shutdown hook, nothing flushed. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGTERM: Quarkus shuts down and closes the database; killed after 60 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNeverStarted) {
            // Nothing to remove.
        }
    }

    public HttpResponse<String> post(String path) throws Exception {
        return http.send(postRequest(path), HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> postAsync(String path) {
        return http.sendAsync(postRequest(path), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(authorized(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bundled sample papers through the admin API, first seen on the day. */
    public void importSamplePapers(String day) throws Exception {
        byte[] papers;
        try (InputStream in = PackagedApp.class.getClassLoader().getResourceAsStream("demo/sample-papers.jsonl")) {
            papers = in.readAllBytes();
        }
        HttpResponse<String> imported = http.send(authorized("/api/v1/admin/papers?firstSeenOn=" + day)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(papers))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder authorized(String path) {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    private HttpRequest postRequest(String path) {
        return authorized(path).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Active daily readers reader0@example.org … who all match the sample papers, straight into the database. */
    public static void insertReaders(Connection db, int readers) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into reader (email, email_key, status, topics,"
                + " interests, followed_authors, time_zone, created_at, confirmed_at)"
                + " values (?, ?, 'ACTIVE', 'llm-inference', 'speculative decoding', '', 'UTC', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < readers; i++) {
                String email = "reader" + i + "@example.org";
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static long queryLong(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public static Set<String> strings(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
