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
import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;
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
 * <p>Schema decision: what is only ever read and replaced whole is stored as the wire JSON
 * (session, each household, and the content pack — one row per pack, keyed by the requested
 * language chain, with its version beside it for the sync's "is the pack current?" check). The
 * pack is the server's unit of versioning (its ETag covers the whole pack), it is read whole to
 * show topics, and normalizing it would add four tables and a mapping layer with no query that
 * needs them; JSON also survives additive wire changes without a migration. Tasks, the outbox and
 * notices are rows: tasks are replaced one by one by pull and fold and deleted by household, the
 * outbox and notices need their append order ({@code seq}) and deletion by id.
 *
 * <p>Schema history ({@code PRAGMA user_version}): 1 — one household row; 2 — households keyed by
 * id (a buddy's phone holds several), task notes, mutation values, the pack's version, notices;
 * 3 — the course and the phrasebook ({@code document}, by kind) and course progress per household.
 * The places of the caller's municipality are one more {@code document} kind: no schema change.
 * A v1 file is migrated in place, in one transaction, keeping its household, tasks and outbox.
 *
 * <p>Concurrency: one connection, every method synchronized on the store; a transaction holds the
 * lock for its whole duration (SQLite has one writer anyway). Keep transactions short.
 */
public final class SqliteLocalStore implements LocalStore, Closeable {

    /** The schema version this code writes; see {@link #MIGRATIONS}. */
    static final int SCHEMA_VERSION = 3;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Type STRING_LIST = new TypeToken<List<String>>() { }.getType();
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
    };

    private static Migration sql(String... statements) {
        return connection -> {
            try (Statement s = connection.createStatement()) {
                for (String statement : statements) {
                    s.executeUpdate(statement);
                }
            }
        };
    }

    private static final String SESSION = "session";
    private static final String LANGUAGE_CHAIN = "language_chain";
    private static final String SYNC_CURSOR = "sync_cursor";


    private final Connection connection;
    private int depth;
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

    // ---- session, languages, cursor: the setting table -------------------------------------

    @Override
    public synchronized Optional<Session> session() {
        return setting(SESSION).map(json -> fromJson(json, Session.class));
    }

    @Override
    public synchronized void saveSession(Session session) {
        saveSetting(SESSION, GSON.toJson(Objects.requireNonNull(session, "session")));
    }

    @Override
    public synchronized List<String> languageChain() {
        return setting(LANGUAGE_CHAIN).map(SqliteLocalStore::stringList).orElse(Collections.<String>emptyList());
    }

    @Override
    public synchronized void saveLanguageChain(List<String> chain) {
        saveSetting(LANGUAGE_CHAIN, GSON.toJson(Objects.requireNonNull(chain, "chain"), STRING_LIST));
    }

    @Override
    public synchronized long syncCursor() {
        return setting(SYNC_CURSOR).map(Long::parseLong).orElse(0L);
    }

    @Override
    public synchronized void saveSyncCursor(long cursor) {
        saveSetting(SYNC_CURSOR, Long.toString(cursor));
    }

    private Optional<String> setting(String key) {
        return queryOne("SELECT value FROM setting WHERE key = ?", rs -> rs.getString(1), key);
    }

    private void saveSetting(String key, String value) {
        update("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", key, value);
    }

    // ---- content pack ---------------------------------------------------------------------

    @Override
    public synchronized Optional<ContentPack> contentPack() {
        return queryOne("SELECT body FROM content_pack WHERE slot = 1", rs -> fromJson(rs.getString(1), ContentPack.class));
    }

    @Override
    public synchronized Optional<String> contentPackEtag(List<String> requestedChain) {
        String chain = GSON.toJson(requestedChain, STRING_LIST);
        return queryOne("SELECT etag FROM content_pack WHERE slot = 1 AND chain = ? AND etag IS NOT NULL",
                rs -> rs.getString(1), chain);
    }

    @Override
    public synchronized Optional<String> contentPackVersion(List<String> requestedChain) {
        String chain = GSON.toJson(requestedChain, STRING_LIST);
        return queryOne("SELECT version FROM content_pack WHERE slot = 1 AND chain = ? AND version IS NOT NULL",
                rs -> rs.getString(1), chain);
    }

    @Override
    public synchronized void saveContentPack(List<String> requestedChain, String etag, ContentPack pack) {
        Objects.requireNonNull(pack, "pack");
        update("INSERT OR REPLACE INTO content_pack (slot, chain, etag, body, version) VALUES (1, ?, ?, ?, ?)",
                GSON.toJson(Objects.requireNonNull(requestedChain, "requestedChain"), STRING_LIST), etag,
                GSON.toJson(pack), pack.version());
    }

    // ---- course, phrasebook, reading version, progress -------------------------------------

    private static final String COURSE = "course";
    private static final String PHRASEBOOK = "phrasebook";
    private static final String PLACES = "places";
    private static final String READING_VERSION = "reading-version";

    @Override
    public synchronized Optional<Course> course() {
        return documentBody(COURSE).map(json -> fromJson(json, Course.class));
    }

    @Override
    public synchronized Optional<String> courseEtag(List<String> requestedChain) {
        return documentEtag(COURSE, requestedChain);
    }

    @Override
    public synchronized void saveCourse(List<String> requestedChain, String etag, Course course) {
        saveDocument(COURSE, requestedChain, etag, GSON.toJson(Objects.requireNonNull(course, "course")));
    }

    @Override
    public synchronized Optional<Phrasebook> phrasebook() {
        return documentBody(PHRASEBOOK).map(json -> fromJson(json, Phrasebook.class));
    }

    @Override
    public synchronized Optional<String> phrasebookEtag(List<String> requestedChain) {
        return documentEtag(PHRASEBOOK, requestedChain);
    }

    @Override
    public synchronized void savePhrasebook(List<String> requestedChain, String etag, Phrasebook phrasebook) {
        saveDocument(PHRASEBOOK, requestedChain, etag, GSON.toJson(Objects.requireNonNull(phrasebook, "phrasebook")));
    }

    @Override
    public synchronized Optional<Places> places() {
        return documentBody(PLACES).map(json -> fromJson(json, Places.class));
    }

    @Override
    public synchronized Optional<String> placesEtag(List<String> requestedChain) {
        return documentEtag(PLACES, requestedChain);
    }

    @Override
    public synchronized void savePlaces(List<String> requestedChain, String etag, Places places) {
        saveDocument(PLACES, requestedChain, etag, GSON.toJson(Objects.requireNonNull(places, "places")));
    }

    @Override
    public synchronized Optional<String> readingVersion(List<String> requestedChain) {
        String chain = GSON.toJson(requestedChain, STRING_LIST);
        return queryOne("SELECT body FROM document WHERE kind = ? AND chain = ?", rs -> rs.getString(1),
                READING_VERSION, chain);
    }

    @Override
    public synchronized void saveReadingVersion(List<String> requestedChain, String version) {
        saveDocument(READING_VERSION, requestedChain, null, Objects.requireNonNull(version, "version"));
    }

    @Override
    public synchronized List<CourseProgress> courseProgress() {
        return query("SELECT body FROM course_progress ORDER BY household_id",
                rs -> fromJson(rs.getString(1), CourseProgress.class));
    }

    @Override
    public synchronized void saveCourseProgress(Collection<CourseProgress> progress) {
        for (CourseProgress p : progress) {
            Objects.requireNonNull(p.householdId(), "household id");
        }
        inTransaction(() -> {
            for (CourseProgress p : progress) {
                update("INSERT OR REPLACE INTO course_progress (household_id, body) VALUES (?, ?)", p.householdId(),
                        GSON.toJson(p));
            }
        });
    }

    private Optional<String> documentBody(String kind) {
        return queryOne("SELECT body FROM document WHERE kind = ?", rs -> rs.getString(1), kind);
    }

    private Optional<String> documentEtag(String kind, List<String> requestedChain) {
        String chain = GSON.toJson(requestedChain, STRING_LIST);
        return queryOne("SELECT etag FROM document WHERE kind = ? AND chain = ? AND etag IS NOT NULL",
                rs -> rs.getString(1), kind, chain);
    }

    private void saveDocument(String kind, List<String> requestedChain, String etag, String body) {
        update("INSERT OR REPLACE INTO document (kind, chain, etag, body) VALUES (?, ?, ?, ?)", kind,
                GSON.toJson(Objects.requireNonNull(requestedChain, "requestedChain"), STRING_LIST), etag, body);
    }

    // ---- households -----------------------------------------------------------------------

    @Override
    public synchronized List<Household> households() {
        return query("SELECT body FROM household ORDER BY id", rs -> fromJson(rs.getString(1), Household.class));
    }

    @Override
    public synchronized Optional<Household> household(String id) {
        return queryOne("SELECT body FROM household WHERE id = ?", rs -> fromJson(rs.getString(1), Household.class), id);
    }

    @Override
    public synchronized void saveHouseholds(Collection<Household> households) {
        if (households.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            try (PreparedStatement ps = prepare("INSERT OR REPLACE INTO household (id, body) VALUES (?, ?)")) {
                for (Household h : households) {
                    bind(ps, Objects.requireNonNull(h.id(), "household id"), GSON.toJson(h));
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        });
    }

    @Override
    public synchronized List<Mutation> removeHouseholds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Collections.emptyList();
        }
        List<Mutation> removed = new ArrayList<>();
        inTransaction(() -> {
            for (String id : ids) {
                String ofHousehold = " FROM outbox WHERE entity_id IN (SELECT id FROM task WHERE household_id = ?)";
                removed.addAll(query("SELECT " + OUTBOX_COLUMNS + ofHousehold + " ORDER BY seq",
                        SqliteLocalStore::mutation, id));
                update("DELETE" + ofHousehold, id);
                update("DELETE FROM task WHERE household_id = ?", id);
                update("DELETE FROM household WHERE id = ?", id);
            }
        });
        return Collections.unmodifiableList(removed);
    }

    // ---- tasks ----------------------------------------------------------------------------

    private static final String TASK_COLUMNS =
            "id, household_id, stage, titles, assignee, due_date, status, completed_at, note, version";

    @Override
    public synchronized List<Task> tasks() {
        return query("SELECT " + TASK_COLUMNS + " FROM task ORDER BY id", SqliteLocalStore::task);
    }

    @Override
    public synchronized Optional<Task> task(String id) {
        return queryOne("SELECT " + TASK_COLUMNS + " FROM task WHERE id = ?", SqliteLocalStore::task, id);
    }

    @Override
    public synchronized void saveTasks(Collection<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            try (PreparedStatement ps = prepare("INSERT OR REPLACE INTO task (" + TASK_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Task t : tasks) {
                    bind(ps, Objects.requireNonNull(t.id(), "task id"), t.householdId(), name(t.stage()),
                            GSON.toJson(t.titles() == null ? Collections.emptyMap() : t.titles(), STRING_MAP),
                            name(t.assignee()), t.dueDate(),
                            name(Objects.requireNonNull(t.status(), "task status")), t.completedAt(), t.note(),
                            t.version());
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        });
    }

    @Override
    public synchronized void deleteTasks(Collection<String> ids) {
        deleteByIds("DELETE FROM task WHERE id = ?", ids);
    }

    private static Task task(ResultSet rs) throws SQLException {
        return new Task(
                rs.getString(1),
                rs.getString(2),
                enumValue(JourneyStage.class, rs.getString(3)),
                Collections.unmodifiableMap(fromJson(rs.getString(4), STRING_MAP)),
                enumValue(TaskAssignee.class, rs.getString(5)),
                rs.getString(6),
                enumValue(TaskStatus.class, rs.getString(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10));
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
    public synchronized void clearSyncedData() {
        inTransaction(() -> {
            update("DELETE FROM household");
            update("DELETE FROM task");
            update("DELETE FROM outbox");
            update("DELETE FROM notice");
            update("DELETE FROM course_progress");
            update("DELETE FROM document WHERE kind IN (?, ?)", PLACES, READING_VERSION);
            update("DELETE FROM setting WHERE key = ?", SYNC_CURSOR);
        });
    }

    @Override
    public synchronized void wipe() {
        inTransaction(() -> {
            clearSyncedData();
            update("DELETE FROM setting WHERE key = ?", SESSION);
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
        });
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

    private static List<String> stringList(String json) {
        List<String> list = fromJson(json, STRING_LIST);
        return Collections.unmodifiableList(list);
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
