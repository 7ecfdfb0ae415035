package io.paperpost.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class PaperImporterTest {

    static final LocalDate MONDAY = LocalDate.of(2025, 10, 20);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);
    static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 90_000));

    @Inject
    PaperImporter importer;
    @Inject
    AgroalDataSource dataSource;

    /** A fresh arXiv id (no other test uses it). */
    static String arxivId() {
        return "29"
                + String.format("%02d.%05d", ThreadLocalRandom.current().nextInt(1, 12), SEQUENCE.incrementAndGet());
    }

    static String title(String words) {
        return words + " " + UUID.randomUUID();
    }

    static Paper paper(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById(id));
    }

    List<List<String>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportReport importAll(String source, LocalDate day, PaperRecord... records) throws IOException {
        return importer.importFrom(new ListSource(source, Arrays.asList(records)), day);
    }

    @Test
    void mergesOnePaperFromSeveralSources() throws IOException {
        String id = arxivId();
        String title = title("Hybrid Attention");
        PaperRecord fromHuggingFace = PaperRecord.builder(id, title).summary("HF abstract").upvotes(87)
                .authors(List.of("Wei Zhang", "José García")).codeUrl("https://github.com/x/hybrid").githubStars(412)
                .build();
        PaperRecord fromArxiv = PaperRecord.builder(id, title).summary("arXiv abstract")
                .authors(List.of("Wei Zhang", "Jose Garcia", "Priya Raman")).categories(List.of("cs.CL", "cs.LG"))
                .publishedOn(MONDAY).version(1).build();

        ImportReport first = importAll("huggingface", MONDAY, fromHuggingFace);
        ImportReport second = importAll("arxiv-api", TUESDAY, fromArxiv);

        assertEquals(1, first.added());
        assertEquals(0, second.added());
        assertEquals(1, second.updated());
        Paper paper = paper(id);
        assertEquals(87, paper.upvotes, "upvotes from Hugging Face stay");
        assertEquals("https://github.com/x/hybrid", paper.codeUrl, "the code link stays");
        assertEquals(412, paper.githubStars);
        assertEquals(List.of("cs.CL", "cs.LG"), paper.categories, "categories from arXiv");
        assertEquals(List.of("Wei Zhang", "Jose Garcia", "Priya Raman"), paper.authors);
        assertEquals("arXiv abstract", paper.summary);
        assertEquals(MONDAY, paper.firstSeenOn, "first seen stays the day of the first import");
        assertEquals("huggingface", paper.source);
        assertEquals(id, paper.arxivId);
    }

    @Test
    void laterImportsUpdateUpvotesAndCodeLinksAndSkipWhatDidNotChange() throws IOException {
        String id = arxivId();
        String title = title("Upvoted");
        importAll("huggingface", MONDAY, PaperRecord.builder(id, title).upvotes(3).build());

        ImportReport same = importAll("huggingface", TUESDAY, PaperRecord.builder(id, title).upvotes(3).build());
        ImportReport more = importAll("huggingface", TUESDAY.plusDays(1), PaperRecord.builder(id, title).upvotes(40)
                .codeUrl("https://github.com/x/upvoted").build());
        ImportReport withoutFields = importAll("arxiv-rss", TUESDAY.plusDays(2),
                PaperRecord.builder(id, title).build());

        assertEquals(1, same.skipped());
        assertEquals(1, more.updated());
        assertEquals(1, withoutFields.skipped(), "unknown fields never erase known ones");
        Paper paper = paper(id);
        assertEquals(40, paper.upvotes);
        assertEquals("https://github.com/x/upvoted", paper.codeUrl);
        assertEquals(MONDAY, paper.firstSeenOn);
    }

    @Test
    void aNewVersionIsRecordedButIsNoNewPaper() throws IOException {
        String id = arxivId();
        String title = title("Versioned");
        importAll("arxiv-rss", MONDAY, PaperRecord.builder(id, title).version(1).announceType("new").build());

        ImportReport replaced = importAll("arxiv-rss", TUESDAY, PaperRecord.builder(id, title).version(2)
                .announceType("replace").summary("v2 abstract").build());
        ImportReport again = importAll("arxiv-rss", TUESDAY, PaperRecord.builder(id, title).version(2)
                .announceType("replace").summary("v2 abstract").build());

        assertEquals(0, replaced.added());
        assertEquals(1, replaced.updated());
        assertEquals(1, again.skipped(), "the same version twice is recorded once");
        Paper paper = paper(id);
        assertEquals(2, paper.latestVersion);
        assertEquals(MONDAY, paper.firstSeenOn);
        assertEquals(1, paper.firstVersion);
        assertEquals("new", paper.firstAnnounceType);
        assertEquals(List.of(List.of("2", TUESDAY.toString(), "replace")),
                rows("select version, seen_on, announce_type from paper_version where paper_id = ? order by version",
                        id),
                "the versions after the first, which is on the paper");
    }

    @Test
    void aRevisionOfAnUnknownPaperAddsNothing() throws IOException {
        String id = arxivId();

        ImportReport report = importAll("arxiv-rss", MONDAY, PaperRecord.builder(id, title("Old paper revised"))
                .version(3).announceType("replace-cross").build());

        assertEquals(0, report.added());
        assertEquals(1, report.skipped());
        assertNull(paper(id));
        assertTrue(rows("select version from paper_version where paper_id = ?", id).isEmpty());
    }

    @Test
    void aPaperKnownByTitleTakesItsArxivIdInsteadOfBecomingTwo() throws IOException {
        String title = title("Workshop Paper");
        String titleKey = PaperKeys.fromTitle(title);
        importAll("upload", MONDAY, PaperRecord.builder(titleKey, title).upvotes(5).build());
        String id = arxivId();

        ImportReport report = importAll("arxiv-api", TUESDAY, PaperRecord.builder(id, title.toUpperCase())
                .categories(List.of("cs.LG")).version(1).build());
        ImportReport later = importAll("huggingface", TUESDAY, PaperRecord.builder(id, title).upvotes(9).build());

        assertEquals(0, report.added());
        assertEquals(1, report.updated());
        assertEquals(1, later.updated(), "found again by its arXiv id");
        assertNull(paper(id), "no second record under the arXiv id");
        Paper paper = paper(titleKey);
        assertEquals(id, paper.arxivId);
        assertEquals(List.of("cs.LG"), paper.categories);
        assertEquals(9, paper.upvotes);
        assertEquals(MONDAY, paper.firstSeenOn);
        assertNull(paper.firstVersion, "first seen without a version");
        assertEquals(List.of(List.of("1")), rows("select version from paper_version where paper_id = ?", titleKey),
                "version 1 was seen after the paper");
    }

    @Test
    void aTitleOnlyRecordMergesIntoTheArxivPaper() throws IOException {
        String id = arxivId();
        String title = title("Known On arXiv");
        importAll("arxiv-api", MONDAY, PaperRecord.builder(id, title).categories(List.of("cs.RO")).build());

        ImportReport report = importAll("upload", TUESDAY, PaperRecord.builder(PaperKeys.fromTitle(title), title + "!")
                .codeUrl("https://github.com/x/known").build());

        assertEquals(1, report.updated());
        assertNull(paper(PaperKeys.fromTitle(title)));
        assertEquals("https://github.com/x/known", paper(id).codeUrl);
    }

    @Test
    void twoArxivPapersWithTheSameTitleStayTwo() throws IOException {
        String title = title("Common Title");
        String a = arxivId();
        String b = arxivId();

        ImportReport report = importAll("arxiv-api", MONDAY, PaperRecord.builder(a, title).build(),
                PaperRecord.builder(b, title).build());

        assertEquals(2, report.added());
        assertNotNull(paper(a));
        assertNotNull(paper(b));
    }

    @Test
    void papersWrittenThroughJpaGetTheirTitleKey() {
        String id = arxivId();
        String title = title("Written Through JPA");
        QuarkusTransaction.requiringNew().run(() -> {
            Paper paper = new Paper();
            paper.id = id;
            paper.title = title;
            paper.summary = "";
            paper.authors = List.of("Zoë  Berg", "Kenji Sato");
            paper.firstSeenOn = MONDAY;
            paper.source = "jpa";
            paper.updatedAt = java.time.Instant.now();
            paper.persist();
        });

        assertTitleKey(id, title);
    }

    @Test
    void theTitleKeyMigrationRunsAtStartAsAJavaMigration() {
        // V83 (db.migration.V83__paper_title_keys) gives rows written without a title key theirs; its data is
        // checked on H2 and PostgreSQL by TitleKeyMigrationTest. Here: Quarkus finds and runs it.
        assertEquals(List.of(List.of("JDBC", "TRUE")),
                rows("select \"type\", \"success\" from \"flyway_schema_history\" where \"version\" = '83'"));
    }

    private void assertTitleKey(String id, String title) {
        assertEquals(List.of(List.of(PaperKeys.fromTitle(title))),
                rows("select title_key from paper where id = ?", id));
    }

    @Test
    void theSamePaperTwiceInOneBatchIsOneRecord() throws IOException {
        String id = arxivId();
        String title = title("Twice");

        ImportReport report = importAll("huggingface", MONDAY, PaperRecord.builder(id, title).upvotes(1).build(),
                PaperRecord.builder(id + "", title).upvotes(2).build());

        assertEquals(1, report.added());
        assertEquals(1, report.updated());
        assertEquals(2, paper(id).upvotes);
    }

    @Test
    void aFailingBatchIsRolledBackWholeAndEarlierBatchesStay() {
        // Batches of 3 in this profile: a, b, c are committed; d shares its batch with the bad record; f, g, h come
        // after the failed batch (read while it was being written) and are not stored.
        String a = arxivId(), b = arxivId(), c = arxivId(), d = arxivId(), e = arxivId(), f = arxivId();
        String tooLongId = "x".repeat(150);
        List<PaperRecord> records = List.of(PaperRecord.builder(a, title("A")).build(),
                PaperRecord.builder(b, title("B")).build(),
                PaperRecord.builder(c, title("C")).build(), PaperRecord.builder(d, title("D")).build(),
                PaperRecord.builder(tooLongId, title("Too long")).build(), PaperRecord.builder(e, title("E")).build(),
                PaperRecord.builder(f, title("F")).build(), PaperRecord.builder(arxivId(), title("G")).build(),
                PaperRecord.builder(arxivId(), title("H")).build(), PaperRecord.builder(arxivId(), title("I")).build());

        PaperImporter.Outcome outcome = importer.run(new ListSource("upload", records), MONDAY);

        assertFalse(outcome.ok());
        assertNotNull(paper(a));
        assertNotNull(paper(c));
        assertNull(paper(d), "d was in the failed batch");
        assertNull(paper(e), "e was in the failed batch");
        assertNull(paper(f), "nothing is stored after a failed batch");
        assertEquals(3, outcome.report().added());
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>findById(outcome.runId()));
        assertEquals(ImportRun.FAILED, run.status);
        assertTrue(run.failure.contains("could not store papers"), run.failure);
    }

    @Test
    void everyRunIsRecordedWithCountsAndFirstErrors() throws IOException {
        String id = arxivId();
        ListSource source = new ListSource("upload",
                Arrays.asList(PaperRecord.builder(id, title("Recorded")).build(), null));

        ImportReport report = importer.importFrom(source, MONDAY);

        assertTrue(source.imported, "the source hears that its items are stored");
        assertEquals(2, report.read());
        assertEquals(List.of(new ImportReport.ItemError(2, "broken item")), report.errors());
        ImportRun run = QuarkusTransaction.requiringNew()
                .call(() -> ImportRun.<ImportRun>find("source = ?1 order by id desc", "upload").firstResult());
        assertEquals(ImportRun.OK, run.status);
        assertEquals(2, run.fetched);
        assertEquals(1, run.added);
        assertEquals(1, run.errors);
        assertEquals("2: broken item\n", run.firstErrors);
        assertNotNull(run.finishedAt);
        assertNotNull(run.durationMs);
    }

    @Test
    void aSourceThatFailsKeepsWhatItDeliveredAndIsRecordedAsFailed() {
        String id = arxivId();
        ListSource source = new ListSource("huggingface",
                List.of(PaperRecord.builder(id, title("Before failure")).build()),
                new IOException("HTTP 503 from https://huggingface.co/api/daily_papers (gave up after 4 attempts)"));

        IOException e = assertThrows(IOException.class, () -> importer.importFrom(source, MONDAY));

        assertTrue(e.getMessage().startsWith("HTTP 503"));
        assertFalse(source.imported, "validators are not remembered for a failed import");
        assertNotNull(paper(id));
        ImportRun run = QuarkusTransaction.requiringNew()
                .call(() -> ImportRun.<ImportRun>find("source = ?1 order by id desc", "huggingface").firstResult());
        assertEquals(ImportRun.FAILED, run.status);
        assertEquals(1, run.added);
        assertTrue(run.failure.contains("gave up after 4 attempts"), run.failure);
    }
}
