package io.paperpost.subscription;

import io.paperpost.storage.LineListConverter;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes new readers of an import as one JDBC batch, in the caller's transaction. Through Hibernate each reader is an
 * insert of its own (identity ids are fetched one row at a time): on PostgreSQL 100,000 of them took 27 s, the same
 * rows as a batch 4 s (docs/benchmarks.md, "Reader import"). Every column the entity has a default for is written
 * from the {@link Reader} given, so the entity stays the one place defaults are set. Readers that need their id
 * (a confirmation email is queued for them) go through Hibernate instead.
 */
final class ReaderInserts {

    private static final String INSERT = "insert into reader (email, email_key, status, topics, interests, "
            + "followed_authors, time_zone, created_at, confirmed_at, consent_source, trend_weight, exploration, "
            + "only_when_matches, papers_per_email, frequency, weekly_day, delivery_hour, mail_format) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ReaderInserts() {
    }

    static void insert(List<Reader> readers) {
        if (readers.isEmpty()) {
            return;
        }
        LineListConverter lines = new LineListConverter();
        Reader.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Reader r : readers) {
                    insert.setString(1, r.email);
                    insert.setString(2, r.emailKey);
                    insert.setString(3, r.status.name());
                    insert.setString(4, lines.convertToDatabaseColumn(r.topics));
                    insert.setString(5, r.interests);
                    insert.setString(6, lines.convertToDatabaseColumn(r.followedAuthors));
                    insert.setString(7, r.timeZone);
                    insert.setObject(8, OffsetDateTime.ofInstant(r.createdAt, ZoneOffset.UTC));
                    insert.setObject(9, r.confirmedAt == null
                            ? null
                            : OffsetDateTime.ofInstant(r.confirmedAt,
                                    ZoneOffset.UTC));
                    insert.setString(10, r.consentSource);
                    insert.setDouble(11, r.trendWeight);
                    insert.setBoolean(12, r.exploration);
                    insert.setBoolean(13, r.onlyWhenMatches);
                    insert.setInt(14, r.papersPerEmail);
                    insert.setString(15, r.frequency.name());
                    insert.setString(16, r.weeklyDay.name());
                    insert.setInt(17, r.deliveryHour);
                    insert.setString(18, r.mailFormat.name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
