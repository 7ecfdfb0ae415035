package io.paperpost.subscription;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.paperpost.storage.LineListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subscriber and their preferences. There are no accounts: signed links in emails identify a reader. */
@Entity
@Table(name = "reader")
public class Reader extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** As typed, trimmed, domain lower-cased. */
    public String email;

    /** The address lower-cased, unique: set with {@link #setEmail}. */
    @Column(name = "email_key")
    public String emailKey;

    @Enumerated(EnumType.STRING)
    public ReaderStatus status;

    /** Ids of chosen topics from the topic list in config/. */
    @Convert(converter = LineListConverter.class)
    public List<String> topics = new ArrayList<>();

    /** Free text as the reader typed it. */
    public String interests = "";

    @Convert(converter = LineListConverter.class)
    @Column(name = "followed_authors")
    public List<String> followedAuthors = new ArrayList<>();

    /** IANA zone id. */
    @Column(name = "time_zone")
    public String timeZone = "UTC";

    /** 0 = only personal relevance, 1 = only community trend. */
    @Column(name = "trend_weight")
    public double trendWeight = 0.3;

    /** One pick from outside the reader's usual topics. */
    public boolean exploration = true;

    /** On days when nothing matches, send nothing rather than the day's trending papers. */
    @Column(name = "only_when_matches")
    public boolean onlyWhenMatches;

    /** How many papers an email holds (5–30). */
    @Column(name = "papers_per_email")
    public int papersPerEmail = 10;

    @Enumerated(EnumType.STRING)
    public DigestFrequency frequency = DigestFrequency.DAILY;

    /** The day a {@link DigestFrequency#WEEKLY} reader gets their email. */
    @Enumerated(EnumType.STRING)
    @Column(name = "weekly_day")
    public DayOfWeek weeklyDay = DayOfWeek.MONDAY;

    /** Nothing is sent before this local date (a holiday pause); null when not paused. */
    @Column(name = "paused_until")
    public LocalDate pausedUntil;

    /** The local hour (0–23, in {@link #timeZone}) from which the day's email is sent. */
    @Column(name = "delivery_hour")
    public int deliveryHour = 7;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_format")
    public MailFormat mailFormat = MailFormat.HTML;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** When the last confirmation email was sent: resends are limited per address. */
    @Column(name = "confirmation_sent_at")
    public Instant confirmationSentAt;

    /** What the reader said when unsubscribing, if anything. */
    @Column(name = "unsubscribe_reason")
    public String unsubscribeReason;

    /**
     * The last local date whose email was handled: sent, or recorded as "nothing new". No second email goes out
     * for it; which papers the next email holds is {@link #papersThrough}'s business, not this date's.
     */
    @Column(name = "last_digest_date")
    public LocalDate lastDigestDate;

    /**
     * The watermark of the last email sent: the last paper batch it was composed against. The next email holds
     * papers of later batches; null before the first email.
     */
    @Column(name = "papers_through")
    public Long papersThrough;

    public void setEmail(String normalizedEmail) {
        email = normalizedEmail;
        emailKey = key(normalizedEmail);
    }

    /** Whether the address is this reader's, ignoring case. */
    public boolean emailKeyMatches(String email) {
        return emailKey.equals(key(email));
    }

    public static Optional<Reader> findByEmail(String email) {
        return find("emailKey", key(email)).firstResultOptional();
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
