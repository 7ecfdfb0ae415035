package io.paperpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V80 gives existing papers and readers their watermarks: each first-seen day becomes one import batch, in day
 * order, and a reader's watermark is the batch of the day before their last email, so the papers of that day that
 * the old date rule never sent still can be, while what the email held stays excluded by the 30-day guard.
 * Needs PostgreSQL as {@link FlywayMigrationsTest} does; skipped with a message when it cannot be reached.
 */
class WatermarkMigrationTest {

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void existingPapersAndReadersGetWatermarksFromTheirDates(MigrationDatabase database) throws SQLException {
        database.check(WatermarkMigrationTest::assertWatermarksFromDates);
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
            assertThat(MigrationDatabase.rows(statement, "select id, available_seq from paper order by id"))
                    .containsExactly("2601.00001 1", "2601.00002 2", "2601.00003 2", "2601.00004 3");
            assertThat(MigrationDatabase.rows(statement, "select id, last_batch from paper_feed"))
                    .containsExactly("1 3");
            assertThat(MigrationDatabase.rows(statement, "select email, papers_through from reader order by email"))
                    .containsExactly("mailed@example.org 1", "new@example.org null");
            assertThat(MigrationDatabase.rows(statement, "select paper_ids, papers_through from delivery"))
                    .containsExactly("2601.00002 1");
        }
    }
}
