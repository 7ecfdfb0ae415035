package io.paperpost.papers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one batch of records with plain JDBC (portable SQL, statement batches) on a connection that takes
 * part in the caller's transaction: loads the papers the records may be ({@link PaperMatcher} says which and
 * which one each record is), adds the new ones and merges the others ({@link MergePolicy}), then writes them
 * ({@link PaperColumns}).
 */
final class PaperStore {

    private static final String INSERT_VERSION = "insert into paper_version (paper_id, version, seen_on, "
            + "announce_type, source, recorded_at) values (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NEWS = "insert into paper_news (paper_id, kind, detail, batch, recorded_at) "
            + "values (?, ?, ?, ?, ?)";
    private static final String HAS_TITLE_KEY_STATISTICS = "select exists (select 1 from pg_stats "
            + "where schemaname = current_schema() and tablename = 'paper' and attname = 'title_key')";

    record Counts(int added, int updated, int skipped) {
    }

    private record VersionSeen(Paper paper, int version, String announceType) {
    }

    private record NewsSeen(Paper paper, PaperNews.Seen news) {
    }

    /**
     * A record with the keys it is matched on, worked out by {@link #keyed} on the thread that reads the source,
     * so that the writer thread, which an import waits for, only matches and writes.
     */
    record Keyed(PaperRecord record, String titleKey, String arxivId) {
    }

    static Keyed keyed(PaperRecord record) {
        // H2 hashes every string parameter for its value cache (StringUtils.cache), on the writer thread; a String
        // keeps its hash once computed, so hashing the abstract (about 2 KB) here does that work off it.
        record.summary().hashCode();
        return new Keyed(record, record.titleKey(), record.arxivId());
    }

    private final Connection connection;
    private final String source;
    private final LocalDate firstSeenOn;
    private final Instant now;

    private final PaperMatcher matcher = new PaperMatcher();
    private final Set<Paper> inserts = new LinkedHashSet<>();
    private final Set<Paper> updates = new LinkedHashSet<>();
    private final List<VersionSeen> versions = new ArrayList<>();
    private final List<NewsSeen> news = new ArrayList<>();

    PaperStore(Connection connection, String source, LocalDate firstSeenOn, Instant now) {
        this.connection = connection;
        this.source = source;
        this.firstSeenOn = firstSeenOn;
        this.now = now;
    }

    Counts store(List<Keyed> records) throws SQLException {
        load(records);
        int added = 0;
        int updated = 0;
        int skipped = 0;
        for (Keyed record : records) {
            Paper paper = matcher.resolve(record);
            if (paper == null) {
                if (record.record().isReplacement()) {
                    skipped++;
                    continue;
                }
                create(record);
                added++;
            } else if (apply(paper, record)) {
                updated++;
            } else {
                skipped++;
            }
        }
        write();
        return new Counts(added, updated, skipped);
    }

    /**
     * On PostgreSQL, analyzes {@code paper} when it has no statistics yet; true when it did. Without them the
     * planner guesses that each title key matches 0.5% of the rows, so a lookup of 500 keys is planned as a
     * scan of the whole table, once per batch: a first large import (or any import where autovacuum is off,
     * as on the build machines) slows down as the table grows. Title keys are nearly unique, which the
     * statistics of even a small table show, and PostgreSQL scales them with the table.
     */
    static boolean analyzeIfNeverAnalyzed(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(org.postgresql.PGConnection.class)) {
            return false;
        }
        try (var statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(HAS_TITLE_KEY_STATISTICS)) {
                if (rows.next() && rows.getBoolean(1)) {
                    return false;
                }
            }
            statement.execute("analyze paper");
            return true;
        }
    }

    /** Three lookups, each for the records the ones before did not find. */
    private void load(List<Keyed> records) throws SQLException {
        select("id", matcher.idsToLoad(records));
        select("arxiv_id", matcher.arxivIdsToLoad(records));
        select("title_key", matcher.titleKeysToLoad(records));
    }

    private void select(String column, Collection<String> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement("select " + PaperColumns.SELECTED
                + " from paper where " + column + " in (" + marks + ") order by first_seen_on, id")) {
            if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
                // PostgreSQL would otherwise switch to a cached generic plan after five executions, made while
                // the table was still small (a sequential scan), and keep it as the table grows: plan each
                // lookup with its values instead.
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            int i = 1;
            for (String value : values) {
                statement.setString(i++, value);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!matcher.knows(PaperColumns.id(rows))) {
                        matcher.add(PaperColumns.read(rows));
                    }
                }
            }
        }
    }

    private void create(Keyed record) {
        Paper paper = MergePolicy.newPaper(record, source, firstSeenOn, now);
        inserts.add(paper);
        matcher.add(paper);
    }

    /** Merges the record into a known paper; true when anything changed. */
    private boolean apply(Paper paper, Keyed keyed) {
        PaperRecord record = keyed.record();
        String codeUrlBefore = paper.codeUrl;
        String venueBefore = paper.venue;
        int upvotesBefore = paper.upvotes;
        boolean changed = matcher.linkArxivId(paper, keyed.arxivId());
        changed |= MergePolicy.merge(paper, record);
        Integer newVersion = null;
        if (MergePolicy.takeNewerVersion(paper, record)) {
            versions.add(new VersionSeen(paper, record.version(), record.announceType()));
            newVersion = record.version();
            changed = true;
        }
        if (!changed) {
            return false;
        }
        if (!inserts.contains(paper)) {
            // A paper added by this same batch has no readers yet to tell.
            PaperNews.between(codeUrlBefore, venueBefore, upvotesBefore, paper, newVersion)
                    .forEach(seen -> news.add(new NewsSeen(paper, seen)));
        }
        MergePolicy.fit(paper);
        matcher.retitled(paper);
        paper.updatedAt = now;
        if (!inserts.contains(paper)) {
            updates.add(paper);
        }
        return true;
    }

    private void write() throws SQLException {
        // The batch's papers and news become available together, when it commits.
        long batch = inserts.isEmpty() && news.isEmpty() ? 0 : PaperFeed.takeNextBatch(connection);
        if (!inserts.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(PaperColumns.INSERT)) {
                for (Paper p : inserts) {
                    p.availableSeq = batch;
                    p.availableAt = now;
                    PaperColumns.bindInsert(statement, p);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(PaperColumns.UPDATE)) {
                for (Paper p : updates) {
                    PaperColumns.bindUpdate(statement, p);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!versions.isEmpty()) {
            OffsetDateTime recordedAt = now.atOffset(ZoneOffset.UTC);
            try (PreparedStatement statement = connection.prepareStatement(INSERT_VERSION)) {
                for (VersionSeen v : versions) {
                    // A paper may have moved past this version within the batch; each version is recorded once.
                    statement.setString(1, v.paper().id);
                    statement.setInt(2, v.version());
                    statement.setObject(3, firstSeenOn, Types.DATE);
                    statement.setString(4, v.announceType());
                    statement.setString(5, source);
                    statement.setObject(6, recordedAt);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!news.isEmpty()) {
            OffsetDateTime recordedAt = now.atOffset(ZoneOffset.UTC);
            try (PreparedStatement statement = connection.prepareStatement(INSERT_NEWS)) {
                for (NewsSeen seen : news) {
                    statement.setString(1, seen.paper().id);
                    statement.setString(2, seen.news().kind().name());
                    statement.setString(3, seen.news().detail());
                    statement.setLong(4, batch);
                    statement.setObject(5, recordedAt);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }
}
