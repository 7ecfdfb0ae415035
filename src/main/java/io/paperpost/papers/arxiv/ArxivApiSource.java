package io.paperpost.papers.arxiv;

import io.paperpost.papers.PaperSource;
import io.paperpost.papers.http.HttpFetcher;
import io.paperpost.papers.http.RequestSpacing;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The arXiv API ({@code <url>?search_query=cat:cs.LG OR cat:cs.CL&sortBy=submittedDate&sortOrder=descending
 * &start=S&max_results=N}), newest submissions first, page by page until the entries are older than
 * {@code since} (the last successful import, less an overlap), a page comes back short, or
 * {@code maxResults} entries were read. Requests keep the configured spacing (arXiv asks for 3 s).
 * Entries older than {@code since} are left out: they were read by an earlier import.
 */
public final class ArxivApiSource implements PaperSource {

    public static final String NAME = "arxiv-api";
    private static final Logger LOG = Logger.getLogger(ArxivApiSource.class);

    private final HttpFetcher http;
    private final RequestSpacing spacing;
    private final URI url;
    private final List<String> categories;
    private final int pageSize;
    private final int maxResults;
    private final Supplier<Instant> since;

    /** @param since when to stop paging back; asked when the fetch starts */
    public ArxivApiSource(HttpFetcher http, RequestSpacing spacing, URI url, List<String> categories, int pageSize,
            int maxResults, Supplier<Instant> since) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("the arXiv API source needs at least one category");
        }
        this.http = http;
        this.spacing = spacing;
        this.url = url;
        this.categories = List.copyOf(categories);
        this.pageSize = pageSize;
        this.maxResults = maxResults;
        this.since = since;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        Instant oldest = since.get();
        int position = 0;
        for (int start = 0; start < maxResults;) {
            int asked = Math.min(pageSize, maxResults - start);
            HttpFetcher.Response response = http.get(pageUri(start, asked), spacing, false);
            ArxivAtomParser.Page page;
            try {
                page = ArxivAtomParser.parse(response.body());
            } catch (IOException e) {
                throw new IOException("arXiv API page at start=" + start + ": " + e.getMessage(), e);
            }
            boolean reachedOlder = false;
            for (ArxivAtomParser.Entry entry : page.entries()) {
                if (entry.published() != null && entry.published().isBefore(oldest)) {
                    reachedOlder = true;
                    break;
                }
                position++;
                if (entry.record() != null) {
                    sink.accept(position, entry.record());
                } else {
                    sink.reject(position, "entry " + position + " " + entry.error());
                }
            }
            start += page.entries().size();
            if (reachedOlder || page.entries().size() < asked
                    || (page.totalResults() >= 0 && start >= page.totalResults())) {
                break;
            }
        }
        LOG.debugf("arXiv API: read %d entries submitted since %s", position, oldest);
    }

    URI pageUri(int start, int count) {
        String query = categories.stream().map(c -> "cat:" + c).collect(Collectors.joining(" OR "));
        return URI.create(url + "?search_query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&sortBy=submittedDate&sortOrder=descending&start=" + start + "&max_results=" + count);
    }
}
