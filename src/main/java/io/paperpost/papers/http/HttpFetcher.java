package io.paperpost.papers.http;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * GETs for the paper sources: JDK {@link HttpClient} with connect and read timeouts, a PaperPost
 * User-Agent, conditional requests (If-None-Match / If-Modified-Since from a {@link ValidatorStore}), and
 * retries with exponential backoff through a SmallRye Fault Tolerance {@link Guard}: on 408, 429, 5xx,
 * timeouts and network errors, waiting what a Retry-After header asks for when it asks.
 */
public final class HttpFetcher {

    private static final Logger LOG = Logger.getLogger(HttpFetcher.class);

    /** One response read through. {@link #notModified()} when the server answered 304 to a conditional GET. */
    public record Response(URI uri, int status, byte[] body, String etag, String lastModified) {

        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpSettings settings;
    private final ValidatorStore validators;
    private final HttpClient client;
    private final Guard guard;

    public HttpFetcher(HttpSettings settings, ValidatorStore validators) {
        this.settings = settings;
        this.validators = validators;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        long initial = Math.max(1, settings.initialBackoff().toMillis());
        // The retry budget: every attempt may use its whole read timeout and the longest wait.
        long budget = (settings.maxRetries() + 1L) * (settings.readTimeout().toMillis()
                + Math.max(settings.maxBackoff().toMillis(), settings.maxRetryAfter().toMillis())) + 1000;
        this.guard = Guard.create()
                .withDescription("paper-source-http")
                .withRetry()
                .maxRetries(settings.maxRetries())
                .delay(initial, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(budget, ChronoUnit.MILLIS)
                .whenException(this::retryable)
                .withCustomBackoff()
                .strategy(() -> new RetryAfterBackoff(settings.maxBackoff().toMillis()))
                .done()
                .done()
                .build();
    }

    /**
     * GETs the URL, spaced by {@code spacing} when given (also between retries). With {@code conditional},
     * sends the validators remembered for this URL, and a 304 comes back as {@link Response#notModified()}.
     *
     * @throws HttpStatusException for an error status (after the retries, when retryable)
     * @throws IOException         for timeouts and network errors after the retries
     */
    public Response get(URI uri, RequestSpacing spacing, boolean conditional) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "identity")
                .GET();
        if (conditional) {
            validators.find(uri.toString()).ifPresent(v -> {
                if (v.etag() != null) {
                    builder.header("If-None-Match", v.etag());
                }
                if (v.lastModified() != null) {
                    builder.header("If-Modified-Since", v.lastModified());
                }
            });
        }
        HttpRequest request = builder.build();
        AtomicInteger attempts = new AtomicInteger();
        try {
            return guard.call(() -> attempt(request, spacing, attempts.incrementAndGet()), Response.class);
        } catch (HttpStatusException e) {
            throw e.afterAttempts(attempts.get());
        } catch (IOException e) {
            throw new IOException(e.getMessage() + " (gave up after " + attempts.get() + " attempts)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + uri);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not fetch " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Remembers the response's validators for the next conditional GET of the same URL. */
    public void remember(Response response) {
        if (response.status() == 200 && (response.etag() != null || response.lastModified() != null)) {
            validators.save(response.uri().toString(),
                    new ValidatorStore.Validators(response.etag(), response.lastModified()));
        }
    }

    private Response attempt(HttpRequest request, RequestSpacing spacing, int attempt) throws Exception {
        if (spacing != null) {
            spacing.await();
        }
        if (attempt > 1) {
            LOG.infof("Retrying %s (attempt %d)", request.uri(), attempt);
        }
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, this::bodyHandler);
        HttpResponse<byte[]> response;
        try {
            // The request timeout only covers the headers: this bounds the body too.
            response = pending.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete response from " + request.uri() + " within "
                    + settings.readTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                // Keep the type (timeouts, connection errors) and say which URL failed.
                if (io instanceof HttpTimeoutException) {
                    throw new HttpTimeoutException("no response from " + request.uri() + " within "
                            + settings.readTimeout().toMillis() + " ms");
                }
                throw new IOException(describe(io) + " fetching " + request.uri(), io);
            }
            throw new IOException("could not fetch " + request.uri() + ": " + e.getCause(), e.getCause());
        }
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status == 304) {
            return new Response(request.uri(), status, new byte[0], null, null);
        }
        if (status < 200 || status >= 300) {
            throw new HttpStatusException(request.uri(), status,
                    retryAfter(headers.firstValue("Retry-After").orElse(null)));
        }
        if (response.body() == null) {
            throw new IOException(
                    "response from " + request.uri() + " is larger than " + settings.maxBodyBytes() + " bytes");
        }
        return new Response(request.uri(), status, response.body(), headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null));
    }

    private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length > settings.maxBodyBytes()) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                body -> body.length > settings.maxBodyBytes() ? null : body);
    }

    private boolean retryable(Throwable failure) {
        if (failure instanceof HttpStatusException status) {
            return status.retryable() && (status.retryAfter() == null
                    || status.retryAfter().compareTo(settings.maxRetryAfter()) <= 0);
        }
        return failure instanceof IOException && !(failure instanceof InterruptedIOException);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Parses a Retry-After value: seconds, or an HTTP date. Null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** Exponential backoff (doubling from the retry delay, up to a maximum) that yields to a server's Retry-After. */
    static final class RetryAfterBackoff implements CustomBackoffStrategy {
        private final long maxDelay;
        private long next;

        RetryAfterBackoff(long maxDelay) {
            this.maxDelay = maxDelay;
        }

        @Override
        public void init(long initialDelayInMillis) {
            next = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long backoff = Math.min(next, maxDelay);
            next = Math.min(next * 2, maxDelay);
            if (cause instanceof HttpStatusException status && status.retryAfter() != null) {
                return status.retryAfter().toMillis();
            }
            return backoff;
        }
    }
}
