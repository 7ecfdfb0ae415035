package io.paperpost.papers.huggingface;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.paperpost.papers.Collected;
import io.paperpost.papers.Fixtures;
import io.paperpost.papers.IngestionTestProfile;
import io.paperpost.papers.InjectWireMock;
import io.paperpost.papers.PaperRecord;
import io.paperpost.papers.http.HttpFetcher;
import io.paperpost.papers.http.HttpSettings;
import io.paperpost.papers.http.ValidatorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class HuggingFaceDailyPapersSourceTest {

    static final LocalDate DAY = LocalDate.of(2025, 10, 23);

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

    HuggingFaceDailyPapersSource source() {
        return new HuggingFaceDailyPapersSource(http, URI.create(server.baseUrl() + "/api/daily_papers"), List.of(DAY),
                3, 5, null, new ObjectMapper());
    }

    void stubPage(int page, String fixture) {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2025-10-23"))
                .withQueryParam("limit", equalTo("3")).withQueryParam("p", equalTo(String.valueOf(page)))
                .willReturn(okForContentType("application/json", new String(Fixtures.bytes(fixture)))));
    }

    @Test
    void readsEveryPageOfTheDayWithTheNestedPaper() throws IOException {
        stubPage(0, "huggingface/daily_papers-2025-10-23-p0.json");
        stubPage(1, "huggingface/daily_papers-2025-10-23-p1.json");
        Collected sink = new Collected();

        source().fetch(sink);

        // Page 0 is full (3 items), so page 1 is read; it is short, so paging stops there.
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/daily_papers")));
        assertEquals(List.of("2510.19338", "2510.18866", "2510.16555"),
                sink.accepted.stream().map(PaperRecord::id).toList());
        assertEquals(List.of(1, 2, 4), sink.positions);

        PaperRecord hybrid = sink.accepted.get(0);
        assertEquals("Every Attention Matters: An Efficient Hybrid Architecture for Long-Context Reasoning",
                hybrid.title());
        assertEquals(List.of("Wei Zhang", "José García", "Priya Raman"), hybrid.authors());
        assertEquals(87, hybrid.upvotes());
        assertEquals("https://github.com/example-org/hybrid-attention", hybrid.codeUrl());
        assertEquals(412, hybrid.githubStars());
        assertEquals("https://example-org.github.io/hybrid-attention", hybrid.projectUrl());
        assertEquals("Example AI Lab", hybrid.organization());
        assertEquals(LocalDate.of(2025, 10, 22), hybrid.publishedOn());
        assertEquals(List.of("linear attention", "KV cache", "long context", "hybrid architecture"), hybrid.keywords());
        assertTrue(hybrid.aiSummary().startsWith("A hybrid attention model"));
        assertTrue(hybrid.categories().isEmpty(), "Hugging Face gives no categories");

        PaperRecord lightMem = sink.accepted.get(1);
        assertEquals(2, lightMem.version(), "2510.18866v2 is version 2 of 2510.18866");
        assertNull(lightMem.codeUrl());
        assertNull(lightMem.organization());
    }

    @Test
    void rejectsABrokenItemWithItsPositionAndReason() throws IOException {
        stubPage(0, "huggingface/daily_papers-2025-10-23-p0.json");
        stubPage(1, "huggingface/daily_papers-2025-10-23-p1.json");
        Collected sink = new Collected();

        source().fetch(sink);

        assertEquals(List.of("3: 2025-10-23 page 0 item 3: 'title' is missing"), sink.rejected);
    }

    @Test
    void aBodyThatIsNotJsonFailsTheSource() {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.bytes("huggingface/not-json.txt"))));
        Collected sink = new Collected();

        IOException e = assertThrows(IOException.class, () -> source().fetch(sink));

        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertTrue(sink.accepted.isEmpty());
    }

    @Test
    void jsonThatIsNotAListFailsTheSource() {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers"))
                .willReturn(okForContentType("application/json", "{\"error\":\"Invalid date\"}")));

        IOException e = assertThrows(IOException.class, () -> source().fetch(new Collected()));

        assertTrue(e.getMessage().contains("not a list of papers"), e.getMessage());
    }

    @Test
    void itemsWithoutArxivIdAreKeyedByTitle() {
        var item = new ObjectMapper().createObjectNode();
        item.putObject("paper").put("title", "Untitled Preprint").put("upvotes", 2);

        PaperRecord record = HuggingFaceDailyPapersSource.parseItem(item);

        assertEquals(io.paperpost.papers.PaperKeys.fromTitle("Untitled Preprint"), record.id());
        assertEquals(2, record.upvotes());
    }
}
