package io.paperpost.subscription;

import io.github.bucket4j.ConsumptionProbe;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.site.KeyedBuckets;
import io.paperpost.site.RejectedRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Per client IP and per mailbox ({@link EmailAddresses#key}, so every spelling of an address shares one) token
 * buckets ({@link KeyedBuckets}) for signups and confirmation resends.
 */
@ApplicationScoped
public class SignupRateLimits {

    /** Beyond this many tracked keys, buckets that are full again (idle clients) are dropped. */
    static final int MAX_TRACKED = 100_000;

    @Inject
    SubscriptionConfig config;

    private KeyedBuckets perIp;
    private KeyedBuckets perAddress;

    @PostConstruct
    void init() {
        perIp = new KeyedBuckets(config.perIpLimit(), config.perIpPeriod(), MAX_TRACKED);
        perAddress = new KeyedBuckets(config.perAddressLimit(), config.perAddressPeriod(), MAX_TRACKED);
    }

    /**
     * Takes one signup from the client's and the address's allowance.
     *
     * @throws RejectedRequestException (429) when either is used up
     */
    public void acquire(String clientIp, String normalizedEmail) {
        ConsumptionProbe ip = perIp.take(clientIp == null ? "unknown" : clientIp);
        if (!ip.isConsumed()) {
            throw tooMany(
                    "There have been many signups from your network in a short time. Please try again in a few minutes.",
                    ip);
        }
        ConsumptionProbe address = perAddress.take(EmailAddresses.key(normalizedEmail));
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

    private static RejectedRequestException tooMany(String message, ConsumptionProbe probe) {
        return new RejectedRequestException(Response.Status.TOO_MANY_REQUESTS, "Please slow down", message, null,
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
