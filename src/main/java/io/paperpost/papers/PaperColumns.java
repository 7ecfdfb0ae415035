package io.paperpost.papers;

import io.paperpost.storage.LineListConverter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of {@code paper} that {@link PaperStore} reads and writes, each named once with how its value is
 * bound and read: the INSERT, the UPDATE and the lookup's column list are made from this table.
 */
final class PaperColumns {

    /** When a column is written: with every change of the paper, or only when it is added (then kept). */
    private enum Written {
        ALWAYS, ON_INSERT
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, int index, Paper paper) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader {
        void read(ResultSet rows, int index, Paper paper) throws SQLException;
    }

    /** @param reader null for a column the importer writes but never needs to read */
    private record Column(String name, Written written, Binder binder, Reader reader) {
    }

    private static final Column ID = text("id", Written.ON_INSERT, p -> p.id, (p, v) -> p.id = v);

    private static final List<Column> COLUMNS = List.of(
            ID,
            text("title", Written.ALWAYS, p -> p.title, (p, v) -> p.title = v),
            text("summary", Written.ALWAYS, p -> p.summary, (p, v) -> p.summary = v),
            lines("authors", p -> p.authors, (p, v) -> p.authors = v),
            integer("author_count", Written.ALWAYS, p -> p.authorCount, (p, v) -> p.authorCount = v),
            text("organization", Written.ALWAYS, p -> p.organization, (p, v) -> p.organization = v),
            lines("categories", p -> p.categories, (p, v) -> p.categories = v),
            date("published_on", Written.ALWAYS, p -> p.publishedOn, (p, v) -> p.publishedOn = v),
            date("first_seen_on", Written.ON_INSERT, p -> p.firstSeenOn, (p, v) -> p.firstSeenOn = v),
            new Column("upvotes", Written.ALWAYS, (s, i, p) -> s.setInt(i, p.upvotes),
                    (r, i, p) -> p.upvotes = r.getInt(i)),
            text("code_url", Written.ALWAYS, p -> p.codeUrl, (p, v) -> p.codeUrl = v),
            text("source", Written.ON_INSERT, p -> p.source, (p, v) -> p.source = v),
            timestamp("updated_at", Written.ALWAYS, p -> p.updatedAt, (p, v) -> p.updatedAt = v),
            text("arxiv_id", Written.ALWAYS, p -> p.arxivId, (p, v) -> p.arxivId = v),
            text("title_key", Written.ALWAYS, p -> p.titleKey, (p, v) -> p.titleKey = v),
            integer("latest_version", Written.ALWAYS, p -> p.latestVersion, (p, v) -> p.latestVersion = v),
            text("project_url", Written.ALWAYS, p -> p.projectUrl, (p, v) -> p.projectUrl = v),
            integer("github_stars", Written.ALWAYS, p -> p.githubStars, (p, v) -> p.githubStars = v),
            text("ai_summary", Written.ALWAYS, p -> p.aiSummary, (p, v) -> p.aiSummary = v),
            lines("keywords", p -> p.keywords, (p, v) -> p.keywords = v),
            text("venue", Written.ALWAYS, p -> p.venue, (p, v) -> p.venue = v),
            // Set when the paper is added and never changed by the importer, which therefore does not read them.
            integer("first_version", Written.ON_INSERT, p -> p.firstVersion, null),
            text("first_announce_type", Written.ON_INSERT, p -> p.firstAnnounceType, null),
            new Column("available_seq", Written.ON_INSERT, (s, i, p) -> s.setLong(i, p.availableSeq), null),
            timestamp("available_at", Written.ON_INSERT, p -> p.availableAt, null));

    private static final List<Column> READ = COLUMNS.stream().filter(c -> c.reader() != null).toList();
    private static final List<Column> UPDATED = COLUMNS.stream().filter(c -> c.written() == Written.ALWAYS).toList();

