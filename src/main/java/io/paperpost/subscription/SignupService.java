package io.paperpost.subscription;

import io.paperpost.mail.EmailAddresses;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.RejectedRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Signing up, up to the reader's first confirmation: the signup, its double opt-in (the confirmation link, its
 * resend, the click that confirms), and the purge of signups never confirmed. What a confirmed reader changes
 * afterwards is {@link SubscriptionService}'s. Owns its transactions; each email is queued in the transaction of the
 * change it announces and goes out once that has committed.
 */
@ApplicationScoped
public class SignupService {

    private static final Logger LOG = Logger.getLogger(SignupService.class);

    @Inject
    PreferencesValidator validator;
    @Inject
    ReaderTokens tokens;
    @Inject
    SubscriptionMails mails;
    @Inject
    SubscriptionConfig config;
    @Inject
    SignupRateLimits rateLimits;
    @Inject
    SuppressionList suppressions;
    @Inject
    Clock clock;

    /** What a signup asks for, as sent by the form or the API. */
    public record Signup(String email, List<String> topics, String interests, List<String> authors, String timeZone) {
    }

    /** The result of a confirmation link: the reader, and whether this click confirmed them (not a replay). */
    public record Confirmation(Reader reader, boolean newlyConfirmed) {
    }

    private enum Reply {
        CONFIRMATION, ALREADY_SUBSCRIBED, NOTHING
    }

    /** What to email after the change has committed; the link subject names a {@link PendingSignup}, or is empty. */
    private record Outcome(Reader reader, Reply reply, String linkSubject) {
    }

