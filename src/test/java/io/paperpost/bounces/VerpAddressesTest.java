package io.paperpost.bounces;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.mail.OutgoingMail;
import io.paperpost.subscription.ReaderTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The VERP return path: signed, at most 64 octets before the @, and read back in any case. */
@QuarkusTest
class VerpAddressesTest {

    @Inject
    ReaderTokens tokens;

    VerpAddresses verp(boolean enabled) {
        VerpAddresses verp = new VerpAddresses();
        verp.tokens = tokens;
        verp.config = new BounceConfig() {
            public int transientLimit() {
                return 3;
            }

            public Duration transientWindow() {
                return Duration.ofDays(7);
            }

            public int maxReportBytes() {
                return 1_000_000;
            }

            public Mailbox mailbox() {
                throw new UnsupportedOperationException();
            }

            public Verp verp() {
                return new Verp() {
                    public boolean enabled() {
                        return enabled;
                    }

                    public String localPart() {
                        return "bounces";
                    }

                    public Optional<String> domain() {
                        return Optional.of("bounces.example.org");
                    }
                };
            }
        };
        return verp;
    }

    static OutgoingMail mail(String messageId) {
        return new OutgoingMail("ada@example.com", "Your papers", "text", null, messageId, Map.of());
    }

    @Test
    void aDigestGoesOutWithASignedReturnPathThatNamesIt() {
        String address = verp(true).envelopeFrom(mail("digest-123456-2026-12-01@paperpost.example.org")).orElseThrow();
        assertThat(address).matches("bounces\\+digest-123456-2026-12-01\\.[0-9a-f]{20}@bounces\\.example\\.org");
        assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(verp(true).messageIdPart(address)).contains("digest-123456-2026-12-01");
        assertThat(verp(true).messageIdPart(address.toUpperCase(java.util.Locale.ROOT)))
                .contains("digest-123456-2026-12-01");
    }

    @Test
    void aForgedOrForeignAddressNamesNothing() {
        String address = verp(true).envelopeFrom(mail("digest-1-2026-12-01@h")).orElseThrow();
        assertThat(verp(true).messageIdPart(address.replace("digest-1-", "digest-2-"))).isEmpty();
        assertThat(verp(true).messageIdPart("bounces@bounces.example.org")).isEmpty();
        assertThat(verp(true).messageIdPart("ada@example.com")).isEmpty();
        assertThat(verp(true).messageIdPart("bounces+digest-1-2026-12-01.zz@x")).isEmpty();
    }

    @Test
    void withoutVerpOrForALongMessageIdTheFromAddressStaysTheReturnPath() {
        assertThat(verp(false).envelopeFrom(mail("digest-1-2026-12-01@h"))).isEmpty();
        assertThat(verp(true).envelopeFrom(mail("subscription-0d9a4b0e-6b43-4b52-9a4c-2f6f5c1e9d3a@h"))).isEmpty();
        assertThat(verp(true).envelopeFrom(mail(null))).isEmpty();
    }
}
