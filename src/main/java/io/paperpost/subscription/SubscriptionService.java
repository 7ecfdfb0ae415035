package io.paperpost.subscription;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.paperpost.site.InvalidInputException;
import io.paperpost.site.InvalidLinkException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The subscription lifecycle: sign up, confirm (double opt-in), change preferences, unsubscribe. Owns its
 * transactions; emails go out after the change they announce has committed.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    @Inject
    TopicCatalog catalog;
    @Inject
    ReaderTokens tokens;
    @Inject
    SubscriptionMails mails;
    @Inject
    SubscriptionConfig config;
    @Inject
    TokenConfig tokenConfig;
    @Inject
    Clock clock;

    /**
     * Signs an address up, or reminds an existing reader. Answers the same way in every case, so the form
     * cannot be used to learn who subscribes: the difference is only in the email the address receives.
     *
     * @throws InvalidInputException when the address or preferences are not acceptable; nothing is stored then
     */
    public void subscribe(String typedEmail, List<String> topicIds, String interests) {
        String email = EmailAddresses.normalize(typedEmail);
        Preferences preferences = validate(topicIds, interests);
        Reader reader = QuarkusTransaction.requiringNew().call(() -> {
            Reader existing = Reader.findByEmail(email).orElse(null);
            if (existing == null) {
                existing = new Reader();
                existing.setEmail(email);
                existing.createdAt = clock.instant();
                existing.status = ReaderStatus.PENDING;
                apply(existing, preferences);
                existing.persist();
            } else if (existing.status == ReaderStatus.UNSUBSCRIBED) {
                // Signing up again after leaving: a fresh opt-in with the new choices.
                existing.status = ReaderStatus.PENDING;
                existing.createdAt = clock.instant();
                existing.unsubscribedAt = null;
                apply(existing, preferences);
            }
            return existing;
        });
        if (reader.status == ReaderStatus.PENDING) {
            mails.sendConfirmation(reader);
        } else {
            mails.sendAlreadySubscribed(reader);
        }
    }

    /**
     * Confirms the reader the link was made for. Confirming twice is harmless; a link from before an
     * unsubscribe does not bring the reader back.
     */
    public Reader confirm(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.CONFIRM, tokenConfig.confirmationLifetime());
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.<Reader>findByIdOptional(verified.readerId())
                    .orElseThrow(() -> new InvalidLinkException("reader gone"));
            if (reader.status == ReaderStatus.PENDING) {
                if (verified.issuedAt().isBefore(reader.createdAt.minusSeconds(1))) {
                    throw new InvalidLinkException("confirmation link from an earlier signup");
                }
                reader.status = ReaderStatus.ACTIVE;
                reader.confirmedAt = clock.instant();
                LOG.infof("Reader %d confirmed", reader.id);
            } else if (reader.status == ReaderStatus.UNSUBSCRIBED) {
                throw new InvalidLinkException("confirmation link of an unsubscribed reader");
            }
            return reader;
        });
    }

    /** The reader a manage or unsubscribe link belongs to. */
    public Reader readerFor(String token, TokenPurpose purpose) {
        ReaderTokens.Verified verified = tokens.verify(token, purpose, null);
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findByIdOptional(verified.readerId())
                .filter(r -> r.status != ReaderStatus.PENDING)
                .orElseThrow(() -> new InvalidLinkException("no such confirmed reader")));
    }

    /** Saves new preferences and ranking settings for a confirmed reader, together. */
    public Reader updatePreferences(long readerId, Preferences preferences, RankingSettings settings) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            apply(reader, preferences);
            reader.trendWeight = settings.trendWeight();
            reader.exploration = settings.exploration();
            reader.onlyWhenMatches = settings.onlyWhenMatches();
            return reader;
        });
    }

    /** Stops all email to the reader at once: the digest re-checks the status right before each send. */
    public void unsubscribe(long readerId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = Reader.findById(readerId);
            if (reader != null && reader.status != ReaderStatus.UNSUBSCRIBED) {
                reader.status = ReaderStatus.UNSUBSCRIBED;
                reader.unsubscribedAt = clock.instant();
                LOG.infof("Reader %d unsubscribed", readerId);
            }
        });
    }

    /** Checks topics against the topic list and tidies the free text; what the forms and the API share. */
    public Preferences validate(List<String> topicIds, String interests) {
        List<String> topics = catalog.requireKnown(topicIds);
        String text = interests == null ? "" : interests.strip();
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException("interests", "Interests cannot contain control characters.");
        }
        text = text.replaceAll("\\s+", " ");
        if (text.length() > config.maxInterestsLength()) {
            throw new InvalidInputException("interests",
                    "Please keep your interests under " + config.maxInterestsLength() + " characters.");
        }
        if (topics.isEmpty() && text.isEmpty()) {
            throw new InvalidInputException("topics", "Choose at least one topic or describe your interests.");
        }
        return new Preferences(topics, text);
    }

    private static void apply(Reader reader, Preferences preferences) {
        reader.topics = new ArrayList<>(preferences.topics());
        reader.interests = preferences.interests();
    }

}
