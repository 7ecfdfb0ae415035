package io.paperpost.admin;

import io.paperpost.site.RejectedRequestException;
import io.paperpost.site.SameOrigin;
import io.paperpost.site.SiteConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a state change of the admin API that a browser sent from another site. Browsers attach saved basic-auth
 * credentials to cross-site form posts, so without this a page elsewhere could start a digest (CSRF). A browser
 * names the page's origin on every cross-site POST ({@code Origin}, RFC 6454; {@code Sec-Fetch-Site}); scripts and
 * MTAs such as {@code curl} send neither and are not affected. {@code Origin: null} (a sandboxed frame, a
 * redirect across sites) counts as another site.
 */
public class AdminApiOriginCheck {

    private static final Logger LOG = Logger.getLogger(AdminApiOriginCheck.class);
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    SiteConfig site;

    @ServerRequestFilter
    public void refuseCrossSiteChanges(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/v1/admin")) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        boolean foreignOrigin = origin != null
                && !SameOrigin.isThisSite(origin, request.getHeaderString("Host"), site.baseUrl());
        boolean crossSiteFetch = "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite);
        if (foreignOrigin || crossSiteFetch) {
            LOG.warnf("Refused %s %s from origin %s (Sec-Fetch-Site %s)", request.getMethod(),
                    request.getUriInfo().getPath(), origin, fetchSite);
            throw new RejectedRequestException(Response.Status.FORBIDDEN, "Refused",
                    "The admin API takes changes only from scripts or from " + site.name() + "'s own pages, not "
                            + "from another site.",
                    null);
        }
    }
}
