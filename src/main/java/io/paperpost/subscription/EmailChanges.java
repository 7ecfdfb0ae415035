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
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * A confirmed reader moving to another address: a link goes to the new address, and the subscription moves only
 * when it is clicked. Owns its transactions; the email goes out after nothing has changed yet.
 */
@ApplicationScoped
public class EmailChanges {

    private static final Logger LOG = Logger.getLogger(EmailChanges.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ReaderTokens tokens;
    @Inject
    SubscriptionMails mails;
    @Inject
    SignupRateLimits rateLimits;
    @Inject
    SuppressionList suppressions;

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
                        B64.encodeToString(email.getBytes(StandardCharsets.UTF_8)));
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
        try {
            return EmailAddresses
                    .normalize(new String(Base64.getUrlDecoder().decode(verified.subject()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException("bad address in email change link");
        }
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
            if (reader.emailKeyMatches(email)) {
                return reader;
            }
            if (Reader.findByEmail(email).isPresent()) {
                throw new RejectedRequestException(Response.Status.CONFLICT, "That address is taken",
                        "Another subscription uses this address now, so yours was not changed.", "email");
            }
            LOG.infof("Reader %d changed their address", reader.id);
            reader.setEmail(email);
            // A signup waiting for the old address's confirmation is not the new address's to confirm.
            PendingSignup.clear(reader.id);
            suppressions.lift(email);
            return reader;
        });
    }
}
