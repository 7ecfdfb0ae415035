package io.paperpost.papers.http;

import java.time.Duration;

/**
 * How the paper sources use HTTP (see {@code paperpost.sources.http.*}).
 *
 * @param userAgent      sent with every request; names PaperPost and how to reach its operator
 * @param connectTimeout time to open a connection
 * @param readTimeout    time for one whole response, headers and body
 * @param maxRetries     retries after the first attempt, on 408, 429, 5xx, timeouts and network errors
 * @param initialBackoff wait before the first retry; doubled before each next one
 * @param maxBackoff     longest wait between two attempts (unless the server asks for more with Retry-After)
 * @param maxRetryAfter  longest Retry-After honoured; a server asking for longer fails the request at once
 * @param maxBodyBytes   largest response body read
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout, int maxRetries,
        Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, int maxBodyBytes) {
}
