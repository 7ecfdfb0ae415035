package io.paperpost.subscription;

import io.paperpost.site.InvalidLinkException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signed, unguessable tokens for the links in emails: {@code payload.signature}, where the payload names the
 * purpose, the reader and when it was issued, and the signature is an HMAC-SHA256 over it. Nothing is
 * stored: the signature is the proof.
 */
@Startup
@ApplicationScoped
public class ReaderTokens {

    private static final Logger LOG = Logger.getLogger(ReaderTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    static final int MIN_SECRET_LENGTH = 32;
    static final int TAG_BYTES = 10;

    @Inject
    TokenConfig config;
    @Inject
    Clock clock;

    /**
     * One HMAC per key, the current key first. Kept per thread: a digest run signs several links per email, and
     * creating and keying a Mac each time was a tenth of rendering's cost (docs/benchmarks.md, Rendering).
     */
    private List<ThreadLocal<Mac>> macs;

    @PostConstruct
    void loadKeys() {
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(key(config.secret().orElseGet(this::devSecret)));
        config.previousSecrets().orElse(List.of()).forEach(s -> keys.add(key(s)));
        macs = keys.stream().map(key -> ThreadLocal.withInitial(() -> newMac(key))).toList();
    }

    /** A token for the reader, for one purpose. */
    public String issue(TokenPurpose purpose, long readerId) {
        return issue(purpose, readerId, "");
    }

    /** A token that also carries a short subject, e.g. the paper and rating of a feedback link. */
    public String issue(TokenPurpose purpose, long readerId, String subject) {
        if (subject.contains(".") || subject.contains("~")) {
            throw new IllegalArgumentException("subject may not contain '.' or '~'");
        }
        String payload = purpose.code + "~" + Long.toString(readerId, 36) + "~"
                + Long.toString(clock.instant().getEpochSecond(), 36) + (subject.isEmpty() ? "" : "~" + subject);
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(sign(macs.get(0), encoded));
    }

    /**
     * Checks the token and returns what it carries.
     *
     * @param maxAge how old the token may be, or null when it never expires
     * @throws InvalidLinkException when the token is malformed, tampered with, for another purpose or too old
     */
    public Verified verify(String token, TokenPurpose purpose, Duration maxAge) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 512) {
            throw new InvalidLinkException("malformed token");
        }
        String encoded = token.substring(0, dot);
        byte[] signature;
        String payload;
        try {
            signature = B64D.decode(token.substring(dot + 1));
            payload = new String(B64D.decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException("token is not base64url");
        }
        if (!B64.encodeToString(signature).equals(token.substring(dot + 1))) {
            // The decoder ignores a last character's unused bits: without this, two spellings of one signature pass.
            throw new InvalidLinkException("token is not canonical base64url");
        }
        boolean signed = false;
        for (ThreadLocal<Mac> mac : macs) {
            // Constant-time comparison: timing must not reveal how much of a forged signature was right.
            signed |= MessageDigest.isEqual(sign(mac, encoded), signature);
        }
        if (!signed) {
            throw new InvalidLinkException("bad signature");
        }
        String[] parts = payload.split("~", 4);
        if (parts.length < 3 || TokenPurpose.ofCode(parts[0]) != purpose) {
            throw new InvalidLinkException("wrong purpose");
        }
        long readerId;
        Instant issued;
        try {
            readerId = Long.parseLong(parts[1], 36);
            issued = Instant.ofEpochSecond(Long.parseLong(parts[2], 36));
        } catch (NumberFormatException e) {
            throw new InvalidLinkException("malformed payload");
        }
        if (maxAge != null && issued.plus(maxAge).isBefore(clock.instant())) {
            throw new InvalidLinkException("expired");
        }
        return new Verified(readerId, issued, parts.length == 4 ? parts[3] : "");
    }

    /**
     * A short signature of the subject for one purpose: the first {@value #TAG_BYTES} bytes of the HMAC, in lower-case
     * hex. For a VERP return path, whose local part may have at most 64 octets (RFC 5321 §4.5.3.1.1), so a whole
     * token does not fit, and which some servers lower-case on the way back; 80 bits still cannot be guessed.
     */
    public String tag(TokenPurpose purpose, String subject) {
        return HexFormat.of().formatHex(tagBytes(macs.get(0), purpose, subject));
    }

    /** Whether the tag is the subject's {@link #tag} under the current key or a previous one, in any case. */
    public boolean hasTag(TokenPurpose purpose, String subject, String tag) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(tag.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean signed = false;
        for (ThreadLocal<Mac> mac : macs) {
            signed |= MessageDigest.isEqual(tagBytes(mac, purpose, subject), given);
        }
        return signed;
    }

    private static byte[] tagBytes(ThreadLocal<Mac> mac, TokenPurpose purpose, String subject) {
        byte[] full = mac.get().doFinal(("tag:" + purpose.code + "~" + subject).getBytes(StandardCharsets.UTF_8));
        return java.util.Arrays.copyOf(full, TAG_BYTES);
    }

    /**
     * Keyed SHA-256 (HMAC) hashes of an address spelling, for the suppression list: the first with the current
     * key, then one per previous key, so a key rotation does not forget who asked to be erased. Without the key
     * the hash cannot be matched against a list of guessed addresses.
     */
    public List<String> addressHashes(String spelling) {
        byte[] address = ("address:" + spelling).getBytes(StandardCharsets.UTF_8);
        List<String> hashes = new ArrayList<>();
        for (ThreadLocal<Mac> mac : macs) {
            hashes.add(HexFormat.of().formatHex(mac.get().doFinal(address)));
        }
        return hashes;
    }

    /** What a valid token carries. */
    public record Verified(long readerId, Instant issuedAt, String subject) {
    }

    private static byte[] sign(ThreadLocal<Mac> mac, String encodedPayload) {
        // doFinal also resets the Mac for the thread's next use.
        return mac.get().doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static SecretKeySpec key(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "paperpost.tokens secrets must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private String devSecret() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("paperpost.tokens.secret is not set: production refuses to start without "
                    + "a signing key for email links (at least " + MIN_SECRET_LENGTH + " random characters; "
                    + "e.g. `openssl rand -base64 48`). See README, Configuration.");
        }
        Path file = config.secretFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = B64.encodeToString(random);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, secret);
            LOG.infof("Generated a token signing key for %s mode in %s", LaunchMode.current(), file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key file " + file, e);
        }
    }
}
