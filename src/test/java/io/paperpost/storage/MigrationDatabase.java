package io.paperpost.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;

/**
 * The databases a migration's data is checked on: an H2 database in memory, and a new schema of the PostgreSQL
 * of {@link TestPostgres} (the check is skipped with a message when it cannot be reached). A test of one migration
 * takes each as the parameter of a {@code @ParameterizedTest} with {@code @EnumSource(MigrationDatabase.class)}.
 */
enum MigrationDatabase {

    H2 {
        @Override
        void check(Check check) throws SQLException {
            String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                check.run(connection, target -> Flyway.configure().dataSource(url, "sa", "")
                        .locations("classpath:db/migration").target(target).load().migrate());
            }
        }
    },

    POSTGRESQL {
        @Override
        void check(Check check) throws SQLException {
            try (Connection admin = TestPostgres.connectOrSkip()) {
                TestPostgres.inNewSchema(admin, schema -> check.run(admin, target -> Flyway.configure()
                        .dataSource(TestPostgres.URL, TestPostgres.USER, "").schemas(schema).defaultSchema(schema)
                        .locations("classpath:db/migration").target(target).load().migrate()));
            }
        }
    };

    /**
     * Migrates to a target version (Flyway's {@code target}: a version, or {@code latest}), writes rows as the code
     * of then did, migrates on and checks them.
     */
    @FunctionalInterface
    interface Check {
        void run(Connection connection, Consumer<String> migrateTo) throws SQLException;
    }

    /** Runs the check on a new database of this kind. */
    abstract void check(Check check) throws SQLException;

    /** The query's rows, each its values (SQL null as "null") separated by a space. */
    static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : " ").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
