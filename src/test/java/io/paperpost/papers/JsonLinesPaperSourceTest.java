package io.paperpost.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesPaperSourceTest {

    static Collected read(String lines) throws IOException {
        Collected sink = new Collected();
        new JsonLinesPaperSource("test", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                new ObjectMapper()).fetch(sink);
        return sink;
    }

    @Test
    void readsTheSampleFormatAndStripsArxivVersions() throws IOException {
        Collected sink = read(
                """
                        {"key": "2410.12345v2", "title": "A Paper", "summary": "S", "authors": ["Ann Lee"], "categories": ["cs.LG"], "publishedAt": "2024-10-16", "upvotes": 3, "codeUrl": "https://github.com/a/b"}
                        {"title": "Only A Title"}
                        """);

        assertEquals(2, sink.accepted.size());
        PaperRecord first = sink.accepted.get(0);
        assertEquals("2410.12345", first.id());
        assertEquals(2, first.version());
        assertEquals(List.of("Ann Lee"), first.authors());
        assertEquals(LocalDate.of(2024, 10, 16), first.publishedOn());
        PaperRecord second = sink.accepted.get(1);
        assertEquals(PaperKeys.fromTitle("Only A Title"), second.id());
        assertNull(second.arxivId());
        assertEquals("", second.summary());
    }

    @Test
    void rejectsBrokenLinesWithLineNumberAndReadsTheRest() throws IOException {
        Collected sink = read("""
                {"title": "Good One"}
                {"title": "Unfinished"
                {"summary": "no title"}

                {"title": "Bad Upvotes", "upvotes": -1}
                {"title": "Good Two", "codeUrl": "ftp://x"}
                {"title": "Good Three"}
                """);

        assertEquals(List.of("Good One", "Good Three"), sink.accepted.stream().map(PaperRecord::title).toList());
        assertEquals(List.of(1, 7), sink.positions);
        assertEquals(4, sink.rejected.size());
        assertTrue(sink.rejected.get(0).startsWith("2: not valid JSON"), sink.rejected.get(0));
        assertEquals("3: 'title' is missing", sink.rejected.get(1));
        assertEquals("5: 'upvotes' must be a whole number, 0 or more", sink.rejected.get(2));
        assertEquals("6: 'codeUrl' must be an http(s) URL", sink.rejected.get(3));
    }

    @Test
    void endsLinesLikeAReaderAndCountsThemRight() throws IOException {
        Collected sink = read("{\"title\": \"One\"}\r\n\r\n{\"title\": \"Zoë\"}\r{\"title\": \"Three\"}\n   \n"
                + "{\"title\": \"Five\"}");

        assertEquals(List.of("One", "Zoë", "Three", "Five"), sink.accepted.stream().map(PaperRecord::title).toList());
        assertEquals(List.of(1, 3, 4, 6), sink.positions);
    }

    @Test
    void rejectsOverlongLinesAndBytesThatAreNotUtf8() throws IOException {
        String longTitle = "é".repeat(JsonLinesPaperSource.MAX_LINE_CHARS);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(("{\"title\": \"" + longTitle + "\"}\n").getBytes(StandardCharsets.UTF_8));
        all.writeBytes(("{\"title\": \"" + "x".repeat(500_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        all.writeBytes(new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'});
        all.writeBytes("{\"title\": \"Fine\"}\n".getBytes(StandardCharsets.UTF_8));
        Collected sink = new Collected();
        new JsonLinesPaperSource("test", new ByteArrayInputStream(all.toByteArray()), new ObjectMapper()).fetch(sink);

        assertEquals(List.of("Fine"), sink.accepted.stream().map(PaperRecord::title).toList());
        assertEquals(List.of(4), sink.positions);
        assertEquals("1: line is longer than 100000 characters", sink.rejected.get(0));
        assertEquals("2: line is longer than 100000 characters", sink.rejected.get(1));
        assertTrue(sink.rejected.get(2).startsWith("3: not valid JSON"), sink.rejected.get(2));
    }
}
