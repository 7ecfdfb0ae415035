package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpost.site.InvalidLinkException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReaderTokensTest {

    static final String KEY = "k".repeat(40);
    static final String OLD_KEY = "o".repeat(40);
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aTokenVerifiesForItsPurposeAndCarriesTheReader() {
        ReaderTokens tokens = tokens(KEY, List.of(), NOW);
        String token = tokens.issue(TokenPurpose.MANAGE, 4711);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.MANAGE, null);
        assertThat(verified.readerId()).isEqualTo(4711);
        assertThat(verified.issuedAt()).isEqualTo(NOW);
    }

    @Test
    void aSubjectTravelsSigned() {
        ReaderTokens tokens = tokens(KEY, List.of(), NOW);
        String token = tokens.issue(TokenPurpose.FEEDBACK, 7, "t-8f0bf75574b4:up");
        assertThat(tokens.verify(token, TokenPurpose.FEEDBACK, null).subject()).isEqualTo("t-8f0bf75574b4:up");
    }

    @Test
    void wrongPurposeTamperingAndForeignKeysAreRefused() {
        ReaderTokens tokens = tokens(KEY, List.of(), NOW);
        String token = tokens.issue(TokenPurpose.MANAGE, 1);
        assertThatThrownBy(() -> tokens.verify(token, TokenPurpose.UNSUBSCRIBE, null))
                .isInstanceOf(InvalidLinkException.class);

        // Another reader's id in the payload, with the original signature.
        String otherPayload = tokens.issue(TokenPurpose.MANAGE, 2);
        String forged = otherPayload.substring(0, otherPayload.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> tokens.verify(forged, TokenPurpose.MANAGE, null))
                .isInstanceOf(InvalidLinkException.class);

        String signedElsewhere = tokens("x".repeat(40), List.of(), NOW).issue(TokenPurpose.MANAGE, 1);
        assertThatThrownBy(() -> tokens.verify(signedElsewhere, TokenPurpose.MANAGE, null))
                .isInstanceOf(InvalidLinkException.class);

        // Every other spelling of the signature's last character, including ones that decode to the same bytes.
        String head = token.substring(0, token.length() - 1);
        char last = token.charAt(token.length() - 1);
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            if (c != last) {
                assertThatThrownBy(() -> tokens.verify(head + c, TokenPurpose.MANAGE, null))
                        .isInstanceOf(InvalidLinkException.class);
            }
        }

        for (String garbage : new String[]{"", ".", "abc", "abc.", ".abc", "!!!.???", "a".repeat(600) + ".b"}) {
            assertThatThrownBy(() -> tokens.verify(garbage, TokenPurpose.MANAGE, null))
                    .isInstanceOf(InvalidLinkException.class);
        }
        assertThatThrownBy(() -> tokens.verify(null, TokenPurpose.MANAGE, null))
                .isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void expiresAfterItsLifetime() {
        String token = tokens(KEY, List.of(), NOW).issue(TokenPurpose.CONFIRM, 1);
        ReaderTokens later = tokens(KEY, List.of(), NOW.plus(Duration.ofHours(49)));
        assertThatThrownBy(() -> later.verify(token, TokenPurpose.CONFIRM, Duration.ofHours(48)))
                .isInstanceOf(InvalidLinkException.class);
        assertThat(later.verify(token, TokenPurpose.CONFIRM, Duration.ofHours(50)).readerId()).isEqualTo(1);
    }

    @Test
    void linksSignedWithAPreviousKeyKeepWorkingAfterARotation() {
        String oldLink = tokens(OLD_KEY, List.of(), NOW).issue(TokenPurpose.UNSUBSCRIBE, 9);
        ReaderTokens rotated = tokens(KEY, List.of(OLD_KEY), NOW);
        assertThat(rotated.verify(oldLink, TokenPurpose.UNSUBSCRIBE, null).readerId()).isEqualTo(9);
        // New links are signed with the new key only.
        String newLink = rotated.issue(TokenPurpose.UNSUBSCRIBE, 9);
        assertThatThrownBy(() -> tokens(OLD_KEY, List.of(), NOW).verify(newLink, TokenPurpose.UNSUBSCRIBE, null))
                .isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> tokens("short", List.of(), NOW)).hasMessageContaining("at least 32");
    }

    static ReaderTokens tokens(String secret, List<String> previous, Instant now) {
        ReaderTokens tokens = new ReaderTokens();
        tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
        tokens.config = new TokenConfig() {
            public Optional<String> secret() {
                return Optional.of(secret);
            }

            public Optional<List<String>> previousSecrets() {
                return Optional.of(previous);
            }

            public Path secretFile() {
                throw new AssertionError("a configured secret needs no file");
            }

            public Duration confirmationLifetime() {
                return Duration.ofHours(48);
            }
        };
        tokens.loadKeys();
        return tokens;
    }
}