    /**
     * Signs an address up, or reminds an existing reader. Answers the same way in every case, so the form
     * cannot be used to learn who subscribes: the difference is only in the email the address receives. A signup
     * for an address that already has a reader changes nothing of that reader: its choices wait in a
     * {@link PendingSignup} for the link emailed for them.
     *
     * @param clientIp for the per-IP rate limit
     * @throws InvalidInputException when the address or preferences are not acceptable; nothing is stored then
     * @throws RejectedRequestException when the client or the address has signed up too often
     */
    public void subscribe(Signup signup, String clientIp) {
        String email = EmailAddresses.normalize(signup.email());
        Preferences preferences = validator.validate(signup.topics(), signup.interests(), signup.authors());
        String zone = signup.timeZone() == null || signup.timeZone().isBlank()
                ? "UTC"
                : Schedule.zone("timezone", signup.timeZone());
        rateLimits.acquire(clientIp, email);
        Outcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> queueReply(signUp(email, preferences, zone)));
        } catch (PersistenceException e) {
            if (!(e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            // The same address signed up at the same moment in another request, which sends the email.
            return;
        }
        if (outcome.reply() == Reply.NOTHING) {
            LOG.debugf("Reader %d signed up again; nothing sent (resend interval, or a bounced address)",
                    outcome.reader().id);
        }
    }

    private Outcome signUp(String email, Preferences preferences, String zone) {
        Reader existing = Reader.findByEmail(email).orElse(null);
        if (existing == null) {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.PENDING;
            reader.createdAt = clock.instant();
            reader.timeZone = zone;
            reader.choose(preferences);
            reader.persist();
            return new Outcome(reader, Reply.CONFIRMATION, "");
        }
        if (existing.status == ReaderStatus.UNSUBSCRIBED || existing.status == ReaderStatus.PENDING) {
            // Signing up again, or someone typing another's address: nothing changes until the mailbox
            // confirms. The link is sent at most once per interval; without one the choices are not kept.
            if (confirmationRecent(existing)) {
                return new Outcome(existing, Reply.NOTHING, "");
            }
            PendingSignup pending = PendingSignup.replace(existing.id, preferences, zone, clock.instant());
            return new Outcome(existing, Reply.CONFIRMATION, pending.linkSubject());
        }
        if (existing.status == ReaderStatus.BOUNCED) {
            // The mailbox refused mail for good: writing to it again would only bounce and hurt the sender.
            return new Outcome(existing, Reply.NOTHING, "");
        }
        return new Outcome(existing, Reply.ALREADY_SUBSCRIBED, "");
    }

    /** Queues the email the outcome calls for, in the transaction that decided it. */
    private Outcome queueReply(Outcome outcome) {
        switch (outcome.reply()) {
            case CONFIRMATION -> mails.sendConfirmation(outcome.reader(), outcome.linkSubject());
            case ALREADY_SUBSCRIBED -> mails.sendAlreadySubscribed(outcome.reader());
            case NOTHING -> {
            }
        }
        return outcome;
    }

    /**
     * Sends the confirmation link of the address's latest signup again, at most once per
     * {@link SubscriptionConfig#confirmationResendInterval()} after one went out. One still waiting in the queue
     * (deferred by the mail server) is tried at once instead: it never went out, so it does not count. Silent about
     * addresses it does not know.
     */
    public void resendConfirmation(String typedEmail, String clientIp) {
        String email = EmailAddresses.normalize(typedEmail);
        rateLimits.acquire(clientIp, email);
        QuarkusTransaction.requiringNew().run(() -> Reader.findByEmail(email)
                .filter(r -> r.status == ReaderStatus.PENDING || r.status == ReaderStatus.UNSUBSCRIBED)
                .ifPresent(reader -> {
                    Optional<PendingSignup> pending = PendingSignup.ofReader(reader.id);
                    if (pending.isEmpty() && reader.status != ReaderStatus.PENDING) {
                        return;
                    }
                    if (!mails.bringConfirmationForward(reader) && !confirmationRecent(reader)) {
                        mails.sendConfirmation(reader, pending.map(PendingSignup::linkSubject).orElse(""));
                    }
                }));
    }

    /**
     * True when a confirmation went out to the reader within the resend interval ({@code confirmationSentAt} is set
     * when the mail server takes one) or is on its way (queued for its first attempt, or being sent). One the server
     * deferred, or that failed, does not count.
     */
    private boolean confirmationRecent(Reader reader) {
        return (reader.confirmationSentAt != null
                && reader.confirmationSentAt.plus(config.confirmationResendInterval()).isAfter(clock.instant()))
                || mails.confirmationOnItsWay(reader);
    }

    /**
     * Checks a confirmation link without using it (for the page its button is on).
     *
     * @throws InvalidLinkException when it is tampered with, expired, or not a confirmation link
     */
    public void checkConfirmationLink(String token) {
        tokens.verify(token, TokenPurpose.CONFIRM, mails.linkLifetime());
    }

    /**
     * Confirms the reader the link was made for, with the choices of the signup it was sent for, and sends the
     * welcome email. Confirming twice is harmless (and sends nothing); a link from before an unsubscribe does not
     * bring the reader back, nor does the link of a signup replaced by a later one.
     */
    public Confirmation confirm(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.CONFIRM, mails.linkLifetime());
        return QuarkusTransaction.requiringNew().call(() -> welcomed(confirmation(verified)));
    }

    private Confirmation confirmation(ReaderTokens.Verified verified) {
        Reader reader = Reader.<Reader>findByIdOptional(verified.readerId())
                .orElseThrow(() -> new InvalidLinkException("reader gone"));
        if (reader.status == ReaderStatus.BOUNCED) {
            // The mailbox refused mail for good (the confirmation itself bounced, or a later email did).
            throw new InvalidLinkException("confirmation link of a bounced address");
        }
        if (!verified.subject().isEmpty()) {
            return confirmSignupOfKnownAddress(reader, verified.subject());
        }
        if (reader.status == ReaderStatus.PENDING) {
            if (verified.issuedAt().isBefore(reader.createdAt.minusSeconds(1))) {
                throw new InvalidLinkException("confirmation link from an earlier signup");
            }
            activate(reader);
            return new Confirmation(reader, true);
        }
        if (reader.status == ReaderStatus.UNSUBSCRIBED) {
            throw new InvalidLinkException("confirmation link of an unsubscribed reader");
        }
        return new Confirmation(reader, false);
    }

    /** The click confirmed the reader: the welcome email is queued with it. */
    private Confirmation welcomed(Confirmation confirmation) {
        if (confirmation.newlyConfirmed() && config.welcomeEmail()) {
            mails.sendWelcome(confirmation.reader());
        }
        return confirmation;
    }

    /** The link of a {@link PendingSignup}: its choices become the reader's now that the mailbox confirmed. */
    private Confirmation confirmSignupOfKnownAddress(Reader reader, String linkSubject) {
        PendingSignup pending = PendingSignup.forLink(reader.id, linkSubject).orElse(null);
        if (pending == null) {
            // Applied by an earlier click, or replaced by a later signup, or settled by the reader since.
            if (reader.status == ReaderStatus.ACTIVE) {
                return new Confirmation(reader, false);
            }
            throw new InvalidLinkException("confirmation link of a signup replaced or settled since");
        }
        reader.chooseAs(pending);
        activate(reader);
        return new Confirmation(reader, true);
    }

    private void activate(Reader reader) {
        reader.status = ReaderStatus.ACTIVE;
        reader.confirmedAt = clock.instant();
        reader.unsubscribedAt = null;
        PendingSignup.clear(reader.id);
        suppressions.lift(reader.email);
        LOG.infof("Reader %d confirmed", reader.id);
    }

    /**
     * Deletes readers who never confirmed within {@link SubscriptionConfig#unconfirmedRetention()}, and signups
     * for known addresses left unconfirmed as long.
     */
    public long purgeUnconfirmed() {
        Instant cutoff = clock.instant().minus(config.unconfirmedRetention());
        long purged = QuarkusTransaction.requiringNew().call(
                () -> Reader.delete("status = ?1 and createdAt < ?2", ReaderStatus.PENDING, cutoff));
        long signups = QuarkusTransaction.requiringNew().call(() -> PendingSignup.delete("requestedAt < ?1", cutoff));
        if (purged + signups > 0) {
            LOG.infof("Purged %d unconfirmed readers and %d unconfirmed signups for known addresses from before %s",
                    purged, signups, cutoff);
        }
        return purged;
    }
}
