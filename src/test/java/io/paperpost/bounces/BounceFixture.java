package io.paperpost.bounces;

import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Readers with a sent digest, and the reports about it, for the bounce tests. */
@ApplicationScoped
public class BounceFixture {

    public static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Inject
    ReaderTokens tokens;

    /** An active reader who was sent the digest of {@link #DAY}. */
    public Reader readerWithDigest(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.timeZone = "UTC";
            reader.topics = List.of("diffusion");
            reader.createdAt = Instant.parse("2026-11-01T00:00:00Z");
            reader.confirmedAt = reader.createdAt;
            reader.persist();
            Delivery delivery = new Delivery();
            delivery.readerId = reader.id;
            delivery.digestDate = DAY;
            delivery.status = DeliveryStatus.SENT;
            delivery.attempts = 1;
            delivery.messageId = messageId(reader);
            delivery.createdAt = Instant.parse("2026-12-01T06:00:00Z");
            delivery.updatedAt = delivery.createdAt;
            delivery.sentAt = delivery.createdAt;
            delivery.persist();
            return reader;
        });
    }

    public static String messageId(Reader reader) {
        return "digest-" + reader.id + "-" + DAY + "@localhost";
    }

    /** The reports about the reader's digest, each sample with a report id of its own. */
    public BounceSamples samples(Reader reader) {
        return new BounceSamples(messageId(reader), reader.email, "bounces@paperpost.example.org",
                UUID.randomUUID().toString());
    }

    /** The signed VERP return path of the reader's digest, as {@link VerpAddresses} makes it. */
    public String returnPath(Reader reader) {
        String id = "digest-" + reader.id + "-" + DAY;
        return "bounces+" + id + "." + tokens.tag(TokenPurpose.RETURN_PATH, id) + "@bounces.example.org";
    }

    public static Reader reload(Reader reader) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.findById(reader.id));
    }

    public static List<BounceReport> reports() {
        return QuarkusTransaction.requiringNew().call(() -> BounceReport.<BounceReport>listAll());
    }
}
