package io.paperpost.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * What a signup for an address that already has a reader asked for, kept apart until the confirmation link sent
 * for it is clicked: anyone can type an address, so until its mailbox confirms, the stored reader (its choices,
 * its status, its links) stays as it was. One per reader: a later signup replaces it, and the earlier link no
 * longer applies anything. Callers run inside a transaction.
 */
@Entity
@Table(name = "pending_signup")
public class PendingSignup extends SignupChoices {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reader_id")
    public long readerId;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** Keeps the signup's choices for the reader in place of any earlier signup's. */
    static PendingSignup replace(long readerId, Preferences preferences, String timeZone, Instant now) {
        clear(readerId);
        PendingSignup signup = new PendingSignup();
        signup.readerId = readerId;
        signup.choose(preferences);
        signup.timeZone = timeZone;
        signup.requestedAt = now;
        signup.persist();
        return signup;
    }

    static Optional<PendingSignup> ofReader(long readerId) {
        return find("readerId", readerId).firstResultOptional();
    }

    /** The signup a confirmation link was sent for, by the subject it carries; none once replaced or settled. */
    static Optional<PendingSignup> forLink(long readerId, String linkSubject) {
        long id;
        try {
            id = Long.parseLong(linkSubject, 36);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return PendingSignup.<PendingSignup>findByIdOptional(id).filter(s -> s.readerId == readerId);
    }

    /** Forgets the reader's pending signup: it was confirmed, or the reader settled their subscription otherwise. */
    static void clear(long readerId) {
        delete("readerId", readerId);
    }

    /** What the confirmation link carries to name this signup. */
    String linkSubject() {
        return Long.toString(id, 36);
    }
}
