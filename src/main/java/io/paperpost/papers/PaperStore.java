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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.paperpost.ranking.AuthorNames;
import io.paperpost.storage.LineListConverter;

/**
 * Writes one batch of records with plain JDBC (portable SQL, statement batches) on a connection that takes
 * part in the caller's transaction.
 *
 * <p>Identity: a record is the paper
 * <ol>
 * <li>whose id is the record's id (the arXiv id without version, or a title key / source key), else</li>
 * <li>for a record with an arXiv id: the paper that already carries that arXiv id in {@code arxiv_id} (a paper
 * first known by title and linked before), else the paper with the same title key that has no arXiv id yet;
 * that paper keeps its id (so links to it stay valid) and gets the arXiv id in {@code arxiv_id};</li>
 * <li>for a record without arXiv id: any paper with the same title key (typically the arXiv paper);</li>
 * <li>else a new paper, unless the record only announces a new version ({@code replace}): PaperPost does not
 * add an old paper because it was revised.</li>
 * </ol>
 * Records in one batch are matched against each other the same way.
 */
final class PaperStore {

    static final int AUTHORS_CHARS = 8000;
    static final int CATEGORIES_CHARS = 1000;
    static final int KEYWORDS_CHARS = 4000;

    private static final String COLUMNS = "id, title, summary, authors, author_count, organization, categories, "
            + "published_on, first_seen_on, upvotes, code_url, source, updated_at, arxiv_id, title_key, "
            + "latest_version, project_url, github_stars, ai_summary, keywords";
    private static final String INSERT = "insert into paper (" + COLUMNS + ", author_keys, first_version, "
            + "first_announce_type, available_seq, available_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "update paper set title = ?, summary = ?, authors = ?, author_count = ?, "
            + "organization = ?, categories = ?, published_on = ?, upvotes = ?, code_url = ?, updated_at = ?, "
            + "arxiv_id = ?, title_key = ?, latest_version = ?, project_url = ?, github_stars = ?, ai_summary = ?, "
            + "keywords = ?, author_keys = ? where id = ?";
    private static final String INSERT_VERSION = "insert into paper_version (paper_id, version, seen_on, "
            + "announce_type, source, recorded_at) values (?, ?, ?, ?, ?, ?)";
    private static final String HAS_TITLE_KEY_STATISTICS = "select exists (select 1 from pg_stats "
            + "where schemaname = current_schema() and tablename = 'paper' and attname = 'title_key')";

    record Counts(int added, int updated, int skipped) {
    }

    private record VersionSeen(Paper paper, int version, String announceType) {
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
    private final java.util.function.UnaryOperator<String> normalizeName;
    private final String source;
    private final LocalDate firstSeenOn;
    private final OffsetDateTime now;

    private final Map<String, Paper> byId = new HashMap<>();
    private final Map<String, Paper> byArxivId = new HashMap<>();
    private final Map<String, List<Paper>> byTitleKey = new HashMap<>();
    private final Set<Paper> inserts = new LinkedHashSet<>();
    private final Set<Paper> updates = new LinkedHashSet<>();
    private final List<VersionSeen> versions = new ArrayList<>();

    PaperStore(Connection connection, String source, LocalDate firstSeenOn, Instant now) {
        this(connection, source, firstSeenOn, now, AuthorNames::normalize);
    }

    /** @param normalizeName {@link AuthorNames#normalize}, possibly cached by the caller */
    PaperStore(Connection connection, String source, LocalDate firstSeenOn, Instant now,
               java.util.function.UnaryOperator<String> normalizeName) {
        this.connection = connection;
        this.normalizeName = normalizeName;
        this.source = source;
        this.firstSeenOn = firstSeenOn;
        this.now = now.atOffset(ZoneOffset.UTC);
    }

