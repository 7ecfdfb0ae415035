package io.paperpost.site;

import java.net.URI;
import java.util.Optional;

/** Where a browser says a request comes from ({@code Origin}, or {@code Referer}), compared with a host. */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** The {@code host[:port]} of an Origin or Referer value; empty when it is not a URL with a host. */
    public static Optional<String> hostOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the Origin or Referer value names the host ({@code host[:port]}, as in the Host header). */
    public static boolean is(String url, String host) {
        return host != null && hostOf(url).filter(host::equalsIgnoreCase).isPresent();
    }

    /**
     * Whether the Origin or Referer value names this site: the request's own host, or the host of the configured
     * base URL (behind a proxy the two differ). {@code null} (RFC 6454's opaque origin) is never this site.
     */
    public static boolean isThisSite(String url, String host, String baseUrl) {
        return is(url, host) || is(url, hostOf(baseUrl).orElse(null));
    }
}
