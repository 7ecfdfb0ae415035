package io.paperpost.subscription;

import com.google.common.collect.Lists;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.site.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Addresses of readers who asked to be erased, as keyed hashes: nothing may be sent to them again unless they
 * sign up anew and confirm. Callers run inside a transaction.
 */
@ApplicationScoped
public class SuppressionList {

    @Inject
    ReaderTokens tokens;
    @Inject
    Clock clock;

    public boolean isSuppressed(String email) {
        return hashes(email).stream().anyMatch(h -> SuppressedAddress.findById(h) != null);
    }

    /** Those of the addresses that are on the list, in one query (an import checks a thousand at a time). */
    Set<String> suppressedAmong(Collection<String> emails) {
        Map<String, String> emailByHash = new HashMap<>();
        emails.forEach(email -> hashes(email).forEach(hash -> emailByHash.put(hash, email)));
        Set<String> suppressed = new HashSet<>();
        // A hundred per query: PostgreSQL then uses the key's index however few statistics the table has.
        for (List<String> hashes : Lists.partition(List.copyOf(emailByHash.keySet()), 100)) {
            SuppressedAddress.getEntityManager()
                    .createQuery("select s.addressHash from SuppressedAddress s where s.addressHash in :hashes",
                            String.class)
                    .setParameter("hashes", hashes).getResultStream().map(emailByHash::get)
                    .forEach(suppressed::add);
        }
        return suppressed;
    }

    void suppress(String email) {
        String hash = tokens.addressHashes(spellings(email).iterator().next()).get(0);
        if (SuppressedAddress.findById(hash) == null) {
            SuppressedAddress entry = new SuppressedAddress();
            entry.addressHash = hash;
            entry.suppressedAt = clock.instant();
            entry.persist();
        }
    }

    /** The address was confirmed again: its owner wants email after all. */
    void lift(String email) {
        for (String hash : hashes(email)) {
            SuppressedAddress.deleteById(hash);
        }
    }

    private Set<String> hashes(String email) {
        Set<String> hashes = new LinkedHashSet<>();
        spellings(email).forEach(spelling -> hashes.addAll(tokens.addressHashes(spelling)));
        return hashes;
    }

    /**
     * What an entry for the address may have been hashed from, the one new entries use first: the mailbox's
     * {@link EmailAddresses#key}, then the lower-cased address, which entries made before V81 hashed (they differ
     * for an internationalized domain; an address stored then that no longer passes has only that one).
     */
    private static Set<String> spellings(String email) {
        Set<String> spellings = new LinkedHashSet<>();
        try {
            spellings.add(EmailAddresses.key(email));
            spellings.add(EmailAddresses.normalize(email).toLowerCase(Locale.ROOT));
        } catch (InvalidInputException e) {
            spellings.add(email.toLowerCase(Locale.ROOT));
        }
        return spellings;
    }
}
