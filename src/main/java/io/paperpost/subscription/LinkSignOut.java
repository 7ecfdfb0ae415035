package io.paperpost.subscription;

import io.paperpost.site.InvalidLinkException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * "Sign me out everywhere": every link a reader was sent stops working at once, and a fresh preferences link goes to
 * their address. A forwarded email, or an old address someone else now reads, then gives no way in. Links carry
 * their signed issue time, so one sign-out time per reader revokes them all without storing any link.
 */
@ApplicationScoped
public class LinkSignOut {

    private static final Logger LOG = Logger.getLogger(LinkSignOut.class);

    @Inject
    Clock clock;
    @Inject
    SubscriptionMails mails;

    /**
     * Refuses a link issued before the reader last signed out.
     *
     * @throws InvalidLinkException when it was
     */
    public static void requireCurrent(Reader reader, ReaderTokens.Verified link) {
        if (!reader.acceptsLinkIssuedAt(link.issuedAt())) {
            throw new InvalidLinkException("link issued before the reader signed out everywhere");
        }
    }

    /** {@link #requireCurrent(Reader, ReaderTokens.Verified)} for a link whose reader is not loaded. */
    public void requireCurrent(ReaderTokens.Verified link) {
        Reader reader = QuarkusTransaction.joiningExisting().call(() -> Reader.<Reader>findById(link.readerId()));
        if (reader == null) {
            throw new InvalidLinkException("no such reader");
        }
        requireCurrent(reader, link);
    }

    /** Revokes every link of the reader and emails a fresh preferences link, together. */
    public Reader signOutEverywhere(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            revoke(reader);
            mails.sendFreshLinks(reader);
            LOG.infof("Reader %d signed out every link", readerId);
            return reader;
        });
    }

    /** Stamps the sign-out in the caller's transaction. */
    void revoke(Reader reader) {
        reader.linksSignedOutAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // A signup waiting for confirmation was made with links that no longer work.
        PendingSignup.clear(reader.id);
    }
}
