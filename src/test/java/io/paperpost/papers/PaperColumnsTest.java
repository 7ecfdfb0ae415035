package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The column table's statements, and a paper written and read back through them on H2. */
class PaperColumnsTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 10, 20);
    private static final Instant NOW = Instant.parse("2025-10-20T05:00:00Z");

    @Test
    void theInsertNamesEachColumnOnceWithOneParameterEach() {
        String columns = PaperColumns.INSERT.substring(PaperColumns.INSERT.indexOf('(') + 1,
                PaperColumns.INSERT.indexOf(')'));
        List<String> names = Arrays.asList(columns.split(", "));

        assertThat(names).doesNotHaveDuplicates().contains("id", "available_seq", "available_at");
        assertThat(PaperColumns.INSERT.chars().filter(c -> c == '?').count()).isEqualTo(names.size());
    }

    @Test
    void anUpdateKeepsWhatIsSetWhenThePaperIsAdded() {
        assertThat(PaperColumns.UPDATE).endsWith(" where id = ?").doesNotContain("first_seen_on", "source =",
                "available_seq", "available_at", "first_version", "first_announce_type", "set id");
        assertThat(PaperColumns.SELECTED).startsWith("id, ").doesNotContain("available", "first_version");
    }

    @Test
    void aPaperWrittenIsReadBackWithEveryValueAndAnUpdateChangesOnlyWhatItWrites() throws SQLException {
        String url = "jdbc:h2:mem:paper-columns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            Paper paper = everyValueSet();
            execute(connection, PaperColumns.INSERT, s -> PaperColumns.bindInsert(s, paper));

            Paper read = readBack(connection, paper.id);
            assertThat(read).usingRecursiveComparison()
                    .ignoringFields("availableSeq", "availableAt", "firstVersion", "firstAnnounceType")
                    .isEqualTo(paper);

            read.upvotes = 99;
            read.authors = new ArrayList<>(List.of("Priya Raman"));
            read.githubStars = null;
            read.source = "not written by an update";
            read.firstSeenOn = MONDAY.plusDays(1);
            execute(connection, PaperColumns.UPDATE, s -> PaperColumns.bindUpdate(s, read));

            Paper updated = readBack(connection, paper.id);
            assertThat(updated.upvotes).isEqualTo(99);
            assertThat(updated.authors).containsExactly("Priya Raman");
            assertThat(updated.githubStars).isNull();
            assertThat(updated.source).isEqualTo("huggingface");
            assertThat(updated.firstSeenOn).isEqualTo(MONDAY);
        }
    }

    private static Paper everyValueSet() {
        Paper paper = MergePolicy.newPaper(PaperStore.keyed(PaperRecord.builder("2501.00001", "Every Value")
                .summary("abstract").authors(List.of("José García", "Wei Zhang")).authorCount(2).organization("Lab")
                .categories(List.of("cs.LG", "cs.CL")).publishedOn(MONDAY.minusDays(3)).upvotes(7)
                .codeUrl("https://github.com/x/y").version(2).announceType("new").projectUrl("https://x.org")
                .githubStars(12).aiSummary("short").keywords(List.of("agents", "planning")).build()),
                "huggingface", MONDAY, NOW);
        paper.availableSeq = 1;
        paper.availableAt = NOW;
        return paper;
    }

    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void execute(Connection connection, String sql, Binding binding) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binding.bind(statement);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static Paper readBack(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + PaperColumns.SELECTED + " from paper where id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(PaperColumns.id(rows)).isEqualTo(id);
                return PaperColumns.read(rows);
            }
        }
    }
}
