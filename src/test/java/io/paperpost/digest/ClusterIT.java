package io.paperpost.digest;

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
import java.sql.DriverManager;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.paperpost.delivery.ReceivedMail;

/**
 * Two instances of the packaged application (target/quarkus-app) on one fresh PostgreSQL database with one shared
 * GreenMail: a digest run started on one instance is shared with the other through the chunk table, every reader
 * gets exactly one email, and when an instance is killed mid-run the other takes its chunk over.
 *
 * <p>Needs the application packaged for PostgreSQL and PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth);
 * it creates and drops a database of its own. Run it with:
 * {@code ./mvnw verify -Dquarkus.datasource.db-kind=postgresql -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT}
 * (the unit tests run on H2, so they are skipped in that build). In the default H2 build it is skipped, saying so.
 */
class ClusterIT {

    static final String DB_KIND = System.getProperty("paperpost.it.db-kind", "");
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    static final String ADMIN_PASSWORD = "cluster-it-admin-password";
    static final int READERS = 400;
    static final String DAY = "2026-03-02";

    String database;
    GreenMail mail;
    int smtpPort;
    final List<Process> instances = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(DB_KIND), "ClusterIT needs the application packaged for PostgreSQL"
                + " (-Dquarkus.datasource.db-kind=postgresql); this build is '" + DB_KIND + "': skipped");
        database = "paperpost_cluster_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "test", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process instance : instances) {
            instance.destroyForcibly().waitFor();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "test", "postgres", "");
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void twoInstancesShareARunAndEveryReaderGetsOneEmail() throws Exception {
        int a = start("a");
        int b = start("b");
        prepare(a);

        HttpResponse<String> run = post(a, "/api/v1/admin/digests?date=" + DAY);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);

        Map<String, Long> received = emailsPerRecipient();
        assertThat(received).hasSize(READERS).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
        try (Connection db = connect()) {
            // An owner is "<instance> <thread>".
            assertThat(queryLong(db, "select count(distinct split_part(owner, ' ', 1)) from digest_chunk"))
                    .as("instances that worked chunks").isEqualTo(2);
            assertThat(queryLong(db, "select count(*) from digest_run where status = 'FINISHED' and sent = " + READERS))
                    .isEqualTo(1);
        }
        assertThat(b).isPositive();
    }

    @Test
    void whenAnInstanceIsKilledMidRunTheOtherFinishesWithNoneLostAndNoneDoubled() throws Exception {
        int a = start("a");
        start("b");
        prepare(a);

        CompletableFuture<HttpResponse<String>> run = http.sendAsync(request(a, "/api/v1/admin/digests?date=" + DAY),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (mail.getReceivedMessages().length < READERS / 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        instances.get(0).destroyForcibly().waitFor();
        assertThat(instances.get(0).isAlive()).as("instance a killed during the run").isFalse();
        run.cancel(true);
        int receivedAtKill = mail.getReceivedMessages().length;
        assertThat(receivedAtKill).isLessThan(READERS);

        try (Connection db = connect()) {
            while (queryLong(db, "select count(*) from digest_run where status = 'FINISHED'") == 0) {
                assertThat(System.nanoTime()).as("run finished by instance b").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(queryLong(db, "select max(attempts) from digest_chunk")).as("a chunk was taken over").isEqualTo(2);
            Set<String> inFlight = strings(db, "select r.email from delivery d join reader r on r.id = d.reader_id"
                    + " where d.status = 'SENDING'");
            Map<String, Long> received = emailsPerRecipient();
            // None doubled.
            assertThat(received).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
            // None lost: each reader got their email, except those instance a was sending to when it died (one per
            // working thread: the admin request's and the chunk worker's), whose ledger rows stay SENDING: the
            // ledger never risks a duplicate.
            assertThat(inFlight).hasSizeLessThanOrEqualTo(2);
            Set<String> covered = new HashSet<>(received.keySet());
            covered.addAll(inFlight);
            assertThat(covered).hasSize(READERS);
        }
    }

    /** Papers through the admin API of one instance, readers straight into the database. */
    private void prepare(int port) throws Exception {
        byte[] papers;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/sample-papers.jsonl")) {
            papers = in.readAllBytes();
        }
        HttpResponse<String> imported = http.send(authorized(port, "/api/v1/admin/papers?firstSeenOn=" + DAY)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(papers)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("insert into reader (email, email_key,"
                + " status, topics, interests, followed_authors, time_zone, created_at, confirmed_at)"
                + " values (?, ?, 'ACTIVE', 'llm-inference', 'speculative decoding', '', 'UTC', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < READERS; i++) {
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

    /** Starts an instance of the packaged application in a directory of its own; returns its HTTP port. */
    private int start(String name) throws Exception {
        Path app = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path work = Files.createDirectories(Path.of("target/cluster-it/" + database + "-" + name));
        int port = freePort();
        String never = "0 0 0 1 1 ? 2099";
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + POSTGRES + database,
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=",
                "-Dpaperpost.admin.password=" + ADMIN_PASSWORD,
                "-Dpaperpost.tokens.secret=cluster-it-secret-cluster-it-secret-0123456789",
                "-Dpaperpost.mail.host=127.0.0.1",
                "-Dpaperpost.mail.port=" + smtpPort,
                "-Dpaperpost.mail.tls=none",
                "-Dpaperpost.papers.demo-import=false",
                "-Dpaperpost.subscription.topics-file=" + Path.of("config/topics.json").toAbsolutePath(),
                "-Dpaperpost.digest.cron=" + never,
                "-Dpaperpost.sources.huggingface.cron=" + never,
                "-Dpaperpost.sources.arxiv.api.cron=" + never,
                "-Dpaperpost.sources.arxiv.rss.cron=" + never,
                "-Dpaperpost.sources.file.cron=" + never,
                "-Dpaperpost.digest.chunk-size=20",
                "-Dpaperpost.digest.chunk-lease=10s",
                "-Dpaperpost.digest.progress-interval=1s",
                "-Dpaperpost.digest.worker-poll=300ms",
                // One worker thread each (plus the admin request's thread on a): the kill test's bound on readers left
                // SENDING is one per thread sending when a dies, and with four threads per cold JVM on two cores the
                // first chunks outlived the short test lease and changed hands. Several threads per instance are
                // tested by ParallelDigestTest.
                "-Dpaperpost.digest.threads=1",
                "-jar", app.toString());
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("console.log").toFile()).start();
        instances.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("instance %s is running (see %s)", name, work.resolve("console.log")).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            assertThat(System.nanoTime()).as("instance %s ready in time", name).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static HttpRequest.Builder authorized(int port, String path) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + credentials);
    }

    private static HttpRequest request(int port, String path) {
        return authorized(port, path).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpResponse<String> post(int port, String path) throws Exception {
        return http.send(request(port, path), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> emailsPerRecipient() throws Exception {
        return ReceivedMail.countsByRecipient(mail.getReceivedMessages());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(POSTGRES + database, "postgres", "");
    }

    private static long queryLong(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> strings(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
