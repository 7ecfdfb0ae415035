package io.paperpost.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL that plain-JDBC tests use: 127.0.0.1:5432, user postgres, trust auth, database {@code test},
 * as on the project's machines; override with {@code -Dpaperpost.test.postgres.url=...} and
 * {@code -Dpaperpost.test.postgres.user=...}. Tests that use it work in a schema of their own and drop it.
 */
public final class TestPostgres {

    public static final String URL = System.getProperty("paperpost.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("paperpost.test.postgres.user", "postgres");

    private TestPostgres() {
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
