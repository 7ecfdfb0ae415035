package io.paperpost.papers.huggingface;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.papers.ArxivIds;
import io.paperpost.papers.InvalidPaperException;
import io.paperpost.papers.JsonFields;
import io.paperpost.papers.PaperKeys;
import io.paperpost.papers.PaperRecord;
import io.paperpost.papers.PaperSource;
import io.paperpost.papers.http.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face Daily Papers: {@code GET <url>?date=YYYY-MM-DD&limit=N&p=P}, a JSON array of items, each
 * with the paper under {@code paper} ({@code id} = arXiv id, {@code title}, {@code summary},
 * {@code publishedAt}, {@code upvotes}, {@code authors[].name}, {@code ai_summary}, {@code ai_keywords},
 * {@code githubRepo}, {@code githubStars}, {@code projectPage}, sometimes {@code organization}), and
 * {@code title}, {@code summary}, {@code publishedAt}, {@code numComments}, {@code thumbnail} on the item.
 * Reads each configured day page by page until a page is short. Each page is parsed whole before any of it
 * is handed over, so a broken body adds nothing of that page.
 */
public final class HuggingFaceDailyPapersSource implements PaperSource {

    public static final String NAME = "huggingface";

    private final HttpFetcher http;
    private final URI url;
    private final List<LocalDate> days;
    private final int pageSize;
    private final int maxPages;
    private final String sort;
    private final ObjectMapper json;
    private final List<HttpFetcher.Response> read = new ArrayList<>();

    /**
     * @param days     the days whose lists to read
     * @param pageSize items asked per page ({@code limit})
     * @param maxPages pages read per day at most
     * @param sort     {@code sort} parameter (e.g. {@code trending}); null or empty to leave it out
     */
    public HuggingFaceDailyPapersSource(HttpFetcher http, URI url, List<LocalDate> days, int pageSize, int maxPages,
            String sort, ObjectMapper json) {
        this.http = http;
        this.url = url;
        this.days = List.copyOf(days);
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.sort = sort == null || sort.isBlank() ? null : sort;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        int position = 0;
        for (LocalDate day : days) {
            for (int page = 0; page < maxPages; page++) {
                HttpFetcher.Response response = http.get(pageUri(day, page), null, true);
                if (response.notModified()) {
                    // Unchanged since its last import: so are the pages after it (they shift together).
                    break;
                }
                JsonNode items = parsePage(response.body(), response.uri());
                read.add(response);
                for (int i = 0; i < items.size(); i++) {
                    position++;
                    try {
                        sink.accept(position, parseItem(items.get(i)));
                    } catch (InvalidPaperException e) {
                        sink.reject(position, day + " page " + page + " item " + (i + 1) + ": " + e.getMessage());
                    }
                }
                if (items.size() < pageSize) {
                    break;
                }
            }
        }
    }

    @Override
    public void imported() {
        read.forEach(http::remember);
    }

    URI pageUri(LocalDate day, int page) {
        String query = "date=" + day + "&limit=" + pageSize + "&p=" + page
                + (sort == null ? "" : "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8));
        return URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    JsonNode parsePage(byte[] body, URI from) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(
                    "Hugging Face answered " + from + " with a body that is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IOException("Hugging Face answered " + from + " with JSON that is not a list of papers");
        }
        return root;
    }

    /** One item of the list, validated. */
    public static PaperRecord parseItem(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new InvalidPaperException("expected a JSON object");
        }
        JsonNode paper = item.get("paper");
        if (paper == null || !paper.isObject()) {
            throw new InvalidPaperException("'paper' is missing");
        }
        String title = first(JsonFields.text(paper, "title", JsonFields.TITLE, false),
                JsonFields.text(item, "title", JsonFields.TITLE, false));
        if (title == null) {
            throw new InvalidPaperException("'title' is missing");
        }
        String arxiv = JsonFields.text(paper, "id", 100, false);
        String id;
        Integer version = null;
        if (arxiv == null) {
            id = PaperKeys.fromTitle(title);
        } else {
            ArxivIds.ArxivId parsed = ArxivIds.parse(arxiv)
                    .orElseThrow(() -> new InvalidPaperException("'paper.id' is not an arXiv id: " + arxiv));
            id = parsed.id();
            version = parsed.version();
        }
        List<String> authors = JsonFields.names(paper, "authors", 10_000);
        return PaperRecord.builder(id, title)
                .summary(first(JsonFields.text(paper, "summary", JsonFields.SUMMARY, false),
                        JsonFields.text(item, "summary", JsonFields.SUMMARY, false)))
                .authors(authors)
                .authorCount(authors.isEmpty() ? null : authors.size())
                .organization(first(organization(paper), organization(item)))
                .publishedOn(first(JsonFields.date(paper, "publishedAt"), JsonFields.date(item, "publishedAt")))
                .upvotes(JsonFields.count(paper, "upvotes"))
                .codeUrl(JsonFields.url(paper, "githubRepo"))
                .githubStars(JsonFields.count(paper, "githubStars"))
                .projectUrl(JsonFields.url(paper, "projectPage"))
                .aiSummary(JsonFields.text(paper, "ai_summary", JsonFields.AI_SUMMARY, false))
                .keywords(JsonFields.names(paper, "ai_keywords", 100))
                .version(version)
                .build();
    }

    /** {@code organization} as an object ({@code fullname}, else {@code name}) or a string. */
    private static String organization(JsonNode node) {
        JsonNode org = node.get("organization");
        if (org == null || org.isNull()) {
            return null;
        }
        if (org.isObject()) {
            return first(JsonFields.text(org, "fullname", JsonFields.ORGANIZATION, false),
                    JsonFields.text(org, "name", JsonFields.ORGANIZATION, false));
        }
        return JsonFields.text(node, "organization", JsonFields.ORGANIZATION, false);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
