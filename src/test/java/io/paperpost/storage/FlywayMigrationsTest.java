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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The schema migrations apply cleanly on both databases PaperPost supports, starting from an empty schema.
 *
 * <p>Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth, database {@code test}), as on the
 * project's machines; override with {@code -Dpaperpost.test.postgres.url=...}. When it cannot be reached the
 * PostgreSQL case is skipped with a message saying so; the H2 case always runs.
 */
class FlywayMigrationsTest {

    static final String POSTGRES_URL = System.getProperty("paperpost.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("paperpost.test.postgres.user", "postgres");

    @Test
    void migrationsApplyOnAnEmptyH2Database() throws SQLException {
        String url = "jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        MigrateResult result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(tables(connection, "PUBLIC")).contains("reader", "paper", "delivery");
            assertIdentityAndUniqueLedger(connection);
        }
    }

    @Test
    void migrationsApplyOnAnEmptyPostgresSchema() throws SQLException {
        String schema = "paperpost_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = postgresOrSkip()) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create schema " + schema);
            }
            try {
                MigrateResult result = Flyway.configure().dataSource(POSTGRES_URL, POSTGRES_USER, "")
                        .schemas(schema).defaultSchema(schema).locations("classpath:db/migration").load().migrate();
                assertThat(result.success).isTrue();
                assertThat(result.migrationsExecuted).isPositive();
                assertThat(tables(admin, schema)).contains("reader", "paper", "delivery");
                try (Statement statement = admin.createStatement()) {
                    statement.execute("set search_path to " + schema);
                }
                assertIdentityAndUniqueLedger(admin);
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static Connection postgresOrSkip() {
        try {
            return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage()
                    + "): skipping the PostgreSQL migration test. Start it or set -Dpaperpost.test.postgres.url.");
            return null;
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Identity keys work, and the ledger refuses a second row for the same reader and date. */
    private static void assertIdentityAndUniqueLedger(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into reader (email, email_key, status, topics, interests, followed_authors, time_zone, created_at)"
                    + " values ('a@example.org', 'a@example.org', 'ACTIVE', '', '', '', 'UTC', current_timestamp)");
            long readerId;
            try (ResultSet rs = statement.executeQuery("select id from reader where email = 'a@example.org'")) {
                assertThat(rs.next()).isTrue();
                readerId = rs.getLong(1);
            }
            String delivery = "insert into delivery (reader_id, digest_date, status, attempts, paper_ids, created_at, updated_at)"
                    + " values (" + readerId + ", date '2026-01-02', 'SENT', 1, '', current_timestamp, current_timestamp)";
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
