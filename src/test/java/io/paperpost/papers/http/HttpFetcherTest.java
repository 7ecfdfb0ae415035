package io.paperpost.papers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.paperpost.papers.IngestionTestProfile;
import io.paperpost.papers.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class HttpFetcherTest {

    static final String USER_AGENT = "PaperPost/test (ops@example.org)";

    @InjectWireMock
    WireMockServer server;

    final MemoryValidators validators = new MemoryValidators();
    HttpFetcher fetcher;

    /** Validators kept in a map, as the database keeps them. */
    static final class MemoryValidators implements ValidatorStore {
        final Map<String, Validators> saved = new ConcurrentHashMap<>();

        @Override
        public Optional<Validators> find(String url) {
            return Optional.ofNullable(saved.get(url));
        }

        @Override
        public void save(String url, Validators v) {
            saved.put(url, v);
        }
    }

    static HttpSettings settings(Duration readTimeout, Duration maxRetryAfter) {
        return new HttpSettings(USER_AGENT, Duration.ofSeconds(2), readTimeout, 2, Duration.ofMillis(50),
                Duration.ofMillis(200), maxRetryAfter, 1_000_000);
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        fetcher = new HttpFetcher(settings(Duration.ofSeconds(2), Duration.ofSeconds(2)), validators);
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void sendsPaperPostUserAgentAndReturnsBody() throws IOException {
        server.stubFor(get("/feed").willReturn(ok("hello")));

        HttpFetcher.Response response = fetcher.get(uri("/feed"), null, false);

        assertEquals(200, response.status());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), response.body());
        server.verify(1, getRequestedFor(urlEqualTo("/feed")).withHeader("User-Agent", equalTo(USER_AGENT)));
    }

    @Test
    void retriesAfter429HonouringRetryAfterThenSucceeds() throws IOException {
        server.stubFor(get("/busy").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        server.stubFor(get("/busy").inScenario("busy").whenScenarioStateIs("calm").willReturn(ok("at last")));

        long started = System.nanoTime();
        HttpFetcher.Response response = fetcher.get(uri("/busy"), null, false);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("at last", new String(response.body(), StandardCharsets.UTF_8));
        server.verify(2, getRequestedFor(urlEqualTo("/busy")));
        // Retry-After: 1 asks for a second, far more than the 50 ms backoff.
        assertTrue(elapsedMillis >= 950, "waited only " + elapsedMillis + " ms");
    }

    @Test
    void retriesServerErrorsWithBackoffThenGivesUp() {
        server.stubFor(get("/down").willReturn(serverError().withBody("upstream timeout")));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> fetcher.get(uri("/down"), null, false));

        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        server.verify(3, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void doesNotRetryClientErrors() {
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> fetcher.get(uri("/gone"), null, false));

        assertEquals(404, e.status());
        server.verify(1, getRequestedFor(urlEqualTo("/gone")));
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanAllowed() {
        server.stubFor(get("/later").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> fetcher.get(uri("/later"), null, false));

        assertEquals(Duration.ofHours(1), e.retryAfter());
        server.verify(1, getRequestedFor(urlEqualTo("/later")));
    }

    @Test
    void timesOutSlowResponsesAndRetriesThem() {
        fetcher = new HttpFetcher(settings(Duration.ofMillis(300), Duration.ofSeconds(1)), validators);
        server.stubFor(get("/slow").willReturn(ok("too late").withFixedDelay(1500)));

        long started = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> fetcher.get(uri("/slow"), null, false));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(e.getCause() instanceof HttpTimeoutException, "cause: " + e.getCause());
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        server.verify(3, getRequestedFor(urlEqualTo("/slow")));
        assertTrue(elapsedMillis < 1500 * 3, "timeouts did not cut the waits: " + elapsedMillis + " ms");
    }

    @Test
    void sendsRememberedValidatorsAndHandlesNotModified() throws IOException {
        server.stubFor(get("/rss").withHeader("If-None-Match", absent())
                .willReturn(ok("<rss/>").withHeader("ETag", "\"v1\"").withHeader("Last-Modified",
                        "Thu, 23 Oct 2025 04:00:00 GMT")));
        server.stubFor(get("/rss").withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Thu, 23 Oct 2025 04:00:00 GMT"))
                .willReturn(aResponse().withStatus(304)));

        HttpFetcher.Response first = fetcher.get(uri("/rss"), null, true);
        assertFalse(first.notModified());
        assertTrue(validators.saved.isEmpty(), "validators are remembered only once the content is imported");
        fetcher.remember(first);
        assertEquals("\"v1\"", validators.saved.get(uri("/rss").toString()).etag());

        HttpFetcher.Response second = fetcher.get(uri("/rss"), null, true);

        assertTrue(second.notModified());
        assertEquals(0, second.body().length);
    }

    @Test
    void spacingKeepsRequestsApart() throws Exception {
        server.stubFor(get("/a").willReturn(ok("a")));
        RequestSpacing spacing = new RequestSpacing(Duration.ofMillis(300));

        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            fetcher.get(uri("/a"), spacing, false);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(elapsedMillis >= 600, "three requests 300 ms apart took only " + elapsedMillis + " ms");
    }

    @Test
    void readsRetryAfterAsSecondsOrDate() {
        assertEquals(Duration.ofSeconds(120), HttpFetcher.retryAfter("120"));
        assertEquals(Duration.ZERO, HttpFetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(null, HttpFetcher.retryAfter("soon"));
    }
}
