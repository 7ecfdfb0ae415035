package io.paperpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * V80 gives existing papers and readers their watermarks: each first-seen day becomes one import batch, in day
 * order, and a reader's watermark is the batch of the day before their last email, so the papers of that day that
 * the old date rule never sent still can be, while what the email held stays excluded by the 30-day guard.
 * Needs PostgreSQL as {@link FlywayMigrationsTest} does; skipped with a message when it cannot be reached.
 */
class WatermarkMigrationTest {

    @Test
    void existingPapersAndReadersGetWatermarksFromTheirDatesOnH2() throws SQLException {
        String url = "jdbc:h2:mem:watermark-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertWatermarksFromDates(connection, target -> Flyway.configure().dataSource(url, "sa", "")
                    .locations("classpath:db/migration").target(target).load().migrate());
        }
    }

    @Test
    void existingPapersAndReadersGetWatermarksFromTheirDatesOnPostgres() throws SQLException {
        try (Connection admin = TestPostgres.connectOrSkip()) {
            TestPostgres.inNewSchema(admin, schema -> assertWatermarksFromDates(admin, target -> Flyway.configure()
                    .dataSource(TestPostgres.URL, TestPostgres.USER, "").schemas(schema).defaultSchema(schema)
                    .locations("classpath:db/migration").target(target).load().migrate()));
        }
    }

    private static void assertWatermarksFromDates(Connection connection, Consumer<String> migrateTo)
            throws SQLException {
        migrateTo.accept("71");
        try (Statement statement = connection.createStatement()) {
            String paper = "insert into paper (id, title, summary, authors, categories, first_seen_on, upvotes, source, "
                    + "updated_at) values ('%s', 't', '', '', '', date '%s', 0, 's', current_timestamp)";
            statement.executeUpdate(paper.formatted("2601.00001", "2026-01-05"));
            statement.executeUpdate(paper.formatted("2601.00002", "2026-01-06"));
            statement.executeUpdate(paper.formatted("2601.00003", "2026-01-06"));
            statement.executeUpdate(paper.formatted("2601.00004", "2026-01-07"));
            String reader = "insert into reader (email, email_key, status, topics, interests, followed_authors, "
                    + "time_zone, created_at, last_digest_date) values ('%1$s', '%1$s', 'ACTIVE', '', '', '', 'UTC', "
                    + "current_timestamp, %2$s)";
            statement.executeUpdate(reader.formatted("mailed@example.org", "date '2026-01-06'"));
            statement.executeUpdate(reader.formatted("new@example.org", "null"));
            statement.executeUpdate("insert into delivery (reader_id, digest_date, status, attempts, paper_ids, "
                    + "created_at, updated_at) select id, date '2026-01-06', 'SENT', 1, '2601.00002', current_timestamp, "
                    + "current_timestamp from reader where email = 'mailed@example.org'");
        }
        migrateTo.accept("latest");
        try (Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "select id, available_seq from paper order by id"))
                    .containsExactly("2601.00001 1", "2601.00002 2", "2601.00003 2", "2601.00004 3");
            assertThat(rows(statement, "select id, last_batch from paper_feed")).containsExactly("1 3");
            assertThat(rows(statement, "select email, papers_through from reader order by email"))
                    .containsExactly("mailed@example.org 1", "new@example.org null");
            assertThat(rows(statement, "select paper_ids, papers_through from delivery"))
                    .containsExactly("2601.00002 1");
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
