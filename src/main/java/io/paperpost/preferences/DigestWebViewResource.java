package io.paperpost.preferences;

import io.paperpost.digest.DigestWebView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A sent digest as a page ("View in your browser", {@code GET /digest/{token}}), rendered by the email's own
 * template. Read-only, so a mail scanner opening the link changes nothing. The signed token is in the URL: the page
 * asks not to be indexed and sends no Referer to the papers it links to. The reader's past digests are
 * {@link PastDigestsResource}.
 */
@Path("/digest/{token}")
@Produces(MediaType.TEXT_HTML)
public class DigestWebViewResource {

    @Inject
    DigestWebView webView;

    @GET
    public Response digest(@RestPath String token) {
        return tokenPage(webView.page(token));
    }

    /**
     * The headers of a page whose URL carries a reader's token: not indexed (the header covers what the page's
     * meta tag cannot, e.g. a HEAD), no Referer leaving with the token, and not kept by shared caches.
     */
    static Response tokenPage(String html) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "private, no-store").build();
    }
}
