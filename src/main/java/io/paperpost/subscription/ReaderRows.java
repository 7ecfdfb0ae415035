package io.paperpost.subscription;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a subscriber file, read one at a time from the stream (never the whole file): CSV in listmonk's shape
 * (a header naming an {@code email} column, optionally {@code name}, {@code attributes}, a JSON object, and
 * {@code status}; other columns are ignored; comma, semicolon, tab or bar as the delimiter, whichever the header
 * uses) or, when the first line names no {@code email} column, a plain file of one address per line. UTF-8, with or
 * without a byte order mark. Blank lines are skipped; each row knows the file line it starts on.
 */
final class ReaderRows implements Closeable {

    /** Longest first line looked at to tell the shapes apart. */
    static final int MAX_HEADER_LENGTH = 8192;

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    /** One row: its line, the address as written, and in CSV the attributes and status cells (else null). */
    record Row(long line, String email, String attributes, String status) {
    }

    /** The CSV cannot be read on from this line (an unclosed quote, text after a closing quote). */
    static final class MalformedFileException extends IOException {
        private final long line;

        MalformedFileException(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final BufferedReader reader;
    private final CSVParser csv;
    private final int emailColumn;
    private final int attributesColumn;
    private final int statusColumn;
    private long plainLine;

    private ReaderRows(BufferedReader reader, CSVParser csv, List<String> header) {
        this.reader = reader;
        this.csv = csv;
        this.emailColumn = header.indexOf("email");
        this.attributesColumn = header.indexOf("attributes");
        this.statusColumn = header.indexOf("status");
    }

    /** Looks at the first line to tell CSV with a header from a plain list, and gets ready to read the rows. */
    static ReaderRows open(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        reader.mark(MAX_HEADER_LENGTH + 2);
        String first = firstLine(reader);
        reader.reset();
        for (char delimiter : DELIMITERS) {
            List<String> header = cells(first, delimiter);
            if (header.contains("email")) {
                CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                        .get();
                CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get();
                ReaderRows rows = new ReaderRows(reader, csv, header);
                rows.nextRecord(); // the header itself
                return rows;
            }
        }
        return new ReaderRows(reader, null, List.of());
    }

    /** Whether the file is CSV with a header (else a plain list of addresses). */
    boolean isCsv() {
        return csv != null;
    }

    /** The next row, or null at the end of the file. */
    Row next() throws IOException {
        return csv == null ? nextPlain() : nextCsv();
    }

    private Row nextPlain() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            plainLine++;
            if (!line.isBlank()) {
                return new Row(plainLine, line.strip(), null, null);
            }
        }
        return null;
    }

    private Row nextCsv() throws IOException {
        while (true) {
            // Blank lines are records too (setIgnoreEmptyLines(false)), so each record starts on the line after
            // the previous one ended, and this is its line number even when a quoted cell spans several lines.
            long line = csv.getCurrentLineNumber() + 1;
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            if (isBlank(record)) {
                continue;
            }
            return new Row(line, cell(record, emailColumn), cell(record, attributesColumn),
                    cell(record, statusColumn));
        }
    }

    private CSVRecord nextRecord() throws IOException {
        long line = csv.getCurrentLineNumber() + 1;
        try {
            return csv.iterator().next();
        } catch (NoSuchElementException e) {
            return null;
        } catch (UncheckedIOException e) {
            throw new MalformedFileException(line, "The CSV cannot be read from this line on ("
                    + e.getCause().getMessage().replaceAll("\\s+", " ") + ").");
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String cell(CSVRecord record, int column) {
        return column < 0 || column >= record.size() ? null : record.get(column).strip();
    }

    /** The header's cells, trimmed and lower-cased; empty when the line is not CSV with that delimiter. */
    private static List<String> cells(String line, char delimiter) {
        if (line.indexOf(delimiter) < 0 && !line.strip().equalsIgnoreCase("email")) {
            return List.of();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(format).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty()
                    ? List.of()
                    : records.get(0).stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The first line, at most {@link #MAX_HEADER_LENGTH} characters of it (a longer one is no header). */
    private static String firstLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n' && c != '\r' && line.length() <= MAX_HEADER_LENGTH) {
            line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        reader.close();
    }
}
