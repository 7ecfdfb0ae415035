package io.paperpost.papers.arxiv;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.paperpost.papers.Collected;
import io.paperpost.papers.Fixtures;
import io.paperpost.papers.IngestionTestProfile;
import io.paperpost.papers.InjectWireMock;
import io.paperpost.papers.PaperRecord;
import io.paperpost.papers.http.HttpFetcher;
import io.paperpost.papers.http.HttpSettings;
import io.paperpost.papers.http.RequestSpacing;
import io.paperpost.papers.http.ValidatorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ArxivApiSourceTest {

    static final Instant LAST_IMPORT = Instant.parse("2025-10-21T00:00:00Z");

    @InjectWireMock
    WireMockServer server;

    HttpFetcher http;

    @BeforeEach
    void setUp() {
        server.resetAll();
        http = new HttpFetcher(new HttpSettings("PaperPost/test", Duration.ofSeconds(2), Duration.ofSeconds(2), 1,
                Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(1), 1_000_000), new ValidatorStore() {
                    @Override
                    public Optional<Validators> find(String url) {
                        return Optional.empty();
                    }

                    @Override
                    public void save(String url, Validators validators) {
                    }
                });
    }

    ArxivApiSource source(Duration spacing) {
        return new ArxivApiSource(http, new RequestSpacing(spacing), URI.create(server.baseUrl() + "/api/query"),
                List.of("cs.LG", "cs.CL"), 3, 30, () -> LAST_IMPORT);
    }

    void stubPage(int start, String fixture) {
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo(String.valueOf(start)))
                .willReturn(okForContentType("application/atom+xml", new String(Fixtures.bytes(fixture)))));
    }

    @Test
    void pagesNewestFirstUntilEntriesAreOlderThanTheLastImport() throws IOException {
        stubPage(0, "arxiv/api-page-0.xml");
        stubPage(3, "arxiv/api-page-3.xml");
        Collected sink = new Collected();

        source(Duration.ofMillis(10)).fetch(sink);

        server.verify(2, getRequestedFor(urlPathEqualTo("/api/query"))
                .withQueryParam("search_query", equalTo("cat:cs.LG OR cat:cs.CL"))
                .withQueryParam("sortBy", equalTo("submittedDate")).withQueryParam("sortOrder", equalTo("descending"))
                .withQueryParam("max_results", equalTo("3")));
        // 2510.17500 was submitted before the last import: paging stops there and it is left out.
        assertEquals(List.of("2510.19338", "2510.19001", "2510.18866"),
                sink.accepted.stream().map(PaperRecord::id).toList());
        assertEquals(List.of(1, 2, 4), sink.positions);
        assertEquals(List.of("3: entry 3 http://arxiv.org/abs/2510.18950v1: 'title' is missing"), sink.rejected);
    }

    @Test
    void readsAtomFieldsWithArxivNamespace() throws IOException {
        stubPage(0, "arxiv/api-page-0.xml");
        stubPage(3, "arxiv/api-page-3.xml");
        Collected sink = new Collected();

        source(Duration.ofMillis(10)).fetch(sink);

        PaperRecord hybrid = sink.accepted.get(0);
        assertEquals("Every Attention Matters: An Efficient Hybrid Architecture for Long-Context Reasoning",
                hybrid.title());
        assertEquals(List.of("Wei Zhang", "Jose Garcia", "Priya Raman"), hybrid.authors());
        assertEquals(List.of("cs.CL", "cs.LG"), hybrid.categories(), "primary category first");
        assertEquals(LocalDate.of(2025, 10, 22), hybrid.publishedOn());
        assertEquals(1, hybrid.version());
        assertTrue(hybrid.summary()
                .startsWith("We introduce a hybrid linear-softmax attention architecture that keeps long-context"));
        assertEquals(null, hybrid.venue(), "a comment without an acceptance names no venue");
        PaperRecord adam = sink.accepted.get(1);
        assertEquals(2, adam.version());
        assertEquals("ICLR 2026", adam.venue(), "the acceptance in arxiv:comment");
        assertEquals(List.of("cs.LG", "math.OC", "stat.ML"), adam.categories());
        assertTrue(adam.summary().startsWith("We prove"), "leading white space collapsed: " + adam.summary());
        assertEquals(List.of("cs.CL", "cs.AI"), sink.accepted.get(2).categories());
    }

    @Test
    void keepsArxivsIntervalBetweenRequests() throws IOException {
        stubPage(0, "arxiv/api-page-0.xml");
        stubPage(3, "arxiv/api-page-3.xml");

        source(Duration.ofMillis(400)).fetch(new Collected());

        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/api/query")));
        assertEquals(2, requests.size());
        // Spacing is kept between the starts of requests (RequestSpacingTest checks it exactly); the server sees
        // arrival times, which the first request's connection setup can delay, so only the wiring is checked here.
        long apart = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(apart >= 200, "requests only " + apart + " ms apart");
    }

    @Test
    void anErrorFeedFailsTheSource() {
        stubPage(0, "arxiv/api-error.xml");

        IOException e = assertThrows(IOException.class, () -> source(Duration.ofMillis(10)).fetch(new Collected()));

        assertTrue(e.getMessage().contains("arXiv API error: max_results must be less than or equal to 30000"),
                e.getMessage());
    }

    @Test
    void aBrokenBodyFailsTheSourceAndHandsOverNothingOfThatPage() {
        stubPage(0, "arxiv/api-broken.xml");
        Collected sink = new Collected();

        IOException e = assertThrows(IOException.class, () -> source(Duration.ofMillis(10)).fetch(sink));

        assertTrue(e.getMessage().contains("broken Atom feed"), e.getMessage());
        assertTrue(sink.accepted.isEmpty(), "the page's good first entry is not handed over either");
    }
}
