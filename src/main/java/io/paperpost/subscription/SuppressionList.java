package io.paperpost.subscription;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Addresses of readers who asked to be erased, as keyed hashes: nothing may be sent to them again unless they
 * sign up anew and confirm. Callers run inside a transaction.
 */
@ApplicationScoped
public class SuppressionList {

    @Inject
    ReaderTokens tokens;
    @Inject
    Clock clock;

    public boolean isSuppressed(String normalizedEmail) {
        return tokens.addressHashes(normalizedEmail).stream().anyMatch(h -> SuppressedAddress.findById(h) != null);
    }

    void suppress(String normalizedEmail) {
        String hash = tokens.addressHashes(normalizedEmail).get(0);
        if (SuppressedAddress.findById(hash) == null) {
            SuppressedAddress entry = new SuppressedAddress();
            entry.addressHash = hash;
            entry.suppressedAt = clock.instant();
            entry.persist();
        }
    }

    /** The address was confirmed again: its owner wants email after all. */
    void lift(String normalizedEmail) {
        for (String hash : tokens.addressHashes(normalizedEmail)) {
            SuppressedAddress.deleteById(hash);
        }
    }
}
