package io.paperpost.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL that plain-JDBC tests use: 127.0.0.1:5432, user postgres, trust auth, database {@code test},
 * as on the project's machines; override with {@code -Dpaperpost.test.postgres.url=...} and
 * {@code -Dpaperpost.test.postgres.user=...}. Tests that use it work in a schema of their own and drop it.
 */
public final class TestPostgres {

    public static final String URL = System.getProperty("paperpost.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("paperpost.test.postgres.user", "postgres");

    private TestPostgres() {
    }

    /** What a test does in its own schema, given the schema's name. */
    @FunctionalInterface
    public interface SchemaWork {
        void run(String schema) throws SQLException;
    }

    /**
     * Runs the work in a new, empty schema (the connection's search path points at it), then drops the schema
     * with everything in it, after rolling back what the work left uncommitted.
     */
    public static void inNewSchema(Connection connection, SchemaWork work) throws SQLException {
        String schema = "paperpost_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            statement.execute("set search_path to " + schema);
        }
        try {
            work.run(schema);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** A connection, or the calling test is skipped with a message saying why. */
    public static Connection connectOrSkip() {
        try {
            return DriverManager.getConnection(URL, USER, "");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + URL + " (" + e.getMessage()
                    + "): skipping this PostgreSQL test. Start it or set -Dpaperpost.test.postgres.url.");
            return null;
        }
    }
}
