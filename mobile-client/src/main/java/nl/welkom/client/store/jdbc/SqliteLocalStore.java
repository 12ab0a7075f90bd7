package nl.welkom.client.store.jdbc;

import java.io.Closeable;
import java.io.File;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.LocalStoreException;
import nl.welkom.client.store.StoredDocument;
import nl.welkom.client.store.StoredRecord;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * A {@link LocalStore} in one SQLite file over JDBC, for the terminal companion and desktop tests.
 * Needs a SQLite JDBC driver on the class path ({@code org.xerial:sqlite-jdbc}, an optional
 * dependency of this library); this class only talks plain JDBC.
 *
 * <p>SQL is limited to what SQLite 3.18 (Android 8) runs: {@code INSERT OR REPLACE} instead of
 * UPSERT, no window functions, no {@code RETURNING}. The schema is versioned with
 * {@code PRAGMA user_version}; a file written by a newer schema is refused, not guessed at.
 *
 * <p>Schema: the store knows kinds and keys, not features. {@code stored_document} keeps values
 * read whole and replaced whole (the session, the languages, the content pack, the course, the
 * phrasebook, the places) by kind and key, with the variant they were fetched for, their ETag and
 * version beside the body so the sync's "is it current?" check never parses a pack;
 * {@code stored_record} keeps synced items by kind and id with their household, so a household
 * that leaves the scope is one {@code DELETE}; the outbox and notices need their append order
 * ({@code seq}); the cursor is a {@code setting}. Bodies are wire JSON, written and read by the
 * library's typed views.
 *
 * <p>Schema history ({@code PRAGMA user_version}): 1 — one household row; 2 — households keyed by
 * id (a buddy's phone holds several), task notes, mutation values, the pack's version, notices;
 * 3 — the course and the phrasebook ({@code document}, by kind) and course progress per household;
 * 4 — documents and records by kind (every table of v3 moved into them). Older files are migrated
 * in place, one step per transaction, keeping everything.
 *
 * <p>Concurrency: one connection, every method synchronized on the store; a transaction holds the
 * lock for its whole duration (SQLite has one writer anyway). Keep transactions short.
 */
public final class SqliteLocalStore implements LocalStore, Closeable {

    /** The schema version this code writes; see {@link #MIGRATIONS}. */
    static final int SCHEMA_VERSION = 4;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Type STRING_MAP = new TypeToken<Map<String, String>>() { }.getType();

    /** One schema step, run inside the migration's transaction. */
    private interface Migration {
        void apply(Connection connection) throws SQLException;
    }

    /** {@code MIGRATIONS[v]} upgrades a file from user_version v to v + 1. Append only; never edit a shipped step. */
    private static final Migration[] MIGRATIONS = {
        sql(
            "CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            "CREATE TABLE content_pack (slot INTEGER PRIMARY KEY CHECK (slot = 1), "
                    + "chain TEXT NOT NULL, etag TEXT, body TEXT NOT NULL)",
            "CREATE TABLE household (slot INTEGER PRIMARY KEY CHECK (slot = 1), "
                    + "id TEXT NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE task (id TEXT PRIMARY KEY NOT NULL, household_id TEXT, stage TEXT, "
                    + "titles TEXT NOT NULL, assignee TEXT, due_date TEXT, status TEXT NOT NULL, "
                    + "completed_at TEXT, version INTEGER NOT NULL)",
            "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
                    + "type TEXT NOT NULL, entity_id TEXT NOT NULL, base_version INTEGER NOT NULL, "
                    + "created_at TEXT)"),
        connection -> {
            sql(
                // SQLite 3.18 cannot drop a column or constraint: copy into a new table and rename.
                "CREATE TABLE household_v2 (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL)",
                "INSERT INTO household_v2 (id, body) SELECT id, body FROM household",
                "DROP TABLE household",
                "ALTER TABLE household_v2 RENAME TO household",
                "ALTER TABLE task ADD COLUMN note TEXT",
                "CREATE INDEX task_household ON task (household_id)",
                "ALTER TABLE outbox ADD COLUMN value TEXT",
                "ALTER TABLE content_pack ADD COLUMN version TEXT",
                "CREATE TABLE notice (seq INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE, "
                        + "kind TEXT NOT NULL, type TEXT, entity_id TEXT, base_version INTEGER NOT NULL, "
                        + "created_at TEXT, value TEXT, detail TEXT)").apply(connection);
            // The version lives inside the stored JSON; Android's SQLite has no JSON functions to read it.
            String body = null;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT body FROM content_pack WHERE slot = 1")) {
                if (rs.next()) {
                    body = rs.getString(1);
                }
            }
            if (body != null) {
                String version;
                try {
                    ContentPack pack = GSON.fromJson(body, ContentPack.class);
                    version = pack == null ? null : pack.version();
                } catch (JsonParseException e) {
                    version = null; // unreadable: the pack is simply fetched again
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE content_pack SET version = ? WHERE slot = 1")) {
                    bind(ps, version);
                    ps.executeUpdate();
                }
            }
        },
        sql(
            // Course and phrasebook as wire JSON, like the pack: read whole, replaced whole.
            "CREATE TABLE document (kind TEXT PRIMARY KEY NOT NULL, chain TEXT NOT NULL, etag TEXT, "
                    + "body TEXT NOT NULL)",
            "CREATE TABLE course_progress (household_id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL)"),
        SqliteLocalStore::toKindsAndKeys,
    };

    /**
     * v3 to v4: one table per feature becomes two feature-agnostic tables, documents by kind and key
     * and records by kind and id naming their household. The kind names are the library's typed
     * views' ({@code nl.welkom.client.Shelf}); written out here because a shipped step never changes.
     */
    /** v3 kept a chain as JSON ({@code ["ti","en"]}); v4's variant is {@code ti,en}. */
    private static final String CHAIN_AS_VARIANT = "replace(replace(replace(chain, '[', ''), ']', ''), '\"', '')";

    private static void toKindsAndKeys(Connection connection) throws SQLException {
        sql(
            "CREATE TABLE stored_document (kind TEXT NOT NULL, key TEXT NOT NULL, variant TEXT, etag TEXT, "
                    + "version TEXT, body TEXT NOT NULL, PRIMARY KEY (kind, key))",
            "CREATE TABLE stored_record (kind TEXT NOT NULL, id TEXT NOT NULL, household_id TEXT, "
                    + "body TEXT NOT NULL, PRIMARY KEY (kind, id))",
            "CREATE INDEX stored_record_household ON stored_record (household_id)",
            "INSERT INTO stored_document (kind, key, body) SELECT 'session', '', value FROM setting WHERE key = 'session'",
            "INSERT INTO stored_document (kind, key, body) "
                    + "SELECT 'languages', '', value FROM setting WHERE key = 'language_chain'",
            "INSERT INTO stored_document (kind, key, variant, etag, version, body) "
                    + "SELECT 'content', '', " + CHAIN_AS_VARIANT + ", etag, version, body FROM content_pack",
            "INSERT INTO stored_document (kind, key, variant, etag, version, body) "
                    + "SELECT kind, '', " + CHAIN_AS_VARIANT + ", etag, CASE WHEN kind = 'reading-version' THEN body END, "
                    + "CASE WHEN kind = 'reading-version' THEN '\"' || body || '\"' ELSE body END FROM document",
            "INSERT INTO stored_record (kind, id, household_id, body) SELECT 'household', id, id, body FROM household",
            "INSERT INTO stored_record (kind, id, household_id, body) "
                    + "SELECT 'course-progress', household_id, household_id, body FROM course_progress",
            "DELETE FROM setting WHERE key IN ('session', 'language_chain')").apply(connection);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, household_id, stage, titles, assignee, due_date, status, "
                        + "completed_at, note, version FROM task");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO stored_record (kind, id, household_id, body) VALUES ('task', ?, ?, ?)")) {
            while (rs.next()) {
                Task t = new Task(rs.getString(1), rs.getString(2), enumValue(JourneyStage.class, rs.getString(3)),
                        fromJson(rs.getString(4), STRING_MAP), enumValue(TaskAssignee.class, rs.getString(5)),
                        rs.getString(6), enumValue(TaskStatus.class, rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getLong(10), null, null, null);
                bind(insert, t.id(), t.householdId(), GSON.toJson(t));
                insert.executeUpdate();
            }
        }
        sql("DROP TABLE task", "DROP TABLE household", "DROP TABLE content_pack", "DROP TABLE document",
                "DROP TABLE course_progress").apply(connection);
    }

    private static Migration sql(String... statements) {
        return connection -> {
            try (Statement s = connection.createStatement()) {
                for (String statement : statements) {
                    s.executeUpdate(statement);
                }
            }
        };
    }

    private static final String SYNC_CURSOR = "sync_cursor";


    private final Connection connection;
    private int depth;
    /** Set by a deletion: once its transaction commits, the write-ahead log's old page images go too. */
    private boolean deleted;
    private boolean closed;

    private SqliteLocalStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating when missing) the store in {@code file} and brings its schema up to date.
     * Parent directories are created.
     *
     * @throws LocalStoreException when no SQLite JDBC driver is on the class path, the file cannot be
     *                             opened, or it was written by a newer schema version
     */
    public static SqliteLocalStore open(File file) {
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
            throw new LocalStoreException("Cannot create directory " + parent);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.getAbsolutePath());
        } catch (SQLException e) {
            throw new LocalStoreException("Cannot open " + file
                    + " (is org.xerial:sqlite-jdbc on the class path?)", e);
        }
        SqliteLocalStore store = new SqliteLocalStore(connection);
        try {
            store.configure();
            store.migrate();
        } catch (SQLException | RuntimeException e) {
            store.close();
            if (e instanceof LocalStoreException) {
                throw (LocalStoreException) e;
            }
            throw new LocalStoreException("Cannot prepare " + file, e);
        }
        return store;
    }

    private void configure() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // WAL: readers do not block the writer; FULL: an acknowledged write survives power loss.
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            // Deleted rows are overwritten with zeros, not left in free pages: what a revoked phone forgets
            // (or a household the officer erased) cannot be read back from the file (docs/gdpr.md).
            s.execute("PRAGMA secure_delete=ON");
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new LocalStoreException("The store was written by a newer app (schema " + version
                    + ", this app knows " + SCHEMA_VERSION + ")");
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
            final int from = v;
            inTransaction(() -> {
                try (Statement s = connection.createStatement()) {
                    MIGRATIONS[from].apply(connection);
                    s.executeUpdate("PRAGMA user_version = " + (from + 1));
                } catch (SQLException e) {
                    throw new LocalStoreException("Migration to schema " + (from + 1) + " failed", e);
                }
            });
        }
    }

    /** Closes the connection; later calls fail with {@link LocalStoreException}. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LocalStoreException("Cannot close the store", e);
        }
    }

    // ---- documents and records --------------------------------------------------------------

    private static final String DOCUMENT_COLUMNS = "kind, key, variant, etag, version, body";

    @Override
    public synchronized Optional<StoredDocument> document(String kind, String key) {
        return queryOne("SELECT " + DOCUMENT_COLUMNS + " FROM stored_document WHERE kind = ? AND key = ?",
                rs -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)),
                Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(key, "key"));
    }

    @Override
    public synchronized void putDocument(StoredDocument d) {
        update("INSERT OR REPLACE INTO stored_document (" + DOCUMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                d.kind(), d.key(), d.variant(), d.etag(), d.version(), d.body());
    }

    @Override
    public synchronized void deleteDocument(String kind, String key) {
        update("DELETE FROM stored_document WHERE kind = ? AND key = ?", kind, key);
    }

    private static final String RECORD_COLUMNS = "kind, id, household_id, body";

    @Override
    public synchronized List<StoredRecord> records(String kind) {
        return query("SELECT " + RECORD_COLUMNS + " FROM stored_record WHERE kind = ? ORDER BY id",
                SqliteLocalStore::record, Objects.requireNonNull(kind, "kind"));
    }

    @Override
    public synchronized Optional<StoredRecord> record(String kind, String id) {
        return queryOne("SELECT " + RECORD_COLUMNS + " FROM stored_record WHERE kind = ? AND id = ?",
                SqliteLocalStore::record, Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"));
    }

    @Override
    public synchronized void putRecords(Collection<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        for (StoredRecord r : records) {
            Objects.requireNonNull(r, "record");
        }
        inTransaction(() -> {
            try (PreparedStatement ps = prepare("INSERT OR REPLACE INTO stored_record (" + RECORD_COLUMNS
                    + ") VALUES (?, ?, ?, ?)")) {
                for (StoredRecord r : records) {
                    bind(ps, r.kind(), r.id(), r.householdId(), r.body());
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        });
    }

    @Override
    public synchronized void deleteRecords(String kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            try (PreparedStatement ps = prepare("DELETE FROM stored_record WHERE kind = ? AND id = ?")) {
                for (String id : ids) {
                    bind(ps, kind, id);
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            deletedSomething();
        });
    }

    @Override
    public synchronized List<Mutation> removeHouseholds(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Collections.emptyList();
        }
        List<Mutation> removed = new ArrayList<>();
        Object[] ids = householdIds.toArray();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        String ofHouseholds = " FROM outbox WHERE entity_id IN (SELECT id FROM stored_record WHERE household_id IN ("
                + in + "))";
        inTransaction(() -> {
            removed.addAll(query("SELECT " + OUTBOX_COLUMNS + ofHouseholds + " ORDER BY seq",
                    SqliteLocalStore::mutation, ids));
            update("DELETE" + ofHouseholds, ids);
            update("DELETE FROM stored_record WHERE household_id IN (" + in + ")", ids);
        });
        return Collections.unmodifiableList(removed);
    }

    private static StoredRecord record(ResultSet rs) throws SQLException {
        return new StoredRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    // ---- cursor: the setting table ---------------------------------------------------------

    @Override
    public synchronized long syncCursor() {
        return queryOne("SELECT value FROM setting WHERE key = ?", rs -> rs.getString(1), SYNC_CURSOR)
                .map(Long::parseLong).orElse(0L);
    }

    @Override
    public synchronized void saveSyncCursor(long cursor) {
        update("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", SYNC_CURSOR, Long.toString(cursor));
    }

    // ---- outbox ---------------------------------------------------------------------------

    private static final String OUTBOX_COLUMNS = "id, type, entity_id, base_version, created_at, value";

    @Override
    public synchronized List<Mutation> outbox() {
        return query("SELECT " + OUTBOX_COLUMNS + " FROM outbox ORDER BY seq", SqliteLocalStore::mutation);
    }

    @Override
    public synchronized void appendToOutbox(Mutation m) {
        update("INSERT OR IGNORE INTO outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                Objects.requireNonNull(m.id(), "mutation id"), name(Objects.requireNonNull(m.type(), "mutation type")),
                Objects.requireNonNull(m.entityId(), "mutation entityId"), m.baseVersion(), m.createdAt(), m.value());
    }

    @Override
    public synchronized void removeFromOutbox(Collection<String> mutationIds) {
        deleteByIds("DELETE FROM outbox WHERE id = ?", mutationIds);
    }

    private static Mutation mutation(ResultSet rs) throws SQLException {
        return new Mutation(rs.getString(1), enumValue(MutationType.class, rs.getString(2)), rs.getString(3),
                rs.getLong(4), rs.getString(5), rs.getString(6));
    }

    // ---- notices --------------------------------------------------------------------------

    @Override
    public synchronized List<SyncNotice> notices() {
        return query("SELECT kind, mutation_id, type, entity_id, base_version, created_at, value, detail"
                + " FROM notice ORDER BY seq", rs -> {
                    SyncNotice.Kind kind = enumValue(SyncNotice.Kind.class, rs.getString(1));
                    Mutation m = new Mutation(rs.getString(2), enumValue(MutationType.class, rs.getString(3)),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7));
                    // A kind from a newer app reads as a refusal: the reader is told rather than not at all.
                    return new SyncNotice(kind == null ? SyncNotice.Kind.REJECTED : kind, m, rs.getString(8));
                });
    }

    @Override
    public synchronized void addNotice(SyncNotice n) {
        Mutation m = n.mutation();
        update("INSERT OR IGNORE INTO notice (kind, mutation_id, type, entity_id, base_version, created_at, value, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                name(n.kind()), n.id(), name(m.type()), m.entityId(), m.baseVersion(), m.createdAt(), m.value(),
                n.detail());
    }

    @Override
    public synchronized void removeNotices(Collection<String> ids) {
        deleteByIds("DELETE FROM notice WHERE mutation_id = ?", ids);
    }

    // ---- whole-store operations -----------------------------------------------------------

    @Override
    public synchronized void forget(Collection<String> documentKinds) {
        inTransaction(() -> {
            update("DELETE FROM stored_record");
            update("DELETE FROM outbox");
            update("DELETE FROM notice");
            update("DELETE FROM setting WHERE key = ?", SYNC_CURSOR);
            for (String kind : documentKinds) {
                update("DELETE FROM stored_document WHERE kind = ?", kind);
            }
        });
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        ensureOpen();
        String savepoint = "sp" + depth;
        try {
            if (depth == 0) {
                connection.setAutoCommit(false);
            } else {
                execute("SAVEPOINT " + savepoint);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        depth++;
        boolean ok = false;
        try {
            work.run();
            ok = true;
        } finally {
            depth--;
            finish(ok, savepoint);
        }
    }

    /** Commits or rolls back the level that just ended; a failure to do so wins only if the work succeeded. */
    private void finish(boolean ok, String savepoint) {
        try {
            if (depth == 0) {
                try {
                    if (ok) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
                boolean emptyLog = ok && deleted;
                deleted = false;
                if (emptyLog) {
                    emptyTheLog();
                }
            } else if (ok) {
                execute("RELEASE " + savepoint);
            } else {
                execute("ROLLBACK TO " + savepoint);
                execute("RELEASE " + savepoint);
            }
        } catch (SQLException e) {
            if (ok) {
                throw failure(e);
            }
            // The work's own exception is propagating; a failed rollback must not replace it.
        }
    }

    // ---- JDBC plumbing --------------------------------------------------------------------

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return Collections.unmodifiableList(rows);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.<T>empty() : Optional.ofNullable(rows.get(0));
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        if (sql.startsWith("DELETE")) {
            deletedSomething();
        }
    }

    /** Marks the running transaction as one that deleted rows; outside a transaction, empties the log now. */
    private void deletedSomething() {
        if (depth == 0) {
            emptyTheLog();
        } else {
            deleted = true;
        }
    }

    private void deleteByIds(String sql, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            try (PreparedStatement ps = prepare(sql)) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            deletedSomething();
        });
    }

    /**
     * The write-ahead log still holds the pages as they were before a deletion: copies the zeroed pages
     * into the file and empties the log. The deletion has committed either way; a log that cannot be
     * emptied now (another reader) is emptied by SQLite's next checkpoint.
     */
    private void emptyTheLog() {
        try {
            execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // committed; see above
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        ensureOpen();
        return connection.prepareStatement(sql);
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof Long) {
                ps.setLong(i + 1, (Long) a);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new LocalStoreException("The store is closed");
        }
    }

    private static LocalStoreException failure(SQLException e) {
        return new LocalStoreException("SQLite store failed: " + e.getMessage(), e);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Reads an enum written by this store; a name from a newer app version reads as null. */
    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> T fromJson(String json, Type type) {
        try {
            T value = GSON.fromJson(json, type);
            if (value == null) {
                throw new LocalStoreException("Empty JSON in the store");
            }
            return value;
        } catch (JsonParseException e) {
            throw new LocalStoreException("Unreadable JSON in the store", e);
        }
    }
}
