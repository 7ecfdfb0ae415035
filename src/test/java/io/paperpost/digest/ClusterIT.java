package io.paperpost.digest;

import static io.paperpost.PackagedApp.queryLong;
import static io.paperpost.PackagedApp.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperpost.PackagedApp;
import io.paperpost.PackagedDatabase;
import io.paperpost.mail.ReceivedMail;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    static final int READERS = 400;
    static final String DAY = "2026-03-02";

    String database;
    GreenMail mail;
    int smtpPort;
    final List<PackagedApp> instances = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(PackagedDatabase.DB_KIND),
                "ClusterIT needs the application packaged for PostgreSQL"
                        + " (-Dquarkus.datasource.db-kind=postgresql); this build is '" + PackagedDatabase.DB_KIND
                        + "': skipped");
        database = PackagedDatabase.createDatabase("paperpost_cluster_it_");
        smtpPort = PackagedApp.freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        instances.forEach(PackagedApp::close);
        if (mail != null) {
            mail.stop();
        }
        PackagedDatabase.dropDatabase(database);
    }

    @Test
    void twoInstancesShareARunAndEveryReaderGetsOneEmail() throws Exception {
        PackagedApp a = start("a", 1);
        start("b", 1);
        prepare(a);

        HttpResponse<String> run = a.post("/api/v1/admin/digests?date=" + DAY);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);

        Map<String, Long> received = emailsPerRecipient();
        assertThat(received).hasSize(READERS).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
        try (Connection db = connect(database)) {
            // An owner is "<instance> <thread>".
            assertThat(queryLong(db, "select count(distinct split_part(owner, ' ', 1)) from digest_chunk"))
                    .as("instances that worked chunks").isEqualTo(2);
            assertThat(queryLong(db, "select count(*) from digest_run where status = 'FINISHED' and sent = " + READERS))
                    .isEqualTo(1);
        }
    }

    /**
     * With one worker thread per instance and with the default four. A chunk may change hands between threads of a
     * cold JVM on two cores (a thread's short test lease runs out while it waits for a core); the ledger still lets
     * one claim per reader win, so the bounds hold either way.
     */
    @ParameterizedTest(name = "{0} worker thread(s) per instance")
    @ValueSource(ints = {1, 4})
    void whenAnInstanceIsKilledMidRunTheOtherFinishesWithNoneLostAndNoneDoubled(int threads) throws Exception {
        PackagedApp a = start("a", threads);
        start("b", threads);
        prepare(a);

        CompletableFuture<HttpResponse<String>> run = a.postAsync("/api/v1/admin/digests?date=" + DAY);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (mail.getReceivedMessages().length < READERS / 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        a.kill();
        assertThat(a.alive()).as("instance a killed during the run").isFalse();
        run.cancel(true);
        int receivedAtKill = mail.getReceivedMessages().length;
        assertThat(receivedAtKill).isLessThan(READERS);

        try (Connection db = connect(database)) {
            while (queryLong(db, "select count(*) from digest_run where status = 'FINISHED'") == 0) {
                assertThat(System.nanoTime()).as("run finished by instance b").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(queryLong(db, "select max(attempts) from digest_chunk")).as("a chunk was taken over")
                    .isGreaterThanOrEqualTo(2);
            Set<String> inFlight = strings(db, "select r.email from delivery d join reader r on r.id = d.reader_id"
                    + " where d.status = 'SENDING'");
            Map<String, Long> received = emailsPerRecipient();
            // None doubled.
            assertThat(received).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
            // None lost: each reader got their email, except those instance a was sending to when it died (one per
            // sending thread: its worker threads' and the admin request's), whose ledger rows stay SENDING: the
            // ledger never risks a duplicate.
            assertThat(inFlight).hasSizeLessThanOrEqualTo(threads + 1);
            Set<String> covered = new HashSet<>(received.keySet());
            covered.addAll(inFlight);
            assertThat(covered).hasSize(READERS);
        }
    }

    /** Papers through the admin API of one instance, readers straight into the database. */
    private void prepare(PackagedApp app) throws Exception {
        app.importSamplePapers(DAY);
        try (Connection db = connect(database)) {
            PackagedApp.insertReaders(db, READERS);
        }
    }

    /** Starts an instance of the packaged application on the test's database, in a directory of its own. */
    private PackagedApp start(String name, int threads) throws Exception {
        List<String> settings = new ArrayList<>(PackagedDatabase.postgresSettings(database));
        settings.addAll(PackagedApp.digestSettings(smtpPort, threads, "10s"));
        PackagedApp app = new PackagedApp(name, Path.of("target/cluster-it/" + database + "-" + name), settings);
        instances.add(app);
        return app.start();
    }

    private Map<String, Long> emailsPerRecipient() throws Exception {
        return ReceivedMail.countsByRecipient(mail.getReceivedMessages());
    }

    private static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(PackagedDatabase.POSTGRES + name, "postgres", "");
    }
}
