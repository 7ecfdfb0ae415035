package io.paperpost.subscription;

import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.RejectedRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The subscription lifecycle of a confirmed reader: their links, change preferences, export, erase, pause,
 * unsubscribe, resubscribe (signing up and confirming: {@link SignupService}; a new address: {@link EmailChanges}).
 * Owns its transactions.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    @Inject
    Instance<ReaderDataPart> dataParts;
    @Inject
    ReaderTokens tokens;
    @Inject
    SuppressionList suppressions;
    @Inject
    Clock clock;

    /** The reader a manage link belongs to; a link issued before the reader signed out everywhere is refused. */
    public Reader readerFor(String token, TokenPurpose purpose) {
        ReaderTokens.Verified verified = tokens.verify(token, purpose, null);
        Reader reader = confirmedReader(verified);
        LinkSignOut.requireCurrent(reader, verified);
        return reader;
    }

    /**
     * An unsubscribe link's reader, and whether the link was issued after they last signed out everywhere. An older
     * one still unsubscribes: every email ever sent must keep a working unsubscribe (RFC 8058; CAN-SPAM asks 30
     * days); its page then offers nothing else.
     */
    public record UnsubscribeLink(Reader reader, boolean current) {
    }

    public UnsubscribeLink unsubscribeLink(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.UNSUBSCRIBE, null);
        Reader reader = confirmedReader(verified);
        return new UnsubscribeLink(reader, reader.acceptsLinkIssuedAt(verified.issuedAt()));
    }

    private static Reader confirmedReader(ReaderTokens.Verified link) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findByIdOptional(link.readerId())
                .filter(r -> r.status != ReaderStatus.PENDING)
                .orElseThrow(() -> new InvalidLinkException("no such confirmed reader")));
    }

    /** Saves new preferences and ranking settings for a confirmed reader, together. */
    public Reader updatePreferences(long readerId, Preferences preferences, RankingSettings settings) {
        return updatePreferences(readerId, preferences, settings, null);
    }

    /** Saves preferences, ranking settings and (when not null) the schedule, together. */
    public Reader updatePreferences(long readerId, Preferences preferences, RankingSettings settings,
            Schedule schedule) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            reader.choose(preferences);
            reader.trendWeight = settings.trendWeight();
            reader.exploration = settings.exploration();
            reader.onlyWhenMatches = settings.onlyWhenMatches();
            if (schedule != null) {
                reader.papersPerEmail = schedule.papersPerEmail();
                reader.frequency = schedule.frequency();
                reader.weeklyDay = schedule.weeklyDay();
                reader.pausedUntil = schedule.pausedUntil();
                reader.deliveryHour = schedule.deliveryHour();
                reader.timeZone = schedule.timeZone();
                reader.mailFormat = schedule.mailFormat();
                reader.deliveryChannel = schedule.delivery();
            }
            return reader;
        });
    }

    /** The reader's local date, for date checks such as "pause until". */
    public LocalDate today(Reader reader) {
        return LocalDate.now(clock.withZone(ZoneId.of(reader.timeZone)));
    }

    /** Everything stored about the reader, for "Download my data". */
    public ReaderExport export(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            Map<String, Object> byPart = new LinkedHashMap<>();
            dataParts.stream().sorted(Comparator.comparing(ReaderDataPart::name))
                    .forEach(part -> byPart.put(part.name(), part.of(readerId)));
            return ReaderExport.of(reader, byPart, PendingSignup.ofReader(readerId).orElse(null), clock.instant());
        });
    }

    /**
     * Erases the reader, and with them (foreign keys on delete cascade) what other packages stored about them; keeps
     * only a keyed hash of the address on the suppression list, so nothing is sent to it again unless its owner signs
     * up and confirms anew.
     */
    public void erase(long readerId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = Reader.findById(readerId);
            if (reader == null) {
                return;
            }
            suppressions.suppress(reader.email);
            reader.delete();
            LOG.infof("Reader %d erased at their request", readerId);
        });
    }

    /** Stops all email to the reader at once: the digest re-checks the status right before each send. */
    public void unsubscribe(long readerId) {
        unsubscribe(readerId, null);
    }

    /** Unsubscribes, keeping the reader's optional reason (tidied, at most 500 characters). */
    public void unsubscribe(long readerId, String reason) {
        String tidy = reason == null ? null : reason.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        String kept = tidy == null || tidy.isEmpty() ? null : tidy.substring(0, Math.min(500, tidy.length()));
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = Reader.findById(readerId);
            if (reader != null && reader.status != ReaderStatus.UNSUBSCRIBED) {
                reader.status = ReaderStatus.UNSUBSCRIBED;
                reader.unsubscribedAt = clock.instant();
                LOG.infof("Reader %d unsubscribed", readerId);
            }
            if (reader != null && kept != null) {
                reader.unsubscribeReason = kept;
            }
        });
    }

    /** "Pause instead": nothing is sent before the date; the subscription and settings stay. */
    public Reader pauseUntil(long readerId, LocalDate until) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            reader.pausedUntil = until;
            return reader;
        });
    }

    /**
     * Brings back a reader who unsubscribed, from their own signed link (the address is proven, so no second
     * opt-in is needed).
     *
     * @throws RejectedRequestException (409) when another reader gets the emails for this mailbox now
     */
    public Reader resubscribe(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            if (reader.status == ReaderStatus.UNSUBSCRIBED && reader.mailboxHeldByAnother()) {
                throw new RejectedRequestException(Response.Status.CONFLICT, "This address has another subscription",
                        "Another subscription gets the emails for this address now: use the links in its emails.",
                        null);
            }
            if (reader.status == ReaderStatus.UNSUBSCRIBED) {
                reader.status = ReaderStatus.ACTIVE;
                reader.unsubscribedAt = null;
                // Back with the previous settings, by the reader's own choice: a signup waiting is settled.
                PendingSignup.clear(readerId);
                LOG.infof("Reader %d resubscribed", readerId);
            }
            return reader;
        });
    }
}
