package io.paperpost.subscription;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.site.RejectedRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per client IP and per mailbox ({@link EmailAddresses#key}, so every spelling of an address shares one) token
 * buckets (Bucket4j) for signups and confirmation resends. Kept in
 * memory: a restart forgets them, which only ever lets a few more attempts through.
 */
@ApplicationScoped
public class SignupRateLimits {

    /** Beyond this many tracked keys, buckets that are full again (idle clients) are dropped. */
    static final int MAX_TRACKED = 100_000;

    @Inject
    SubscriptionConfig config;

    private final ConcurrentMap<String, Bucket> perIp = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private Bandwidth ipBandwidth;
    private Bandwidth addressBandwidth;

    @PostConstruct
    void init() {
        ipBandwidth = bandwidth(config.perIpLimit(), config.perIpPeriod());
        addressBandwidth = bandwidth(config.perAddressLimit(), config.perAddressPeriod());
    }

    /**
     * Takes one signup from the client's and the address's allowance.
     *
     * @throws RejectedRequestException (429) when either is used up
     */
    public void acquire(String clientIp, String normalizedEmail) {
        ConsumptionProbe ip = take(perIp, ipBandwidth, clientIp == null ? "unknown" : clientIp);
        if (!ip.isConsumed()) {
            throw tooMany(
                    "There have been many signups from your network in a short time. Please try again in a few minutes.",
                    ip);
        }
        ConsumptionProbe address = take(perAddress, addressBandwidth, EmailAddresses.key(normalizedEmail));
        if (!address.isConsumed()) {
            throw tooMany(
                    "We have just sent several emails to this address. Please check your inbox (and spam folder), "
                            + "or try again later.",
                    address);
        }
    }

    /** Forgets every bucket; for tests that exercise the limits one after another. */
    void forgetAll() {
        perIp.clear();
        perAddress.clear();
    }

    private static ConsumptionProbe take(ConcurrentMap<String, Bucket> buckets, Bandwidth bandwidth, String key) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= bandwidth.getCapacity());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth).build())
                .tryConsumeAndReturnRemaining(1);
    }

    private static Bandwidth bandwidth(long capacity, Duration period) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }

    private static RejectedRequestException tooMany(String message, ConsumptionProbe probe) {
        return new RejectedRequestException(Response.Status.TOO_MANY_REQUESTS, "Please slow down", message, null,
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
