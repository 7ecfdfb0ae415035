package io.paperpost.papers;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A WireMock server on a free port standing in for Hugging Face and arXiv, and the configuration that points
 * every source at it with short intervals and backoffs.
 */
public class WireMockSources implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String base = server.baseUrl();
        Map<String, String> config = new HashMap<>();
        config.put("paperpost.sources.http.user-agent", "PaperPost/test (ops@example.org)");
        config.put("paperpost.sources.http.read-timeout", "2s");
        config.put("paperpost.sources.http.max-retries", "2");
        config.put("paperpost.sources.http.initial-backoff", "0.05s");
        config.put("paperpost.sources.http.max-backoff", "0.2s");
        config.put("paperpost.sources.http.max-retry-after", "2s");
        config.put("paperpost.sources.huggingface.enabled", "true");
        config.put("paperpost.sources.huggingface.url", base + "/api/daily_papers");
        config.put("paperpost.sources.huggingface.days", "1");
        config.put("paperpost.sources.huggingface.page-size", "3");
        config.put("paperpost.sources.huggingface.max-pages", "3");
        config.put("paperpost.sources.arxiv.min-interval", "0.05s");
        config.put("paperpost.sources.arxiv.api.enabled", "true");
        config.put("paperpost.sources.arxiv.api.url", base + "/api/query");
        config.put("paperpost.sources.arxiv.api.categories", "cs.LG,cs.CL");
        config.put("paperpost.sources.arxiv.api.page-size", "3");
        config.put("paperpost.sources.arxiv.api.max-results", "9");
        config.put("paperpost.sources.arxiv.rss.enabled", "true");
        config.put("paperpost.sources.arxiv.rss.url", base + "/rss");
        config.put("paperpost.sources.arxiv.rss.categories", "cs.LG,cs.CL");
        config.put("paperpost.sources.file.enabled", "true");
        config.put("paperpost.sources.file.path", "src/test/resources/papers/file/papers.jsonl");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
