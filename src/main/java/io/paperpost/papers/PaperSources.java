package io.paperpost.papers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.papers.arxiv.ArxivApiSource;
import io.paperpost.papers.arxiv.ArxivRssSource;
import io.paperpost.papers.http.DatabaseValidatorStore;
import io.paperpost.papers.http.HttpFetcher;
import io.paperpost.papers.http.HttpSettings;
import io.paperpost.papers.http.RequestSpacing;
import io.paperpost.papers.huggingface.HuggingFaceDailyPapersSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The sources enabled in {@link SourcesConfig}, made fresh for each daily import. */
@ApplicationScoped
public class PaperSources {

    @Inject
    SourcesConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    ImportRuns runs;
    @Inject
    DatabaseValidatorStore validators;

    private HttpFetcher http;
    /** One spacing for every arXiv host: the API and the RSS feed are the same site. */
    private RequestSpacing arxivSpacing;

    @PostConstruct
    void init() {
        SourcesConfig.Http h = config.http();
        http = new HttpFetcher(new HttpSettings(h.userAgent(), h.connectTimeout(), h.readTimeout(), h.maxRetries(),
                h.initialBackoff(), h.maxBackoff(), h.maxRetryAfter(), h.maxBodyBytes()), validators);
        arxivSpacing = new RequestSpacing(config.arxiv().minInterval());
    }

    /** The enabled sources, in the order the daily import reads them. */
    public List<PaperSource> enabled() {
        List<PaperSource> sources = new ArrayList<>();
        SourcesConfig.Arxiv arxiv = config.arxiv();
        if (arxiv.api().enabled()) {
            sources.add(new ArxivApiSource(http, arxivSpacing, URI.create(arxiv.api().url()), arxiv.api().categories(),
                    arxiv.api().pageSize(), arxiv.api().maxResults(), this::arxivApiSince));
        }
        if (arxiv.rss().enabled()) {
            sources.add(
                    new ArxivRssSource(http, arxivSpacing, URI.create(arxiv.rss().url()), arxiv.rss().categories()));
        }
        SourcesConfig.HuggingFace hf = config.huggingface();
        if (hf.enabled()) {
            LocalDate today = LocalDate.now(clock);
            List<LocalDate> days = new ArrayList<>();
            for (int back = Math.max(1, hf.days()) - 1; back >= 0; back--) {
                days.add(today.minusDays(back));
            }
            sources.add(new HuggingFaceDailyPapersSource(http, URI.create(hf.url()), days, hf.pageSize(),
                    hf.maxPages(), hf.sort().orElse(null), json));
        }
        if (config.file().enabled()) {
            sources.add(new JsonLinesFileSource(JsonLinesFileSource.NAME, Path.of(config.file().path()), json));
        }
        return sources;
    }

    /** The arXiv API reads back to the last successful import (less the overlap), or the first lookback. */
    Instant arxivApiSince() {
        SourcesConfig.Arxiv.Api api = config.arxiv().api();
        return runs.lastSuccessfulStart(ArxivApiSource.NAME).map(start -> start.minus(api.overlap()))
                .orElseGet(() -> clock.instant().minus(api.firstLookback()));
    }
}
