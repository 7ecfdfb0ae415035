package io.paperpost.digest;

import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Confirmed readers with a schedule, stored directly (the signup path has its own tests). */
final class TestReaders {

    private TestReaders() {
    }

    static Reader active(String email, String zone, int hour) {
        Reader reader = new Reader();
        reader.setEmail(email);
        reader.status = ReaderStatus.ACTIVE;
        reader.topics = List.of("llm-inference");
        reader.interests = "speculative decoding";
        reader.timeZone = zone;
        reader.deliveryHour = hour;
        reader.createdAt = Instant.parse("2026-01-01T00:00:00Z");
        reader.confirmedAt = reader.createdAt;
        return reader;
    }

    static Reader weekly(Reader reader, DayOfWeek day) {
        reader.frequency = DigestFrequency.WEEKLY;
        reader.weeklyDay = day;
        return reader;
    }

    static Reader pausedUntil(Reader reader, LocalDate until) {
        reader.pausedUntil = until;
        return reader;
    }

    static Reader save(Reader reader) {
        QuarkusTransaction.requiringNew().run(reader::persist);
        return reader;
    }
}