    /** The columns a lookup selects, the id first (see {@link #id}). */
    static final String SELECTED = names(READ, ", ");
    static final String INSERT = "insert into paper (" + names(COLUMNS, ", ") + ") values ("
            + COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    static final String UPDATE = "update paper set " + names(UPDATED, " = ?, ") + " = ? where " + ID.name() + " = ?";

    private PaperColumns() {
    }

    static void bindInsert(PreparedStatement statement, Paper paper) throws SQLException {
        bind(statement, COLUMNS, paper);
    }

    /** Binds the columns a change writes, then the id the UPDATE's where clause names. */
    static void bindUpdate(PreparedStatement statement, Paper paper) throws SQLException {
        bind(statement, UPDATED, paper);
        ID.binder().bind(statement, UPDATED.size() + 1, paper);
    }

    /** The id of the current row of a lookup ({@link #SELECTED}). */
    static String id(ResultSet rows) throws SQLException {
        return rows.getString(1);
    }

    /** The paper in the current row of a lookup ({@link #SELECTED}). */
    static Paper read(ResultSet rows) throws SQLException {
        Paper paper = new Paper();
        for (int i = 0; i < READ.size(); i++) {
            READ.get(i).reader().read(rows, i + 1, paper);
        }
        return paper;
    }

    private static void bind(PreparedStatement statement, List<Column> columns, Paper paper) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).binder().bind(statement, i + 1, paper);
        }
    }

    private static String names(List<Column> columns, String separator) {
        return columns.stream().map(Column::name).collect(Collectors.joining(separator));
    }

    private static Column text(String name, Written written, Function<Paper, String> get,
            BiConsumer<Paper, String> set) {
        return new Column(name, written, (s, i, p) -> s.setString(i, get.apply(p)),
                set == null ? null : (r, i, p) -> set.accept(p, r.getString(i)));
    }

    private static Column integer(String name, Written written, Function<Paper, Integer> get,
            BiConsumer<Paper, Integer> set) {
        return new Column(name, written, nullable(get, Types.INTEGER, PreparedStatement::setInt),
                set == null ? null : (r, i, p) -> set.accept(p, r.getObject(i, Integer.class)));
    }

    private static Column date(String name, Written written, Function<Paper, LocalDate> get,
            BiConsumer<Paper, LocalDate> set) {
        return new Column(name, written, (s, i, p) -> s.setObject(i, get.apply(p), Types.DATE),
                (r, i, p) -> set.accept(p, r.getObject(i, LocalDate.class)));
    }

    private static Column timestamp(String name, Written written, Function<Paper, Instant> get,
            BiConsumer<Paper, Instant> set) {
        Binder binder = nullable(get, Types.TIMESTAMP_WITH_TIMEZONE,
                (s, i, v) -> s.setObject(i, v.atOffset(ZoneOffset.UTC)));
        Reader reader = set == null ? null : (r, i, p) -> {
            OffsetDateTime value = r.getObject(i, OffsetDateTime.class);
            set.accept(p, value == null ? null : value.toInstant());
        };
        return new Column(name, written, binder, reader);
    }

    @FunctionalInterface
    private interface ValueSetter<T> {
        void set(PreparedStatement statement, int index, T value) throws SQLException;
    }

    /** Binds SQL null of the type for a null value, else the value through the setter. */
    private static <T> Binder nullable(Function<Paper, T> get, int sqlType, ValueSetter<T> setter) {
        return (s, i, p) -> {
            T value = get.apply(p);
            if (value == null) {
                s.setNull(i, sqlType);
            } else {
                setter.set(s, i, value);
            }
        };
    }

    /** A list column in the newline-separated form {@link LineListConverter} reads. */
    private static Column lines(String name, Function<Paper, List<String>> get, BiConsumer<Paper, List<String>> set) {
        return new Column(name, Written.ALWAYS, (s, i, p) -> s.setString(i, String.join("\n", get.apply(p))),
                (r, i, p) -> set.accept(p, new ArrayList<>(LineListConverter.fromColumn(r.getString(i)))));
    }
}
