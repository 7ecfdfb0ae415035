package io.paperpost.site;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One Bucket4j token bucket per key (a client address, a mailbox), all with the same allowance, kept in memory: a
 * restart forgets them, which only ever lets a few more attempts through. Beyond {@code maxTracked} keys, the
 * buckets that are full again (idle keys) are dropped, so a flood of new keys cannot grow it without bound.
 */
public final class KeyedBuckets {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth bandwidth;
    private final int maxTracked;

    /** {@code capacity} takes per {@code period}, refilled greedily. */
    public KeyedBuckets(long capacity, Duration period, int maxTracked) {
        this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        this.maxTracked = maxTracked;
    }

    /** Takes one from the key's allowance; the probe says whether it was there, and how long until the next. */
    public ConsumptionProbe take(String key) {
        if (buckets.size() > maxTracked) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= bandwidth.getCapacity());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth).build())
                .tryConsumeAndReturnRemaining(1);
    }

    /** How long until the key may take one again: zero when it may now. Takes nothing. */
    public Duration waitFor(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null
                ? Duration.ZERO
                : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** Forgets every key's use. */
    public void clear() {
        buckets.clear();
    }
}
