package io.paperpost.preferences;

import io.paperpost.digest.DigestWebView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The reader's past digests, newest first ("Past emails", {@code GET /digests/{token}}), each linking to its web
 * view. Takes any of the reader's web-view tokens; the same headers as {@link DigestWebViewResource}.
 */
@Path("/digests/{token}")
@Produces(MediaType.TEXT_HTML)
public class PastDigestsResource {

    @CheckedTemplate(basePath = "webview")
    static class Templates {
        static native TemplateInstance archive(DigestWebView.Archive archive);
    }

    @Inject
    DigestWebView webView;

    @GET
    public Response digests(@RestPath String token) {
        return DigestWebViewResource.tokenPage(Templates.archive(webView.archive(token)).render());
    }
}
