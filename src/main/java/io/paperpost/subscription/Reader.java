package io.paperpost.subscription;

import io.paperpost.mail.EmailAddresses;
import io.paperpost.storage.LineListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A subscriber and their preferences (what they chose when signing up: {@link SignupChoices}). There are no
 * accounts: signed links in emails identify a reader.
 */
@Entity
@Table(name = "reader")
public class Reader extends SignupChoices {

    /**
     * How the key of a reader that shares its mailbox with another begins: V81 found such readers (spellings of one
     * address that used to count as different) and left all but one under {@code merged:<id>}, which has no @ and
     * so matches no address.
     */
    public static final String MERGED_KEY_PREFIX = "merged:";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /**
     * As {@link EmailAddresses#normalize} leaves it: as typed but without invisible characters, the domain
     * lower-cased and in Unicode. Mail goes to its punycode form ({@link EmailAddresses#toAscii}).
     */
    public String email;

    /**
     * {@link EmailAddresses#key}, unique: one reader per mailbox, however the address is spelled. Set with
     * {@link #setEmail}, or {@link #MERGED_KEY_PREFIX} and the id.
     */
    @Column(name = "email_key")
    public String emailKey;

    @Enumerated(EnumType.STRING)
    public ReaderStatus status;

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

    /** Email, or only the Atom feed (no email). */
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_channel")
    public DeliveryChannel deliveryChannel = DeliveryChannel.EMAIL;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** When the mail server took the last confirmation email: resends are limited per address from then. */
    /**
     * When the reader signed out every link (or undid an address change): links issued before then are refused.
     * Null when they never did.
     */
    @Column(name = "links_signed_out_at")
    public Instant linksSignedOutAt;

    @Column(name = "confirmation_sent_at")
    public Instant confirmationSentAt;

    /**
     * Where the consent comes from when it was not the reader's own signup here: {@link ReaderImport#BY_OPERATOR}
     * (imported as confirmed on the operator's word, at {@link #confirmedAt}) or {@link ReaderImport#BY_OPT_IN}
     * (imported and sent the confirmation link); null for readers who signed up here.
     */
    @Column(name = "consent_source")
    public String consentSource;

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

    /**
     * The interest text's embedded aspects ({@link io.paperpost.embedding.StoredVectors}), and the model that made
     * them; both null until the embedding worker has reached the interests saved last.
     */
    @Column(name = "interest_vectors")
    public byte[] interestVectors;

    @Column(name = "interest_vectors_model")
    public String interestVectorsModel;

    /** Authors muted from an email ("Mute this author"): their papers are never picked. */
    @Convert(converter = LineListConverter.class)
    @Column(name = "muted_authors")
    public List<String> mutedAuthors = new ArrayList<>();

    /** Topic ids muted from an email ("Mute this topic"): papers whose primary topic is one are never picked. */
    @Convert(converter = LineListConverter.class)
    @Column(name = "muted_topics")
    public List<String> mutedTopics = new ArrayList<>();

    /** Must-have words or phrases (preferences page): when any is set, only papers with one of them are picked. */
    @Convert(converter = LineListConverter.class)
    @Column(name = "must_words")
    public List<String> mustWords = new ArrayList<>();

    /** Never words or phrases (preferences page): papers with one of them are never picked. */
    @Convert(converter = LineListConverter.class)
    @Column(name = "never_words")
    public List<String> neverWords = new ArrayList<>();

    /** New interests: the old vectors no longer describe them. */
    @Override
    void interestsChanged() {
        interestVectors = null;
        interestVectorsModel = null;
    }

    /**
     * Whether a link of this reader issued then still works: not after they signed out everywhere since. Issue times
     * are whole seconds and the sign-out time is cut to one, so a link issued in the second of the sign-out (the
     * fresh one it emails) works.
     */
    public boolean acceptsLinkIssuedAt(Instant issuedAt) {
        return linksSignedOutAt == null || !issuedAt.isBefore(linksSignedOutAt);
    }

    public void setEmail(String normalizedEmail) {
        email = normalizedEmail;
        emailKey = EmailAddresses.key(normalizedEmail);
    }

    /** Whether another reader holds this reader's mailbox (see {@link #MERGED_KEY_PREFIX}). */
    public boolean mailboxHeldByAnother() {
        return emailKey.startsWith(MERGED_KEY_PREFIX);
    }

    /** Whether the address reaches this reader's mailbox, however it is spelled. */
    public boolean emailKeyMatches(String email) {
        return emailKey.equals(EmailAddresses.key(email));
    }

    /**
     * The reader of the mailbox the address reaches, however it is spelled.
     *
     * @throws io.paperpost.site.InvalidInputException when the address is not valid
     */
    public static Optional<Reader> findByEmail(String email) {
        return find("emailKey", EmailAddresses.key(email)).firstResultOptional();
    }
}
