package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.storage.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The importer's title-key lookup on PostgreSQL when the paper table has never been analyzed (a new database,
 * or autovacuum off as on the build machines): it is analyzed after the first batch that adds papers, after
 * which the planner expects a batch's keys to match about a row each instead of the whole table (which it
 * would scan, once per batch).
 *
 * <p>Needs PostgreSQL at 127.0.0.1:5432 (see {@link TestPostgres}); skipped with a message when it cannot be
 * reached. Works in a new schema, dropped at the end.
 */
class PaperStorePostgresTest {

    @Test
    void aNeverAnalyzedPaperTableIsAnalyzedOnceSoTitleKeyLookupsUseTheIndex() throws SQLException {
        try (Connection connection = TestPostgres.connectOrSkip()) {
            TestPostgres.inNewSchema(connection, schema -> {
                Flyway.configure().dataSource(TestPostgres.URL, TestPostgres.USER, "").schemas(schema)
                        .defaultSchema(schema).locations("classpath:db/migration").load().migrate();
                connection.setAutoCommit(false);
                List<PaperStore.Keyed> records = new ArrayList<>();
                List<String> titleKeys = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    String title = "A paper about topic number " + i;
                    String id = i % 2 == 0 ? String.format(Locale.ROOT, "2501.%05d", i) : PaperKeys.fromTitle(title);
                    records.add(PaperStore.keyed(new PaperRecord(id, title, "abstract " + i, List.of("Wei Zhang"),
                            null, null, List.of("cs.LG"), null, i % 50, null)));
                    titleKeys.add(PaperKeys.fromTitle(title));
                }
                PaperStore.Counts counts = new PaperStore(connection, "test", LocalDate.of(2026, 1, 5),
                        Instant.parse("2026-01-05T06:00:00Z")).store(records);
                connection.commit();
                assertThat(counts.added()).isEqualTo(2000);
                String lookup = "explain select id from paper where title_key in ("
                        + String.join(", ", Collections.nCopies(500, "?")) + ")";

                // The planner's guess of the rows 500 keys match decides between the index and a scan of the whole
                // table (on a table this small a scan is cheaper either way, so the guess is what is checked).
                long wholeTable = estimatedRows(connection, "explain select id from paper", List.of());
                assertThat(estimatedRows(connection, lookup, titleKeys)).as("without statistics: the whole table")
                        .isEqualTo(wholeTable);

                assertThat(PaperStore.analyzeIfNeverAnalyzed(connection)).isTrue();
                connection.commit();
                assertThat(PaperStore.analyzeIfNeverAnalyzed(connection)).as("analyzed only once").isFalse();
                assertThat(estimatedRows(connection, lookup, titleKeys)).as("with statistics: about one row a key")
                        .isBetween(400L, 600L);
            });
        }
    }

    /** The rows the planner expects the query (with 500 of the keys as parameters, if any) to return. */
    private static long estimatedRows(Connection connection, String explain, List<String> keys) throws SQLException {
        try (var statement = connection.prepareStatement(explain)) {
            for (int i = 0; i < 500 && !keys.isEmpty(); i++) {
                statement.setString(i + 1, keys.get(i * 3));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Matcher estimate = Pattern.compile("rows=(\\d+)").matcher(rows.getString(1));
                assertThat(estimate.find()).as(rows.getString(1)).isTrue();
                return Long.parseLong(estimate.group(1));
            }
        }
    }
}
