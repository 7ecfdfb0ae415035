package io.paperpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.papers.PaperKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V82 drops {@code paper.author_keys}, which nothing read; V83 (a Java migration) gives papers written without a
 * title key theirs, as {@code PaperIndexBackfill} did at every start before. On H2 and PostgreSQL (skipped with a
 * message when PostgreSQL cannot be reached), see {@link MigrationDatabase}.
 */
class PaperKeyMigrationsTest {

    /** More than one update batch of V83 (500). */
    private static final int WITHOUT_TITLE_KEY = 1_201;

    private static final String INSERT_PAPER = "insert into paper (id, title, summary, authors, categories, "
            + "first_seen_on, upvotes, source, updated_at, available_seq, available_at, title_key) "
            + "values (?, ?, '', 'Léa Dubois', '', date '2026-01-05', 0, 'old', current_timestamp, 1, current_timestamp, ?)";

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void papersWrittenWithoutATitleKeyGetItFromV83(MigrationDatabase database) throws SQLException {
        database.check(PaperKeyMigrationsTest::assertTitleKeysFilled);
    }

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void v82DropsTheAuthorKeysAndKeepsThePapers(MigrationDatabase database) throws SQLException {
        database.check(PaperKeyMigrationsTest::assertAuthorKeysDropped);
    }

    /** Papers without a title key (before V20, or plain SQL), and one with its key, which stays as it is. */
    private static void assertTitleKeysFilled(Connection connection, Consumer<String> migrateTo) throws SQLException {
        migrateTo.accept("82");
        List<String> expected = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PAPER)) {
            for (int i = 0; i < WITHOUT_TITLE_KEY; i++) {
                String id = String.format(Locale.ROOT, "2601.%05d", i);
                String title = "Written Before V20, Number " + i;
                insert.setString(1, id);
                insert.setString(2, title);
                insert.setString(3, null);
                insert.addBatch();
                expected.add(id + " " + PaperKeys.fromTitle(title));
            }
            insert.setString(1, "t-keyed");
            insert.setString(2, "Keyed By The Importer");
            insert.setString(3, "t-kept-as-it-is");
            insert.addBatch();
            expected.add("t-keyed t-kept-as-it-is");
            insert.executeBatch();
        }
        migrateTo.accept("latest");
        try (Statement statement = connection.createStatement()) {
            assertThat(MigrationDatabase.rows(statement, "select id, title_key from paper order by id"))
                    .containsExactlyElementsOf(expected);
        }
    }

    private static void assertAuthorKeysDropped(Connection connection, Consumer<String> migrateTo) throws SQLException {
        migrateTo.accept("80");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "insert into paper (id, title, summary, authors, categories, first_seen_on, upvotes, "
                            + "source, updated_at, available_seq, available_at, title_key, author_keys) values ('2601.00001', "
                            + "'Followed', '', 'Léa Dubois', '', date '2026-01-05', 0, 'arxiv-api', current_timestamp, 1, "
                            + "current_timestamp, 't-followed', '|lea dubois|')");
        }
        migrateTo.accept("latest");
        try (Statement statement = connection.createStatement()) {
            assertThat(MigrationDatabase.rows(statement, "select id, authors, title_key from paper"))
                    .containsExactly("2601.00001 Léa Dubois t-followed");
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select * from paper")) {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                columns.add(rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
            assertThat(columns).contains("authors", "title_key").doesNotContain("author_keys");
        }
    }
}
