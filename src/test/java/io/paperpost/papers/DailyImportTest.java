package io.paperpost.papers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class DailyImportTest {

    @InjectWireMock
    WireMockServer server;
    @Inject
    DailyImport dailyImport;

    @BeforeEach
    void setUp() {
        server.resetAll();
        IngestionFixtures.forgetFixturePapers();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRun.deleteAll();
            io.paperpost.papers.http.HttpValidator.deleteAll();
            // The last arXiv API import started on 2025-10-21 at noon: this import reads back to midnight (12 h overlap).
            ImportRun last = new ImportRun();
            last.source = "arxiv-api";
            last.status = ImportRun.OK;
            last.startedAt = Instant.parse("2025-10-21T12:00:00Z");
            last.persist();
        });
        IngestionFixtures.stubArxiv(server);
    }

    static ImportRunView run(List<ImportRunView> runs, String source) {
        return runs.stream().filter(r -> r.source().equals(source)).findFirst().orElseThrow();
    }

    @Test
    void aFailingSourceIsRecordedAndTheOthersGoOn() {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).willReturn(serviceUnavailable()));

        List<ImportRunView> runs = dailyImport.runNow();

        assertEquals(List.of("arxiv-api", "arxiv-rss", "huggingface", "file"),
                runs.stream().map(ImportRunView::source).toList());
        ImportRunView huggingface = run(runs, "huggingface");
        assertEquals("failed", huggingface.status());
        assertTrue(huggingface.failure().contains("HTTP 503"), huggingface.failure());
        assertTrue(huggingface.failure().contains("gave up after 3 attempts"), huggingface.failure());
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/daily_papers")));

        ImportRunView api = run(runs, "arxiv-api");
        assertEquals("ok", api.status());
        assertEquals(4, api.fetched());
        assertEquals(3, api.added());
        assertEquals(1, api.errors());
        assertEquals(List.of("3: entry 3 http://arxiv.org/abs/2510.18950v1: 'title' is missing"), api.firstErrors());

        ImportRunView rss = run(runs, "arxiv-rss");
        assertEquals("ok", rss.status());
        assertEquals(5, rss.fetched());
        assertEquals(1, rss.added(), "2510.20001 is new");
        assertEquals(1, rss.updated(), "2510.19338 cross-listed: categories and authors refreshed");
        assertEquals(2, rss.skipped(), "revisions of papers PaperPost does not know add nothing");
        assertEquals(1, rss.errors());

        ImportRunView file = run(runs, "file");
        assertEquals("ok", file.status());
        assertEquals(1, file.added());
        assertEquals(1, file.updated());
        assertEquals(1, file.errors());

        Paper lowBitAdam = IngestionFixtures.paper("2510.19001");
        assertEquals(3, lowBitAdam.latestVersion, "v2 from the API, v3 from the file");
        assertEquals("https://github.com/example/lowbit-adam", lowBitAdam.codeUrl);
        assertEquals(LocalDate.now(ZoneOffset.UTC), lowBitAdam.firstSeenOn);
        assertNull(IngestionFixtures.paper("2510.16555"), "a replace of an unknown paper is no new paper");
    }

    @Test
    void theNextDayMergesHuggingFaceAndSkipsWhatDidNotChange() {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).willReturn(serviceUnavailable()));
        dailyImport.runNow();
        IngestionFixtures.stubHuggingFace(server);

        List<ImportRunView> runs = dailyImport.runNow();

        ImportRunView huggingface = run(runs, "huggingface");
        assertEquals("ok", huggingface.status());
        assertEquals(4, huggingface.fetched());
        assertEquals(1, huggingface.added(), "2510.16555 is new; the other two are known from arXiv");
        assertEquals(2, huggingface.updated());
        ImportRunView rss = run(runs, "arxiv-rss");
        assertEquals("ok", rss.status());
        assertEquals(0, rss.fetched(), "the feed answered 304 Not Modified");
        server.verify(getRequestedFor(urlPathEqualTo("/rss/cs.LG+cs.CL")).withHeader("If-None-Match",
                equalTo("\"feed-2025-10-23\"")));
        assertEquals(0, run(runs, "arxiv-api").fetched(), "nothing submitted since the last import");

        Paper hybrid = IngestionFixtures.paper("2510.19338");
        assertEquals(87, hybrid.upvotes);
        assertEquals("https://github.com/example-org/hybrid-attention", hybrid.codeUrl);
        assertEquals(List.of("cs.CL", "cs.LG"), hybrid.categories);
        assertEquals("arxiv-api", hybrid.source, "the source that brought it first");
    }

    @Test
    void onlyOneDailyImportRunsAtATime() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers"))
                .willReturn(okForContentType("application/json", "[]").withFixedDelay(1500)));
        CompletableFuture<List<ImportRunView>> first = CompletableFuture.supplyAsync(dailyImport::runNow);
        Thread.sleep(500);

        assertThrows(DailyImport.AlreadyRunningException.class, dailyImport::runNow);
        assertEquals(4, first.get().size());
    }
}
