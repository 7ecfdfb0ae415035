package io.paperpost.subscription;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The client's IP address for rate limits (behind a proxy, enable {@code quarkus.http.proxy.*} so it is the real one). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
