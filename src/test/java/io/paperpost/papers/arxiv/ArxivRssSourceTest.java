package io.paperpost.papers.arxiv;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ArxivRssSourceTest {

    static final String FEED = "/rss/cs.LG+cs.CL";

    @InjectWireMock
    WireMockServer server;

    final Map<String, ValidatorStore.Validators> saved = new ConcurrentHashMap<>();
    HttpFetcher http;

    @BeforeEach
    void setUp() {
        server.resetAll();
        saved.clear();
        http = new HttpFetcher(new HttpSettings("PaperPost/test", Duration.ofSeconds(2), Duration.ofSeconds(2), 1,
                Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(1), 1_000_000), new ValidatorStore() {
                    @Override
                    public Optional<Validators> find(String url) {
                        return Optional.ofNullable(saved.get(url));
                    }

                    @Override
                    public void save(String url, Validators validators) {
                        saved.put(url, validators);
                    }
                });
    }

    ArxivRssSource source() {
        return new ArxivRssSource(http, new RequestSpacing(Duration.ofMillis(10)),
                URI.create(server.baseUrl() + "/rss"),
                List.of("cs.LG", "cs.CL"));
    }

    void stubFeed(String fixture) {
        server.stubFor(get(urlPathEqualTo(FEED)).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml")
                        .withHeader("ETag", "\"feed-2025-10-23\"").withBody(Fixtures.bytes(fixture))));
    }

    @Test
    void readsAnnouncementsWithTypeVersionAuthorsAndCategories() throws IOException {
        stubFeed("arxiv/rss-cs.LG+cs.CL.xml");
        Collected sink = new Collected();

        source().fetch(sink);

        assertEquals(List.of("2510.20001", "2510.19338", "2510.16555", "2409.00001"),
                sink.accepted.stream().map(PaperRecord::id).toList());
        PaperRecord moe = sink.accepted.get(0);
        assertEquals("Sparse Mixture-of-Experts Routing without Auxiliary Losses & Load Imbalance", moe.title());
        assertEquals("new", moe.announceType());
        assertEquals(1, moe.version());
        assertEquals(List.of("Alice Smith", "Bob Jones", "Chen Wei"), moe.authors());
        assertEquals(List.of("cs.LG", "cs.AI"), moe.categories());
        assertEquals(LocalDate.of(2025, 10, 23), moe.publishedOn());
        assertEquals(
                "We propose a router for sparse mixture-of-experts models that balances load without auxiliary losses.",
                moe.summary());
        assertEquals("cross", sink.accepted.get(1).announceType());

        PaperRecord replaced = sink.accepted.get(2);
        assertEquals("replace", replaced.announceType());
        assertEquals(2, replaced.version());
        assertTrue(replaced.isReplacement());
        assertNull(replaced.publishedOn(), "a new version's announcement day is not the publication day");
        assertEquals(List.of("Kenji Watanabe", "Sara Rossi", "Luca Bianchi"), replaced.authors());
        assertEquals("replace-cross", sink.accepted.get(3).announceType());
        assertEquals(3, sink.accepted.get(3).version());
    }

    @Test
    void rejectsAnItemWithoutIdentifierAndKeepsTheRest() throws IOException {
        stubFeed("arxiv/rss-cs.LG+cs.CL.xml");
        Collected sink = new Collected();

        source().fetch(sink);

        assertEquals(List.of("5: item 5 no arXiv id in 'guid' or 'link'"), sink.rejected);
        assertEquals(4, sink.accepted.size());
    }

    @Test
    void anUnchangedFeedIsNotReadAgain() throws IOException {
        stubFeed("arxiv/rss-cs.LG+cs.CL.xml");
        server.stubFor(get(urlPathEqualTo(FEED)).withHeader("If-None-Match", equalTo("\"feed-2025-10-23\""))
                .willReturn(aResponse().withStatus(304)));
        ArxivRssSource first = source();
        first.fetch(new Collected());
        first.imported();
        assertEquals("\"feed-2025-10-23\"", saved.get(server.baseUrl() + FEED).etag());

        Collected second = new Collected();
        source().fetch(second);

        assertTrue(second.accepted.isEmpty());
        assertTrue(second.rejected.isEmpty());
    }

    @Test
    void validatorsAreNotKeptWhenTheImportDidNotFinish() throws IOException {
        stubFeed("arxiv/rss-cs.LG+cs.CL.xml");

        source().fetch(new Collected());

        assertTrue(saved.isEmpty(), "imported() was not called: the next run must read the feed in full");
    }

    @Test
    void aBodyThatIsNotRssFailsTheSource() {
        stubFeed("arxiv/api-page-0.xml");

        IOException e = assertThrows(IOException.class, () -> source().fetch(new Collected()));

        assertTrue(e.getMessage().contains("expected an RSS feed"), e.getMessage());
    }
}
