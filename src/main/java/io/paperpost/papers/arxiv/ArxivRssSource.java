package io.paperpost.papers.arxiv;

import io.paperpost.papers.PaperSource;
import io.paperpost.papers.http.HttpFetcher;
import io.paperpost.papers.http.RequestSpacing;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * arXiv's daily announcement feed for the configured categories, in one request
 * ({@code <url>/cs.LG+cs.CL}), conditional on the validators of the last import: an unchanged feed (304) adds
 * nothing. New and cross-listed papers are added; {@code replace} and {@code replace-cross} items record a new
 * version of a known paper (see {@code PaperStore}).
 */
public final class ArxivRssSource implements PaperSource {

    public static final String NAME = "arxiv-rss";

    private final HttpFetcher http;
    private final RequestSpacing spacing;
    private final URI feed;
    private HttpFetcher.Response read;

    public ArxivRssSource(HttpFetcher http, RequestSpacing spacing, URI url, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("the arXiv RSS source needs at least one category");
        }
        this.http = http;
        this.spacing = spacing;
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        this.feed = URI.create(base + String.join("+", categories));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        HttpFetcher.Response response = http.get(feed, spacing, true);
        if (response.notModified()) {
            return;
        }
        List<ArxivRssParser.Item> items;
        try {
            items = ArxivRssParser.parse(response.body());
        } catch (IOException e) {
            throw new IOException(feed + ": " + e.getMessage(), e);
        }
        read = response;
        int position = 0;
        for (ArxivRssParser.Item item : items) {
            position++;
            if (item.record() != null) {
                sink.accept(position, item.record());
            } else {
                sink.reject(position, "item " + position + " " + item.error());
            }
        }
    }

    @Override
    public void imported() {
        if (read != null) {
            http.remember(read);
        }
    }

    URI feed() {
        return feed;
    }
}
