package io.paperpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The schema migrations apply cleanly on both databases PaperPost supports, starting from an empty schema.
 *
 * <p>Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth, database {@code test}), as on the
 * project's machines; override with {@code -Dpaperpost.test.postgres.url=...}. When it cannot be reached the
 * PostgreSQL case is skipped with a message saying so; the H2 case always runs.
 */
class FlywayMigrationsTest {

    @Test
    void migrationsApplyOnAnEmptyH2Database() throws SQLException {
        String url = "jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        MigrateResult result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(tables(connection, "PUBLIC")).contains("reader", "paper", "delivery", "pending_signup",
                    "reading_list_entry");
            assertIdentityAndUniqueLedger(connection);
        }
    }

    @Test
    void migrationsApplyOnAnEmptyPostgresSchema() throws SQLException {
        try (Connection admin = TestPostgres.connectOrSkip()) {
            TestPostgres.inNewSchema(admin, schema -> {
                MigrateResult result = Flyway.configure().dataSource(TestPostgres.URL, TestPostgres.USER, "")
                        .schemas(schema).defaultSchema(schema).locations("classpath:db/migration").load().migrate();
                assertThat(result.success).isTrue();
                assertThat(result.migrationsExecuted).isPositive();
                assertThat(tables(admin, schema)).contains("reader", "paper", "delivery", "pending_signup",
                        "reading_list_entry");
                assertIdentityAndUniqueLedger(admin);
            });
        }
    }

    @Test
    void v71MovesEachPapersFirstVersionOntoItsRowOnH2() throws SQLException {
        onH2(FlywayMigrationsTest::assertFirstVersionsMoved);
    }

    @Test
    void v71MovesEachPapersFirstVersionOntoItsRowOnPostgres() throws SQLException {
        onPostgres(FlywayMigrationsTest::assertFirstVersionsMoved);
    }

    @Test
    void v81KeysReadersByMailboxAndMergesTheReadersOfOneMailboxOnH2() throws SQLException {
        onH2(FlywayMigrationsTest::assertReadersKeyedByMailbox);
    }

    @Test
    void v81KeysReadersByMailboxAndMergesTheReadersOfOneMailboxOnPostgres() throws SQLException {
        onPostgres(FlywayMigrationsTest::assertReadersKeyedByMailbox);
    }

    /** A test of one migration's data: it migrates to a target version, writes rows, migrates on and checks them. */
    @FunctionalInterface
    private interface MigrationCheck {
        void run(Connection connection, java.util.function.Consumer<String> migrateTo) throws SQLException;
    }

    private static void onH2(MigrationCheck check) throws SQLException {
        String url = "jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            check.run(connection, target -> Flyway.configure().dataSource(url, "sa", "")
                    .locations("classpath:db/migration").target(target).load().migrate());
        }
    }

    private static void onPostgres(MigrationCheck check) throws SQLException {
        try (Connection admin = TestPostgres.connectOrSkip()) {
            TestPostgres.inNewSchema(admin, schema -> check.run(admin, target -> Flyway.configure()
                    .dataSource(TestPostgres.URL, TestPostgres.USER, "").schemas(schema).defaultSchema(schema)
                    .locations("classpath:db/migration").target(target).load().migrate()));
        }
    }

    /**
     * Readers written before V81, keyed by their address lower-cased: three spellings of ada@example.org (the
     * first confirmed, a later confirmed one with a zero-width space, an unconfirmed one in full-width letters),
     * two of one internationalized mailbox (an old unsubscribed reader in Unicode, a newer active one in punycode),
     * and two readers alone in their mailboxes. After V81 each mailbox has one key holder: the active reader
     * confirmed first; the other active one is unsubscribed, the unconfirmed one deleted, the unsubscribed one
     * keeps its row under a key of its own.
     */
    private static void assertReadersKeyedByMailbox(Connection connection,
            java.util.function.Consumer<String> migrateTo)
            throws SQLException {
        migrateTo.accept("71");
        long first = insertReader(connection, "ada@example.org", "ACTIVE", "2025-01-10");
        long zeroWidth = insertReader(connection, "ada@exa\u200Bmple.org", "ACTIVE", "2025-02-01");
        insertReader(connection, "ADA@ｅｘａｍｐｌｅ.org", "PENDING", null);
        long oldUnicode = insertReader(connection, "forscher@universität.de", "UNSUBSCRIBED", "2024-05-01");
        long newPunycode = insertReader(connection, "Forscher@xn--universitt-y5a.de", "ACTIVE", "2025-06-01");
        long alone = insertReader(connection, "solo@bücher.example", "ACTIVE", "2025-01-01");
        long softHyphen = insertReader(connection, "bounced@exa\u00ADmple.org", "BOUNCED", "2025-01-01");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "insert into delivery (reader_id, digest_date, status, attempts, paper_ids, created_at, "
                            + "updated_at) values (" + zeroWidth
                            + ", date '2026-01-02', 'SENT', 1, '', current_timestamp, current_timestamp)");
        }
        migrateTo.accept("latest");

        List<String> readers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select id, email, email_key, status, unsubscribe_reason from reader order by id")) {
            while (rs.next()) {
                readers.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + (rs.getString(5) == null ? "" : " (" + rs.getString(5) + ")"));
            }
        }
        assertThat(readers).containsExactly(
                first + " ada@example.org ada@example.org ACTIVE",
                zeroWidth + " ada@example.org merged:" + zeroWidth
                        + " UNSUBSCRIBED (Unsubscribed by PaperPost: the same "
                        + "mailbox was subscribed twice, as reader " + first + ", which keeps getting the digest.)",
                oldUnicode + " forscher@universität.de merged:" + oldUnicode + " UNSUBSCRIBED",
                newPunycode + " Forscher@universität.de forscher@xn--universitt-y5a.de ACTIVE",
                alone + " solo@bücher.example solo@xn--bcher-kva.example ACTIVE",
                softHyphen + " bounced@example.org bounced@example.org BOUNCED");
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select reader_id from delivery")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the merged reader's history stays").isEqualTo(zeroWidth);
        }
    }

    /** A reader as the code before V81 stored it: the key is the address lower-cased. */
    private static long insertReader(Connection connection, String email, String status, String confirmedOn)
            throws SQLException {
        try (java.sql.PreparedStatement insert = connection
                .prepareStatement("insert into reader (email, email_key, status, "
                        + "topics, interests, followed_authors, time_zone, created_at, confirmed_at) values (?, ?, ?, '', '', '', "
                        + "'UTC', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            java.sql.Timestamp confirmed = confirmedOn == null
                    ? null
                    : java.sql.Timestamp.valueOf(confirmedOn + " 08:00:00");
            insert.setString(1, email);
            insert.setString(2, email.toLowerCase(Locale.ROOT));
            insert.setString(3, status);
            insert.setTimestamp(4, confirmed == null ? java.sql.Timestamp.valueOf("2025-03-01 08:00:00") : confirmed);
            insert.setTimestamp(5, confirmed);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Papers written before V71: one seen first at v1 and revised (v2 a day later), one first seen without a
     * version that got v1 later, one with no versions. After V71 the first version is on the paper and
     * paper_version holds only what came after.
     */
    private static void assertFirstVersionsMoved(Connection connection, java.util.function.Consumer<String> migrateTo)
            throws SQLException {
        migrateTo.accept("70");
        try (Statement statement = connection.createStatement()) {
            String paper = "insert into paper (id, title, summary, authors, categories, first_seen_on, upvotes, source, "
                    + "updated_at, latest_version) values ('%s', 't', '', '', '', date '%s', 0, 's', current_timestamp, %s)";
            String version = "insert into paper_version (paper_id, version, seen_on, announce_type, source, recorded_at) "
                    + "values ('%s', %d, date '%s', '%s', 's', current_timestamp)";
            statement.executeUpdate(paper.formatted("2501.00001", "2026-01-05", "2"));
            statement.executeUpdate(version.formatted("2501.00001", 1, "2026-01-05", "new"));
            statement.executeUpdate(version.formatted("2501.00001", 2, "2026-01-06", "replace"));
            statement.executeUpdate(paper.formatted("t-title-first", "2026-01-05", "1"));
            statement.executeUpdate(version.formatted("t-title-first", 1, "2026-01-07", "cross"));
            statement.executeUpdate(paper.formatted("t-no-version", "2026-01-05", "null"));
        }
        migrateTo.accept("latest");
        try (Statement statement = connection.createStatement()) {
            List<String> papers = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "select id, first_version, first_announce_type from paper order by id")) {
                while (rs.next()) {
                    papers.add(rs.getString(1) + " " + rs.getObject(2) + " " + rs.getString(3));
                }
            }
            assertThat(papers).containsExactly("2501.00001 1 new", "t-no-version null null", "t-title-first null null");
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = statement
                    .executeQuery("select paper_id, version from paper_version order by paper_id")) {
                while (rs.next()) {
                    versions.add(rs.getString(1) + " " + rs.getInt(2));
                }
            }
            assertThat(versions).containsExactly("2501.00001 2", "t-title-first 1");
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Identity keys work, and the ledger refuses a second row for the same reader and date. */
    private static void assertIdentityAndUniqueLedger(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "insert into reader (email, email_key, status, topics, interests, followed_authors, time_zone, created_at)"
                            + " values ('a@example.org', 'a@example.org', 'ACTIVE', '', '', '', 'UTC', current_timestamp)");
            long readerId;
            try (ResultSet rs = statement.executeQuery("select id from reader where email = 'a@example.org'")) {
                assertThat(rs.next()).isTrue();
                readerId = rs.getLong(1);
            }
            String delivery = "insert into delivery (reader_id, digest_date, status, attempts, paper_ids, created_at, updated_at)"
                    + " values (" + readerId
                    + ", date '2026-01-02', 'SENT', 1, '', current_timestamp, current_timestamp)";
            statement.executeUpdate(delivery);
            try {
                statement.executeUpdate(delivery);
                throw new AssertionError("a second ledger row for the same reader and date was accepted");
            } catch (SQLException expected) {
                assertThat(expected.getSQLState()).startsWith("23");
            }
        }
    }
}
