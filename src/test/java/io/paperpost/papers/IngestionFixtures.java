package io.paperpost.papers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** The recorded responses served the way the real sites serve them, and clean-up of the papers they hold. */
public final class IngestionFixtures {

    /** The arXiv ids and titles in the recorded responses. */
    static final List<String> IDS = List.of("2510.19338", "2510.18866", "2510.19001", "2510.18950", "2510.16555",
            "2510.17500", "2510.17400", "2510.20001", "2409.00001");
    static final List<String> TITLES = List.of("A Workshop Paper Without arXiv Id");

    private IngestionFixtures() {
    }

    public static void forgetFixturePapers() {
        QuarkusTransaction.requiringNew().run(() -> {
            Paper.delete("id in ?1 or arxivId in ?1", IDS);
            Paper.delete("titleKey in ?1", TITLES.stream().map(PaperKeys::fromTitle).toList());
        });
    }

    public static Paper paper(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById(id));
    }

    public static void stubArxiv(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("0"))
                .willReturn(
                        okForContentType("application/atom+xml", new String(Fixtures.bytes("arxiv/api-page-0.xml")))));
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("3"))
                .willReturn(
                        okForContentType("application/atom+xml", new String(Fixtures.bytes("arxiv/api-page-3.xml")))));
        server.stubFor(get(urlPathEqualTo("/rss/cs.LG+cs.CL")).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml")
                        .withHeader("ETag", "\"feed-2025-10-23\"")
                        .withBody(Fixtures.bytes("arxiv/rss-cs.LG+cs.CL.xml"))));
        server.stubFor(
                get(urlPathEqualTo("/rss/cs.LG+cs.CL")).withHeader("If-None-Match", equalTo("\"feed-2025-10-23\""))
                        .willReturn(aResponse().withStatus(304)));
    }

    public static void stubHuggingFace(WireMockServer server) {
        for (int page = 0; page < 2; page++) {
            server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("p", equalTo(String.valueOf(page)))
                    .willReturn(okForContentType("application/json",
                            new String(Fixtures.bytes("huggingface/daily_papers-2025-10-23-p" + page + ".json")))));
        }
    }
}
