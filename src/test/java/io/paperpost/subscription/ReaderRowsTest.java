package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subscriber file's two shapes, told apart by the first line, and the line each row starts on. */
class ReaderRowsTest {

    private static List<ReaderRows.Row> rows(String file) throws IOException {
        return rows(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ReaderRows.Row> rows(InputStream in) throws IOException {
        List<ReaderRows.Row> rows = new ArrayList<>();
        try (ReaderRows reader = ReaderRows.open(in)) {
            for (ReaderRows.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aFileWithoutAnEmailHeaderIsOneAddressPerLineAndBlankLinesAreSkipped() throws IOException {
        assertThat(rows("ada@example.org\n\n  grace@example.org  \r\nlinus@example.org"))
                .containsExactly(new ReaderRows.Row(1, "ada@example.org", null, null),
                        new ReaderRows.Row(3, "grace@example.org", null, null),
                        new ReaderRows.Row(4, "linus@example.org", null, null));
    }

    @Test
    void listmonksHeaderMakesItCsvWithAttributesInAnyColumnOrder() throws IOException {
        String file = "name,Email,attributes,status\n"
                + "\"Ada L.\",ada@example.org,\"{\"\"topics\"\":[\"\"cs.LG\"\"]}\",enabled\n"
                + "Grace,grace@example.org,,blocklisted\n";
        assertThat(rows(file)).containsExactly(
                new ReaderRows.Row(2, "ada@example.org", "{\"topics\":[\"cs.LG\"]}", "enabled"),
                new ReaderRows.Row(3, "grace@example.org", "", "blocklisted"));
    }

    @Test
    void aQuotedCellOverSeveralLinesKeepsTheLineNumbersOfTheRowsAfterIt() throws IOException {
        String file = "email,attributes\n"
                + "ada@example.org,\"{\"\"interests\"\":\"\"graph\nneural\nnets\"\"}\"\n"
                + "\n"
                + "grace@example.org,\n";
        List<ReaderRows.Row> rows = rows(file);
        assertThat(rows).extracting(ReaderRows.Row::line).containsExactly(2L, 6L);
        assertThat(rows.get(0).attributes()).isEqualTo("{\"interests\":\"graph\nneural\nnets\"}");
    }

    @Test
    void aByteOrderMarkAndASemicolonDelimiterAreUnderstood() throws IOException {
        assertThat(rows("\uFEFFemail;name\r\nada@example.org;Ada\r\n"))
                .containsExactly(new ReaderRows.Row(2, "ada@example.org", null, null));
    }

    @Test
    void aHeaderWithOnlyTheEmailColumnIsCsvAndShortRowsHaveNoAttributes() throws IOException {
        assertThat(rows("email\nada@example.org\n")).containsExactly(new ReaderRows.Row(2, "ada@example.org", null,
                null));
        assertThat(rows("name,email,attributes\nAda\n")).containsExactly(new ReaderRows.Row(2, null, null, null));
    }

    @Test
    void anUnclosedQuoteStopsTheReadingAtItsLine() throws IOException {
        try (ReaderRows reader = ReaderRows.open(new ByteArrayInputStream(
                "email,name\nada@example.org,Ada\ngrace@example.org,\"Grace\" H\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reader.next().line()).isEqualTo(2);
            assertThatThrownBy(reader::next).isInstanceOf(ReaderRows.MalformedFileException.class)
                    .satisfies(e -> assertThat(((ReaderRows.MalformedFileException) e).line()).isEqualTo(3))
                    .hasMessageContaining("cannot be read");
        }
    }

    @Test
    void rowsAreReadAsTheyArriveNotAfterTheWholeFile() throws IOException {
        GeneratedFile file = new GeneratedFile(200_000);
        try (ReaderRows reader = ReaderRows.open(file)) {
            assertThat(reader.next()).isEqualTo(new ReaderRows.Row(2, "reader0@example.org", null, null));
            // The first row came after at most a buffer or two of the 5 MB file.
            assertThat(file.produced).isLessThan(200_000);
            long count = 1;
            ReaderRows.Row last = null;
            for (ReaderRows.Row row = reader.next(); row != null; row = reader.next()) {
                count++;
                last = row;
            }
            assertThat(count).isEqualTo(200_000);
            assertThat(last).isEqualTo(new ReaderRows.Row(200_001, "reader199999@example.org", null, null));
        }
    }

    /** A CSV file of n rows made as it is read, counting the bytes handed out so far. */
    private static final class GeneratedFile extends InputStream {
        private final int rows;
        private int next = -1;
        private byte[] line = new byte[0];
        private int at;
        long produced;

        GeneratedFile(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (at == line.length) {
                if (next == rows) {
                    return -1;
                }
                String text = next < 0 ? "email,name\n" : "reader" + next + "@example.org,R\n";
                line = text.getBytes(StandardCharsets.UTF_8);
                at = 0;
                next++;
            }
            produced++;
            return line[at++];
        }
    }
}