    Counts store(List<Keyed> records) throws SQLException {
        load(records);
        int added = 0;
        int updated = 0;
        int skipped = 0;
        for (Keyed record : records) {
            Paper paper = resolve(record);
            if (paper == null) {
                if (record.record().isReplacement()) {
                    skipped++;
                    continue;
                }
                paper = create(record);
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

    // ------------------------------------------------------------------ matching

    private void load(List<Keyed> records) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(r.record().id()));
        select("id", ids);
        Set<String> arxivIds = new LinkedHashSet<>();
        for (Keyed r : records) {
            if (r.arxivId() != null && !byId.containsKey(r.record().id())) {
                arxivIds.add(r.arxivId());
            }
        }
        select("arxiv_id", arxivIds);
        Set<String> titleKeys = new LinkedHashSet<>();
        for (Keyed r : records) {
            if (!byId.containsKey(r.record().id()) && (r.arxivId() == null || !byArxivId.containsKey(r.arxivId()))) {
                titleKeys.add(r.titleKey());
            }
        }
        select("title_key", titleKeys);
    }

    private void select(String column, Collection<String> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + COLUMNS + " from paper where " + column + " in (" + marks + ") order by first_seen_on, id")) {
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
                    if (!byId.containsKey(rows.getString("id"))) {
                        register(read(rows));
                    }
                }
            }
        }
    }

    private void register(Paper paper) {
        byId.put(paper.id, paper);
        if (paper.arxivId != null) {
            byArxivId.put(paper.arxivId, paper);
        }
        if (paper.titleKey != null) {
            byTitleKey.computeIfAbsent(paper.titleKey, k -> new ArrayList<>()).add(paper);
        }
    }

    private Paper resolve(Keyed record) {
        Paper paper = byId.get(record.record().id());
        if (paper != null) {
            return paper;
        }
        String arxivId = record.arxivId();
        if (arxivId != null) {
            paper = byArxivId.get(arxivId);
            if (paper != null) {
                return paper;
            }
        }
        for (Paper candidate : byTitleKey.getOrDefault(record.titleKey(), List.of())) {
            if (arxivId == null) {
                return candidate;
            }
            // Only a paper known by title alone can take this arXiv id: one with its own arXiv id is another paper.
            if (candidate.arxivId == null && !ArxivIds.isKey(candidate.id)) {
                return candidate;
            }
        }
        return null;
    }

    private Paper create(Keyed keyed) {
        PaperRecord record = keyed.record();
        Paper paper = new Paper();
        paper.id = record.id();
        paper.arxivId = keyed.arxivId();
        paper.firstSeenOn = firstSeenOn;
        paper.source = source;
        merge(paper, record);
        fit(paper);
        paper.titleKey = keyed.titleKey();
        paper.updatedAt = now.toInstant();
        // The version a paper is first seen with is kept on its row: paper_version holds the later ones.
        paper.latestVersion = record.version();
        paper.firstVersion = record.version();
        paper.firstAnnounceType = record.version() == null ? null : record.announceType();
        inserts.add(paper);
        register(paper);
        return paper;
    }

    /** Merges the record into a known paper; true when anything changed. */
    private boolean apply(Paper paper, Keyed keyed) {
        PaperRecord record = keyed.record();
        boolean changed = false;
        if (keyed.arxivId() != null && paper.arxivId == null) {
            paper.arxivId = keyed.arxivId();
            byArxivId.put(paper.arxivId, paper);
            changed = true;
        }
        changed |= merge(paper, record);
        if (record.version() != null && (paper.latestVersion == null || record.version() > paper.latestVersion)) {
            paper.latestVersion = record.version();
            versions.add(new VersionSeen(paper, record.version(), record.announceType()));
            changed = true;
        }
        if (!changed) {
            return false;
        }
        fit(paper);
        String titleKey = PaperKeys.fromTitle(paper.title);
        if (!titleKey.equals(paper.titleKey)) {
            paper.titleKey = titleKey;
            byTitleKey.computeIfAbsent(titleKey, k -> new ArrayList<>()).add(paper);
        }
        paper.updatedAt = now.toInstant();
        if (!inserts.contains(paper)) {
            updates.add(paper);
        }
        return true;
    }

    /** Keeps the list columns within their size; a cut author list keeps the full count in author_count. */
    private static void fit(Paper paper) {
        int authors = paper.authors.size();
        paper.authors = prefixWithin(paper.authors, AUTHORS_CHARS);
        if (paper.authors.size() < authors && (paper.authorCount == null || paper.authorCount < authors)) {
            paper.authorCount = authors;
        }
        paper.categories = prefixWithin(paper.categories, CATEGORIES_CHARS);
        paper.keywords = prefixWithin(paper.keywords, KEYWORDS_CHARS);
    }

    private static List<String> prefixWithin(List<String> values, int maxChars) {
        int length = 0;
        for (int i = 0; i < values.size(); i++) {
            length += values.get(i).length() + (i == 0 ? 0 : 1);
            if (length > maxChars) {
                return new ArrayList<>(values.subList(0, i));
            }
        }
        return values;
    }

    // ------------------------------------------------------------------ writing

    private void write() throws SQLException {
        if (!inserts.isEmpty()) {
            // The batch's papers become available together, when it commits.
            long batch = PaperFeed.takeNextBatch(connection);
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (Paper p : inserts) {
                    statement.setString(1, p.id);
                    statement.setString(2, p.title);
                    statement.setString(3, p.summary);
                    statement.setString(4, column(p.authors));
                    setInteger(statement, 5, p.authorCount);
                    statement.setString(6, p.organization);
                    statement.setString(7, column(p.categories));
                    statement.setObject(8, p.publishedOn, Types.DATE);
                    statement.setObject(9, p.firstSeenOn, Types.DATE);
                    statement.setInt(10, p.upvotes);
                    statement.setString(11, p.codeUrl);
                    statement.setString(12, p.source);
                    statement.setObject(13, now);
                    statement.setString(14, p.arxivId);
                    statement.setString(15, p.titleKey);
                    setInteger(statement, 16, p.latestVersion);
                    statement.setString(17, p.projectUrl);
                    setInteger(statement, 18, p.githubStars);
                    statement.setString(19, p.aiSummary);
                    statement.setString(20, column(p.keywords));
                    statement.setString(21, AuthorKeys.of(p.authors, normalizeName));
                    setInteger(statement, 22, p.firstVersion);
                    statement.setString(23, p.firstAnnounceType);
                    statement.setLong(24, batch);
                    statement.setObject(25, now);
                    p.availableSeq = batch;
                    p.availableAt = now.toInstant();
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
                for (Paper p : updates) {
                    statement.setString(1, p.title);
                    statement.setString(2, p.summary);
                    statement.setString(3, column(p.authors));
                    setInteger(statement, 4, p.authorCount);
                    statement.setString(5, p.organization);
                    statement.setString(6, column(p.categories));
                    statement.setObject(7, p.publishedOn, Types.DATE);
                    statement.setInt(8, p.upvotes);
                    statement.setString(9, p.codeUrl);
                    statement.setObject(10, now);
                    statement.setString(11, p.arxivId);
                    statement.setString(12, p.titleKey);
                    setInteger(statement, 13, p.latestVersion);
                    statement.setString(14, p.projectUrl);
                    setInteger(statement, 15, p.githubStars);
                    statement.setString(16, p.aiSummary);
                    statement.setString(17, column(p.keywords));
                    statement.setString(18, AuthorKeys.of(p.authors, normalizeName));
                    statement.setString(19, p.id);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!versions.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_VERSION)) {
                for (VersionSeen v : versions) {
                    // A paper may have moved past this version within the batch; each version is recorded once.
                    statement.setString(1, v.paper().id);
                    statement.setInt(2, v.version());
                    statement.setObject(3, firstSeenOn, Types.DATE);
                    statement.setString(4, v.announceType());
                    statement.setString(5, source);
                    statement.setObject(6, now);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /** The newline-separated form {@link LineListConverter} reads. */
    private static String column(List<String> values) {
        return String.join("\n", values);
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Paper read(ResultSet rows) throws SQLException {
        Paper p = new Paper();
        p.id = rows.getString("id");
        p.title = rows.getString("title");
        p.summary = rows.getString("summary");
        p.authors = new ArrayList<>(LineListConverter.fromColumn(rows.getString("authors")));
        p.authorCount = (Integer) rows.getObject("author_count", Integer.class);
        p.organization = rows.getString("organization");
        p.categories = new ArrayList<>(LineListConverter.fromColumn(rows.getString("categories")));
        p.publishedOn = rows.getObject("published_on", LocalDate.class);
        p.firstSeenOn = rows.getObject("first_seen_on", LocalDate.class);
        p.upvotes = rows.getInt("upvotes");
        p.codeUrl = rows.getString("code_url");
        p.source = rows.getString("source");
        OffsetDateTime updatedAt = rows.getObject("updated_at", OffsetDateTime.class);
        p.updatedAt = updatedAt == null ? null : updatedAt.toInstant();
        p.arxivId = rows.getString("arxiv_id");
        p.titleKey = rows.getString("title_key");
        p.latestVersion = rows.getObject("latest_version", Integer.class);
        p.projectUrl = rows.getString("project_url");
        p.githubStars = rows.getObject("github_stars", Integer.class);
        p.aiSummary = rows.getString("ai_summary");
        p.keywords = new ArrayList<>(LineListConverter.fromColumn(rows.getString("keywords")));
        return p;
    }

    // ------------------------------------------------------------------ merging

    /** Copies what the record knows onto the paper, never erasing a known value; true when anything changed. */
    static boolean merge(Paper paper, PaperRecord record) {
        boolean changed = false;
        changed |= set(paper, p -> p.title, record.title(), (p, v) -> p.title = v);
        if (!record.summary().isEmpty() || paper.summary == null) {
            changed |= set(paper, p -> p.summary, record.summary(), (p, v) -> p.summary = v);
        }
        if (!record.authors().isEmpty() || paper.authors == null) {
            changed |= set(paper, p -> p.authors, record.authors(), (p, v) -> p.authors = new ArrayList<>(v));
        }
        if (!record.categories().isEmpty() || paper.categories == null) {
            changed |= set(paper, p -> p.categories, record.categories(), (p, v) -> p.categories = new ArrayList<>(v));
        }
        if (!record.keywords().isEmpty() || paper.keywords == null) {
            changed |= set(paper, p -> p.keywords, record.keywords(), (p, v) -> p.keywords = new ArrayList<>(v));
        }
        changed |= setIfKnown(paper, p -> p.authorCount, record.authorCount(), (p, v) -> p.authorCount = v);
        changed |= setIfKnown(paper, p -> p.organization, record.organization(), (p, v) -> p.organization = v);
        changed |= setIfKnown(paper, p -> p.publishedOn, record.publishedOn(), (p, v) -> p.publishedOn = v);
        changed |= setIfKnown(paper, p -> p.codeUrl, record.codeUrl(), (p, v) -> p.codeUrl = v);
        changed |= setIfKnown(paper, p -> p.projectUrl, record.projectUrl(), (p, v) -> p.projectUrl = v);
        changed |= setIfKnown(paper, p -> p.githubStars, record.githubStars(), (p, v) -> p.githubStars = v);
        changed |= setIfKnown(paper, p -> p.aiSummary, record.aiSummary(), (p, v) -> p.aiSummary = v);
        if (record.upvotes() != null && record.upvotes() != paper.upvotes) {
            paper.upvotes = record.upvotes();
            changed = true;
        }
        return changed;
    }

    private static <T> boolean setIfKnown(Paper paper, Function<Paper, T> getter, T value, BiConsumer<Paper, T> setter) {
        return value != null && set(paper, getter, value, setter);
    }

    private static <T> boolean set(Paper paper, Function<Paper, T> getter, T value, BiConsumer<Paper, T> setter) {
        if (Objects.equals(getter.apply(paper), value)) {
            return false;
        }
        setter.accept(paper, value);
        return true;
    }
}
