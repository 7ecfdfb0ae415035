package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

import io.paperpost.site.InvalidInputException;
import io.paperpost.subscription.EmailAddresses;
import io.paperpost.subscription.Reader;

/**
 * V81: readers are keyed by the mailbox their address reaches ({@link EmailAddresses#key}). The key used to be
 * the address lower-cased, so a zero-width space, a soft hyphen, full-width letters or the other spelling of an
 * internationalized domain made a second reader of one mailbox. A Java migration because NFKC and IDNA have no
 * portable SQL (H2 and PostgreSQL); it applies the application's own rule, so the keys written here are the keys
 * lookups compute.
 *
 * <p>Every reader's address is stored in its normal form and keyed anew. When several readers turn out to share
 * a mailbox, one keeps the key: a subscribed (active) reader, the one confirmed first; if none is subscribed,
 * the one confirmed first (now unsubscribed or bounced); if none ever confirmed, the first to sign up. So no
 * mailbox that wants its digest loses it, and none gets two. The others:
 * <ul>
 * <li>never confirmed: deleted (they had nothing but a pending link, and the daily purge deletes them anyway);</li>
 * <li>subscribed: unsubscribed, with a reason naming the reader that keeps the mailbox;</li>
 * <li>all that remain keep their rows (deliveries, feedback, their data export) under a key of their own,
 * {@code merged:<id>} ({@link Reader#MERGED_KEY_PREFIX}), which has no @ and so matches no address. Their links still open their pages, but they
 * cannot resubscribe while the mailbox belongs to the other reader.</li>
 * </ul>
 * An address that no longer passes validation (its punycode spelling over 254 characters) keeps its row as it
 * was; its id is logged.
 */
public class V81__email_keys extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V81__email_keys.class);

    /** A reader whose stored address or key changes, or whose key another reader's new key collides with. */
    private record Member(long id, String email, String key, String status, Timestamp confirmedAt, Timestamp createdAt) {

        boolean subscribed() {
            return "ACTIVE".equals(status) || "PAUSED".equals(status);
        }
    }

    /** Who keeps a shared mailbox: subscribed first, then confirmed first, then signed up first. */
    private static final Comparator<Member> KEEPS_THE_MAILBOX = Comparator
            .comparing((Member m) -> !m.subscribed())
            .thenComparing(Member::confirmedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Member::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Member::id);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        Map<Long, Member> changed = changedReaders(db);
        Map<String, List<Member>> mailboxes = new LinkedHashMap<>();
        changed.values().forEach(m -> mailboxes.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
        addUnchangedHolders(db, mailboxes, changed);

        List<Member> rekeyed = new ArrayList<>();
        Map<Member, Long> merged = new LinkedHashMap<>();
        for (List<Member> sharing : mailboxes.values()) {
            sharing.sort(KEEPS_THE_MAILBOX);
            Member keeper = sharing.get(0);
            rekeyed.add(keeper);
            sharing.subList(1, sharing.size()).forEach(m -> merged.put(m, keeper.id()));
        }
        // Move every key out of the way first: a reader's new key may be the old key of another not yet updated.
        try (PreparedStatement park = db.prepareStatement("update reader set email_key = ? where id = ?")) {
            for (Member member : changedOrMerged(rekeyed, merged)) {
                park.setString(1, "v81:" + member.id());
                park.setLong(2, member.id());
                park.addBatch();
            }
            park.executeBatch();
        }
        try (PreparedStatement update = db.prepareStatement("update reader set email = ?, email_key = ? where id = ?")) {
            for (Member member : rekeyed) {
                update.setString(1, member.email());
                update.setString(2, member.key());
                update.setLong(3, member.id());
                update.addBatch();
            }
            update.executeBatch();
        }
        merge(db, merged);
        if (!changed.isEmpty()) {
            LOG.infof("V81: %d readers' addresses or keys rewritten; %d readers shared a mailbox with another and were "
                    + "merged (reader id -> the reader that keeps the mailbox): %s", changed.size(), merged.size(),
                    merged.entrySet().stream().map(e -> e.getKey().id() + "->" + e.getValue()).toList());
        }
    }

    /** Readers whose normal form or key differs from what is stored, streamed: most readers are unchanged. */
    private static Map<Long, Member> changedReaders(Connection db) throws SQLException {
        Map<Long, Member> changed = new HashMap<>();
        try (Statement statement = db.createStatement()) {
            statement.setFetchSize(1_000);
            try (ResultSet rs = statement.executeQuery(
                    "select id, email, email_key, status, confirmed_at, created_at from reader")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String email = rs.getString(2);
                    String normalized;
                    String key;
                    try {
                        normalized = EmailAddresses.normalize(email);
                        key = EmailAddresses.key(normalized);
                    } catch (InvalidInputException e) {
                        LOG.warnf("V81: reader %d keeps its address and key: %s", id, e.getMessage());
                        continue;
                    }
                    if (!normalized.equals(email) || !key.equals(rs.getString(3))) {
                        changed.put(id, new Member(id, normalized, key, rs.getString(4), rs.getTimestamp(5),
                                rs.getTimestamp(6)));
                    }
                }
            }
        }
        return changed;
    }

    /** Adds to each new key the reader already holding it, when that reader is not changed itself. */
    private static void addUnchangedHolders(Connection db, Map<String, List<Member>> mailboxes, Map<Long, Member> changed)
            throws SQLException {
        try (PreparedStatement holder = db.prepareStatement(
                "select id, email, status, confirmed_at, created_at from reader where email_key = ?")) {
            for (Map.Entry<String, List<Member>> mailbox : mailboxes.entrySet()) {
                holder.setString(1, mailbox.getKey());
                try (ResultSet rs = holder.executeQuery()) {
                    if (rs.next() && !changed.containsKey(rs.getLong(1))) {
                        mailbox.getValue().add(new Member(rs.getLong(1), rs.getString(2), mailbox.getKey(),
                                rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5)));
                    }
                }
            }
        }
    }

    private static List<Member> changedOrMerged(List<Member> rekeyed, Map<Member, Long> merged) {
        List<Member> all = new ArrayList<>(rekeyed);
        all.addAll(merged.keySet());
        return all;
    }

    /** The readers that do not keep their mailbox: see the class comment. */
    private static void merge(Connection db, Map<Member, Long> merged) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("delete from reader where id = ?");
             PreparedStatement unkey = db.prepareStatement("update reader set email = ?, email_key = ? where id = ?");
             PreparedStatement unsubscribe = db.prepareStatement("update reader set status = 'UNSUBSCRIBED', "
                     + "unsubscribed_at = current_timestamp, unsubscribe_reason = ? where id = ?")) {
            for (Map.Entry<Member, Long> entry : merged.entrySet()) {
                Member member = entry.getKey();
                if ("PENDING".equals(member.status())) {
                    delete.setLong(1, member.id());
                    delete.addBatch();
                    continue;
                }
                unkey.setString(1, member.email());
                unkey.setString(2, Reader.MERGED_KEY_PREFIX + member.id());
                unkey.setLong(3, member.id());
                unkey.addBatch();
                if (member.subscribed()) {
                    unsubscribe.setString(1, "Unsubscribed by PaperPost: the same mailbox was subscribed twice, as "
                            + "reader " + entry.getValue() + ", which keeps getting the digest.");
                    unsubscribe.setLong(2, member.id());
                    unsubscribe.addBatch();
                }
            }
            delete.executeBatch();
            unkey.executeBatch();
            unsubscribe.executeBatch();
        }
    }
}
