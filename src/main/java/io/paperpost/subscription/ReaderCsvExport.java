package io.paperpost.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every reader as CSV in listmonk's import shape, {@code email,name,attributes}, for the operator to keep or move:
 * the attributes (a JSON object) hold the status, topics, interests, authors, time zone, when the reader signed up
 * and confirmed, and where the consent came from; PaperPost keeps no names, so that column is empty. Written in
 * id order a page at a time, each page read in its own short transaction, so memory holds one page whatever the
 * number of readers. {@link ReaderImport} reads the same file back.
 */
@ApplicationScoped
public class ReaderCsvExport {

    static final int PAGE = 1000;

    @Inject
    ObjectMapper json;

    /** Writes the header and every reader; the stream is flushed, not closed. */
    public void writeTo(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord("email", "name", "attributes");
        long after = 0;
        while (true) {
            long from = after;
            List<Reader> page = QuarkusTransaction.requiringNew()
                    .call(() -> Reader.<Reader>find("id > ?1 order by id", from).page(0, PAGE).list());
            for (Reader reader : page) {
                csv.printRecord(reader.email, "", attributes(reader));
                after = reader.id;
            }
            csv.flush();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private String attributes(Reader reader) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("status", reader.status.name().toLowerCase(Locale.ROOT));
        attributes.put("topics", reader.topics);
        attributes.put("interests", reader.interests);
        attributes.put("authors", reader.followedAuthors);
        attributes.put("timezone", reader.timeZone);
        attributes.put("created_at", text(reader.createdAt));
        attributes.put("confirmed_at", text(reader.confirmedAt));
        attributes.put("consent_source", reader.consentSource);
        try {
            return json.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
