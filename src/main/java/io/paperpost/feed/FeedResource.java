package io.paperpost.feed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The reader's Atom feed: {@code GET /feed/{token}.atom}, read-only (fetching it changes nothing, like every link
 * in an email), HEAD included. Feed readers poll every few minutes, so it answers 304 to a matching
 * {@code If-None-Match} (a hash of the document) or {@code If-Modified-Since} (the newest entry), and may be kept
 * only by the reader's own client ({@code private}: the URL is their credential). A bad, revoked or signed-out token
 * is the site's usual 404.
 */
@Path("/feed/{token}.atom")
public class FeedResource {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    private static final CacheControl PRIVATE = CacheControl.valueOf("private, no-cache");

    @Inject
    ReaderFeeds feeds;
    @Inject
    AtomWriter writer;

    @GET
    @Produces(ATOM)
    public Response feed(@RestPath String token, @Context Request request) {
        ReaderFeed feed = feeds.of(token);
        String xml = writer.write(feed);
        EntityTag etag = new EntityTag(hash(xml));
        // HTTP dates have whole seconds; the entries' times are on the hour anyway.
        Date lastModified = new Date(feed.updated().toInstant().getEpochSecond() * 1000);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, etag);
        if (unchanged != null) {
            return unchanged.cacheControl(PRIVATE).tag(etag).lastModified(lastModified).build();
        }
        return Response.ok(xml, ATOM).tag(etag).lastModified(lastModified).cacheControl(PRIVATE).build();
    }

    /** The first 128 bits of the document's SHA-256, in hex: changes with any byte of the feed. */
    private static String hash(String xml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
