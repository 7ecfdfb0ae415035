package io.paperpost.readinglist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.papers.Paper;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reading list's BibTeX, RIS and CSL-JSON files, read back as a reference manager would. */
@QuarkusTest
class ReadingListExportTest {

    static final String TRICKY_TITLE = "Flows & Diffusion: 100% {Faster} $O(n)$ Sampling_with #tags";

    @Inject
    TestData data;
    @Inject
    ReadingListService readingList;
    @Inject
    ReaderTokens tokens;

    @Inject
    TestClock clock;

    String list;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        long readerId = ReadingListEndToEndTest.activeReader("exporter@example.org");
        paper("2501.01234", TRICKY_TITLE, List.of("José García", "Ludwig van Beethoven", "Zoë Łukasiewicz-Ñúñez"),
                List.of("cs.LG", "stat.ML"), LocalDate.of(2025, 1, 3));
        paper("2501.05678", "Flows for everyone", List.of("José García"), List.of("cs.CV"), LocalDate.of(2025, 1, 9));
        paper("t-abc123", "A paper known by its title only, with a {stray brace", List.of(), List.of(), null);
        // Saved a minute apart: the files list the most recently saved first, as the page does.
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        for (String id : List.of("2501.01234", "2501.05678", "t-abc123")) {
            readingList.save(readerId, id);
            clock.advance(Duration.ofMinutes(1));
        }
        readingList.note(readerId, "2501.01234", "private thoughts");
        list = "/reading-list/" + tokens.issue(TokenPurpose.READING_LIST, readerId);
    }

    @Test
    void theBibTeXFileParsesBackWithItsFieldsAndUniqueKeys() throws Exception {
        String bib = given().get(list + "/export.bib").then().statusCode(200)
                .contentType(startsWith("application/x-bibtex"))
                .header("Content-Disposition", containsString("attachment; filename=\"paperpost-reading-list.bib\""))
                .extract().asString();
        assertThat(bib).doesNotContain("private thoughts");
        BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib));
        Map<Key, BibTeXEntry> entries = database.getEntries();
        assertThat(entries).hasSize(3);
        BibTeXEntry tricky = entries.get(new Key("garcia2025flows"));
        BibTeXEntry other = entries.get(new Key("garcia2025flowsb"));
        assertThat(tricky).as("key lastname+year+first title word in %s", bib).isNotNull();
        assertThat(other).as("the clashing key of the paper saved later gets a suffix").isNotNull();
        assertThat(tricky.getType()).isEqualTo(BibTeXEntry.TYPE_MISC);
        assertThat(field(tricky, "author"))
                .isEqualTo("García, José and van Beethoven, Ludwig and Łukasiewicz-Ñúñez, Zoë");
        assertThat(field(tricky, "title"))
                .isEqualTo("Flows \\& Diffusion: 100\\% \\{Faster\\} \\$O(n)\\$ Sampling\\_with \\#tags");
        // Read as LaTeX, the title is the paper's own again.
        assertThat(new LaTeXPrinter().print(new LaTeXParser().parse(field(tricky, "title"))))
                .isEqualTo(TRICKY_TITLE);
        assertThat(field(tricky, "year")).isEqualTo("2025");
        assertThat(field(tricky, "eprint")).isEqualTo("2501.01234");
        assertThat(field(tricky, "archivePrefix")).isEqualTo("arXiv");
        assertThat(field(tricky, "primaryClass")).isEqualTo("cs.LG");
        assertThat(field(tricky, "doi")).isEqualTo("10.48550/arXiv.2501.01234");
        assertThat(field(tricky, "url")).isEqualTo("https://arxiv.org/abs/2501.01234");
        assertThat(tricky.getField(BibTeXEntry.KEY_NOTE)).as("notes stay private").isNull();

        BibTeXEntry titleOnly = entries.get(new Key("paper2026a"));
        assertThat(titleOnly).as("a paper without authors, dated by when it was first seen, in %s", bib).isNotNull();
        assertThat(field(titleOnly, "title"))
                .isEqualTo("A paper known by its title only, with a \\textbraceleft{}stray brace");
        assertThat(titleOnly.getField(BibTeXEntry.KEY_EPRINT)).isNull();
        assertThat(titleOnly.getField(BibTeXEntry.KEY_AUTHOR)).isNull();
    }

    @Test
    void theRisFileHasOneRecordPerPaperInCrlfTaggedLines() {
        String ris = given().get(list + "/export.ris").then().statusCode(200)
                .contentType(startsWith("application/x-research-info-systems"))
                .header("Content-Disposition", containsString("paperpost-reading-list.ris")).extract().asString();
        assertThat(ris).doesNotContain("private thoughts").endsWith("ER  - \r\n");
        assertThat(ris.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = List.of(ris.split("\r\n"));
        assertThat(lines).allMatch(l -> l.matches("[A-Z][A-Z0-9]  - .*"), "TAG  - value");
        assertThat(lines.stream().filter(l -> l.startsWith("TY  - ")).toList()).hasSize(3).allMatch(l -> l.equals(
                "TY  - JOUR"));
        assertThat(lines.stream().filter(l -> l.startsWith("ER  - ")).count()).isEqualTo(3);
        // The newest saved first: the title-only paper, then the others; the tricky one's record in order.
        List<String> record = records(lines).get(2);
        assertThat(record).containsExactly("TY  - JOUR", "AU  - García, José", "AU  - van Beethoven, Ludwig",
                "AU  - Łukasiewicz-Ñúñez, Zoë", "TI  - " + TRICKY_TITLE, "JO  - arXiv", "PY  - 2025",
                "DA  - 2025/01/03",
                "M1  - arXiv:2501.01234", "DO  - 10.48550/arXiv.2501.01234", "UR  - https://arxiv.org/abs/2501.01234",
                "ER  - ");
    }

    @Test
    void theCslJsonFileIsAnArrayOfArticles() throws Exception {
        String json = given().get(list + "/export.json").then().statusCode(200)
                .contentType(startsWith("application/vnd.citationstyles.csl+json"))
                .header("Content-Disposition", containsString("paperpost-reading-list.json")).extract().asString();
        assertThat(json).doesNotContain("private thoughts");
        JsonNode items = new ObjectMapper().readTree(json);
        assertThat(items.isArray()).isTrue();
        assertThat(items).hasSize(3);
        JsonNode tricky = items.get(2);
        assertThat(tricky.get("id").asText()).isEqualTo("arXiv:2501.01234");
        assertThat(tricky.get("type").asText()).isEqualTo("article");
        assertThat(tricky.get("title").asText()).isEqualTo(TRICKY_TITLE);
        assertThat(tricky.get("author").get(0).get("family").asText()).isEqualTo("García");
        assertThat(tricky.get("author").get(0).get("given").asText()).isEqualTo("José");
        assertThat(tricky.get("author").get(1).get("family").asText()).isEqualTo("van Beethoven");
        assertThat(tricky.get("issued").get("date-parts").get(0).toString()).isEqualTo("[2025,1,3]");
        assertThat(tricky.get("DOI").asText()).isEqualTo("10.48550/arXiv.2501.01234");
        assertThat(tricky.get("number").asText()).isEqualTo("2501.01234");
        assertThat(tricky.get("publisher").asText()).isEqualTo("arXiv");
        assertThat(tricky.get("URL").asText()).isEqualTo("https://arxiv.org/abs/2501.01234");
        JsonNode titleOnly = items.get(0);
        assertThat(titleOnly.get("id").asText()).isEqualTo("t-abc123");
        assertThat(titleOnly.has("DOI")).isFalse();
        assertThat(titleOnly.get("author")).isEmpty();
    }

    private static List<List<String>> records(List<String> lines) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            current.add(line);
            if (line.startsWith("ER  - ")) {
                records.add(current);
                current = new ArrayList<>();
            }
        }
        return records;
    }

    private static String field(BibTeXEntry entry, String name) {
        return entry.getField(new Key(name)).toUserString();
    }

    private static void paper(String id, String title, List<String> authors, List<String> categories,
            LocalDate published) {
        QuarkusTransaction.requiringNew().run(() -> {
            Paper paper = new Paper();
            paper.id = id;
            paper.arxivId = id.startsWith("t-") ? null : id;
            paper.title = title;
            paper.summary = "A summary.";
            paper.authors = new ArrayList<>(authors);
            paper.categories = new ArrayList<>(categories);
            paper.publishedOn = published;
            paper.firstSeenOn = published != null ? published : LocalDate.of(2026, 3, 1);
            paper.source = "test";
            paper.updatedAt = Instant.now();
            paper.persist();
        });
    }
}
