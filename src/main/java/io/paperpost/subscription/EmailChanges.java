package io.paperpost.subscription;

import io.paperpost.mail.EmailAddresses;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.site.RejectedRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A confirmed reader moving to another address: a link goes to the new address, and the subscription moves only
 * when it is clicked. Owns its transactions; the email goes out after nothing has changed yet.
 */
@ApplicationScoped
public class EmailChanges {

    private static final Logger LOG = Logger.getLogger(EmailChanges.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** How long the notice's undo link works: a reader may read the old mailbox only now and then. */
    static final Duration UNDO_LIFETIME = Duration.ofDays(14);

    @Inject
    ReaderTokens tokens;
    @Inject
    SubscriptionMails mails;
    @Inject
    SignupRateLimits rateLimits;
    @Inject
    SuppressionList suppressions;
    @Inject
    LinkSignOut signOut;

    /**
     * Emails a confirmation link to the new address; the address changes only when it is clicked. Answers the
     * same whether or not the new address belongs to another reader (who is not told anything).
     *
     * @throws InvalidInputException when the address is not valid, or is another spelling of the reader's own
     */
    public void request(long readerId, String typedEmail, String clientIp) {
        String email = EmailAddresses.normalize(typedEmail);
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(readerId));
        if (reader.emailKeyMatches(email)) {
            throw new InvalidInputException("email", "That is already your address.");
        }
        rateLimits.acquire(clientIp, email);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Reader.findByEmail(email).isEmpty()) {
                String token = tokens.issue(TokenPurpose.EMAIL_CHANGE, readerId,
                        encode(email));
                mails.sendEmailChange(reader, email, token);
            }
        });
    }

    /**
     * The new address a link is for, changing nothing (for the page its button is on).
     *
     * @throws InvalidLinkException when the link is not valid or expired
     */
    public String addressOf(String token) {
        return addressIn(tokens.verify(token, TokenPurpose.EMAIL_CHANGE, mails.linkLifetime()));
    }

    private static String addressIn(ReaderTokens.Verified verified) {
        return decode(verified.subject());
    }

    /**
     * Switches the reader to the address the link was sent to.
     *
     * @throws InvalidLinkException when the link is not valid or expired
     * @throws RejectedRequestException (409) when another reader took the address meanwhile
     */
    public Reader confirm(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.EMAIL_CHANGE, mails.linkLifetime());
        String email = addressIn(verified);
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.<Reader>findByIdOptional(verified.readerId())
                    .filter(r -> r.status != ReaderStatus.PENDING)
                    .orElseThrow(() -> new InvalidLinkException("no such confirmed reader"));
            LinkSignOut.requireCurrent(reader, verified);
            if (reader.emailKeyMatches(email)) {
                return reader;
            }
            if (Reader.findByEmail(email).isPresent()) {
                throw new RejectedRequestException(Response.Status.CONFLICT, "That address is taken",
                        "Another subscription uses this address now, so yours was not changed.", "email");
            }
            LOG.infof("Reader %d changed their address", reader.id);
            String oldEmail = reader.email;
            reader.setEmail(email);
            // A signup waiting for the old address's confirmation is not the new address's to confirm.
            PendingSignup.clear(reader.id);
            suppressions.lift(email);
            mails.sendAddressChanged(reader, oldEmail, tokens.issue(TokenPurpose.EMAIL_UNDO, reader.id,
                    encode(oldEmail) + ":" + encode(email)));
            return reader;
        });
    }

    /** What an undo link would do: move the reader from {@code current} back to {@code previous}. */
    public record Undo(long readerId, String previous, String current) {
    }

    /**
     * What an undo link would do, changing nothing (for the page its button is on).
     *
     * @throws InvalidLinkException when the link is not valid, expired, or its change was undone or superseded
     */
    public Undo undoOf(String token) {
        ReaderTokens.Verified verified = tokens.verify(token, TokenPurpose.EMAIL_UNDO, UNDO_LIFETIME);
        String[] addresses = verified.subject().split(":", 2);
        if (addresses.length != 2) {
            throw new InvalidLinkException("undo link without both addresses");
        }
        Undo undo = new Undo(verified.readerId(), decode(addresses[0]), decode(addresses[1]));
        QuarkusTransaction.requiringNew().run(() -> current(undo));
        return undo;
    }

    /**
     * Moves the reader back to the address the link was sent to, signs out every link (whoever changed it had one)
     * and emails a fresh one there. The link then no longer works: the address it undoes is gone.
     *
     * @throws InvalidLinkException as {@link #undoOf}
     * @throws RejectedRequestException (409) when another reader took the old address meanwhile
     */
    public Reader undo(String token) {
        Undo undo = undoOf(token);
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = current(undo);
            Optional<Reader> holder = Reader.findByEmail(undo.previous());
            if (holder.isPresent() && !holder.get().id.equals(reader.id)) {
                throw new RejectedRequestException(Response.Status.CONFLICT, "That address is taken",
                        "Another subscription uses " + undo.previous() + " now, so the change was not undone.",
                        null);
            }
            reader.setEmail(undo.previous());
            signOut.revoke(reader);
            mails.sendFreshLinks(reader);
            LOG.infof("Reader %d undid an address change from the notice to the old address", reader.id);
            return reader;
        });
    }

    /** The undo's reader, still at the address the undo moves away from. */
    private static Reader current(Undo undo) {
        return Reader.<Reader>findByIdOptional(undo.readerId()).filter(r -> r.status != ReaderStatus.PENDING)
                .filter(r -> r.emailKeyMatches(undo.current()))
                .orElseThrow(() -> new InvalidLinkException("the change was undone or superseded"));
    }

    private static String encode(String email) {
        return B64.encodeToString(email.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String encoded) {
        try {
            return EmailAddresses.normalize(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException("bad address in link");
        }
    }
}
