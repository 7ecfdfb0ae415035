package io.paperpost.papers;

import static io.paperpost.papers.JsonFields.count;
import static io.paperpost.papers.JsonFields.date;
import static io.paperpost.papers.JsonFields.names;
import static io.paperpost.papers.JsonFields.text;
import static io.paperpost.papers.JsonFields.url;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Papers as JSON Lines in the sample format: one object per line with {@code key} (optional: derived from
 * the title when missing), {@code title}, {@code summary}, and optionally {@code authors} (array of names),
 * {@code authorCount}, {@code organization}, {@code categories}, {@code publishedAt} (ISO date),
 * {@code upvotes} and {@code codeUrl}. A {@code key} that is an arXiv id is stored without its version.
 * Streams the input: memory stays flat whatever its size.
 */
public final class JsonLinesPaperSource implements PaperSource {

    static final int MAX_LINE_CHARS = 100_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    private final String name;
    private final InputStream input;
    private final ObjectMapper json;

    public JsonLinesPaperSource(String name, InputStream input, ObjectMapper json) {
        this.name = name;
        this.input = input;
        this.json = json;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        // Lines are split as bytes and each handed to Jackson's UTF-8 parser as is: no decoding into a String
        // first, which was a fifth of the time of reading a large file.
        Lines lines = new Lines(input);
        int number = 0;
        while (lines.next()) {
            number++;
            if (lines.isBlank()) {
                continue;
            }
            try {
                sink.accept(number, parse(lines));
            } catch (InvalidPaperException e) {
                sink.reject(number, e.getMessage());
            }
        }
    }

    private PaperRecord parse(Lines line) {
        if (line.length() > MAX_LINE_CHARS && line.chars() > MAX_LINE_CHARS) {
            throw new InvalidPaperException("line is longer than " + MAX_LINE_CHARS + " characters");
        }
        try {
            return parse(json.readTree(line.bytes(), 0, line.length()));
        } catch (JsonProcessingException e) {
            throw new InvalidPaperException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Only a JsonProcessingException can come from parsing bytes in memory.
            throw new UncheckedIOException(e);
        }
    }

    private PaperRecord parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidPaperException("expected a JSON object");
        }
        String title = text(node, "title", JsonFields.TITLE, true);
        String summary = text(node, "summary", JsonFields.SUMMARY, false);
        String id = text(node, "key", 100, false);
        Integer version = null;
        if (id == null) {
            id = PaperKeys.fromTitle(title);
        } else if (!ID.matcher(id).matches()) {
            throw new InvalidPaperException("'key' may hold only letters, digits and . _ : / -");
        } else {
            // An arXiv id as key is stored without its version, like the live sources do.
            var arxiv = ArxivIds.parse(id);
            if (arxiv.isPresent()) {
                id = arxiv.get().id();
                version = arxiv.get().version();
            }
        }
        return PaperRecord.builder(id, title).summary(summary).authors(names(node, "authors", 300))
                .authorCount(count(node, "authorCount"))
                .organization(text(node, "organization", JsonFields.ORGANIZATION, false))
                .categories(names(node, "categories", 50)).publishedOn(date(node, "publishedAt"))
                .upvotes(count(node, "upvotes")).codeUrl(url(node, "codeUrl")).version(version)
                .venue(Venues.of(text(node, "journalRef", Venues.MAX_CHARS, false),
                        text(node, "comments", JsonFields.SUMMARY, false)))
                .build();
    }

    /**
     * The lines of a stream as bytes (UTF-8), without their line ends. A line longer than the
     * limit is not kept whole: only its length is counted, so an endless line cannot fill the memory.
     */
    private static final class Lines {
        private static final int MAX_BYTES = MAX_LINE_CHARS * 4;

        private final InputStream input;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[8192];
        private int length;
        private boolean overlong;
        private boolean afterCarriageReturn;

        Lines(InputStream input) {
            this.input = input;
        }

        /** Reads the next line; false at the end of the stream. Ends lines like BufferedReader: \n, \r or \r\n. */
        boolean next() throws IOException {
            length = 0;
            overlong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = input.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any;
                    }
                }
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                    position++;
                }
                append(start, position - start);
                if (position < limit) {
                    afterCarriageReturn = buffer[position] == '\r';
                    position++;
                    return true;
                }
            }
        }

        private void append(int start, int count) {
            if (overlong || length + count > MAX_BYTES) {
                overlong = true;
                length += count;
                return;
            }
            if (length + count > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(buffer, start, line, length, count);
            length += count;
        }

        byte[] bytes() {
            return line;
        }

        int length() {
            return length;
        }

        /** The line's length in characters (bytes are at least as many). */
        long chars() {
            return overlong ? length : new String(line, 0, length, StandardCharsets.UTF_8).length();
        }

        boolean isBlank() {
            for (int i = 0; i < length && !overlong; i++) {
                byte b = line[i];
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return !overlong;
        }
    }
}
