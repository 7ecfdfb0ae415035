package io.paperpost.bounces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real-shaped reports under src/test/resources/bounces/, filled in for one email: its Message-ID, the address
 * it went to, the return path it was sent from, and a report id that keeps reports of different tests apart.
 */
public record BounceSamples(String messageId, String recipient, String returnPath, String reportId) {

    public byte[] load(String name) {
        try (InputStream in = BounceSamples.class.getResourceAsStream("/bounces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${messageId}", messageId)
                    .replace("${recipient}", recipient)
                    .replace("${returnPath}", returnPath)
                    .replace("${reportId}", reportId)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
