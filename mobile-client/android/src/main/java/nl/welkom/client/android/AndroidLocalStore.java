package nl.welkom.client.android;

import java.io.Closeable;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import android.content.Context;
import android.database.Cursor;
import android.database.SQLException;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteOpenHelper;
import android.database.sqlite.SQLiteStatement;

import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.LocalStoreException;
import nl.welkom.client.store.StoredDocument;
import nl.welkom.client.store.StoredRecord;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The client library's {@link LocalStore} on the phone's own SQLite ({@code android.database.sqlite}),
 * for apps with min SDK 26. The same tables as {@code SqliteLocalStore}'s schema 4 (documents by kind
 * and key, records by kind and id naming their household, the outbox and notices in append order, the
 * cursor as a setting), so the two stores behave alike; both pass {@code LocalStoreContractTest}.
 *
 * <p>SQL stays within SQLite 3.18, what Android 8 ships: {@code INSERT OR REPLACE} / {@code OR IGNORE}
 * instead of UPSERT, no window functions, no {@code RETURNING}. The schema version is the database
 * version of {@link SQLiteOpenHelper}; a file written by a newer app is refused, not guessed at.
 * (Schemas 1–3 were never on Android: a new file starts at 4, later steps go in {@code onUpgrade}.)
 *
 * <p>Transactions: the outermost {@link #inTransaction} is an Android transaction
 * ({@code beginTransaction}, exclusive); a nested one is a {@code SAVEPOINT}, so a nested failure
 * that the outer work catches undoes only the nested writes (Android's own nested transactions
 * would roll back everything). One writer at a time: every method is synchronized on the store and
 * a transaction holds the lock for its whole duration. Keep transactions short and off the main
 * thread.
 *
 * <p>A document is read in slices of {@link #SLICE} characters: a row larger than a
 * {@code CursorWindow} (2 MB on most phones) could not be read in one piece on API 26.
 *
 * <p>The device token: the library keeps the session (token, role, household) as the document of
 * kind {@code session}. Opened with a {@link Sealer}, this store encrypts that document's body before
 * it reaches the file and decrypts it on reading; a body that does not decrypt (the database came
 * from a backup or another phone, whose Keystore key is not here) reads as no session, so the phone
 * must be activated again. Nothing else is encrypted: the rest is what the family may read anyway,
 * in the app's private folder.
 */
public final class AndroidLocalStore implements LocalStore, Closeable {

    /** The schema this code writes: the same tables as {@code SqliteLocalStore} schema 4. */
    static final int SCHEMA_VERSION = 4;

    /** Characters per read of a document body: well under a CursorWindow even at 4 bytes a character. */
    static final int SLICE = 256 * 1024;

    private static final String[] SCHEMA = {
        "CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
        "CREATE TABLE stored_document (kind TEXT NOT NULL, key TEXT NOT NULL, variant TEXT, etag TEXT, "
                + "version TEXT, body TEXT NOT NULL, PRIMARY KEY (kind, key))",
        "CREATE TABLE stored_record (kind TEXT NOT NULL, id TEXT NOT NULL, household_id TEXT, "
                + "body TEXT NOT NULL, PRIMARY KEY (kind, id))",
        "CREATE INDEX stored_record_household ON stored_record (household_id)",
        "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
                + "type TEXT NOT NULL, entity_id TEXT NOT NULL, base_version INTEGER NOT NULL, "
                + "created_at TEXT, value TEXT)",
        "CREATE TABLE notice (seq INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE, "
                + "kind TEXT NOT NULL, type TEXT, entity_id TEXT, base_version INTEGER NOT NULL, "
                + "created_at TEXT, value TEXT, detail TEXT)",
    };

    private static final String SYNC_CURSOR = "sync_cursor";

    /** Document kinds kept sealed when a {@link Sealer} is given: the library's session (device token). */
    static final Set<String> SEALED_KINDS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("session")));

    private final SQLiteOpenHelper helper;
    private final SQLiteDatabase db;
    private final Sealer sealer;
    private int depth;
    /** Set by a deletion: once its transaction commits, the write-ahead log's old page images go too. */
    private boolean deleted;
    private boolean closed;

    private AndroidLocalStore(SQLiteOpenHelper helper, SQLiteDatabase db, Sealer sealer) {
        this.helper = helper;
        this.db = db;
        this.sealer = sealer;
    }

    /**
     * Opens (creating when missing) the app's database {@code name} (a file in the app's private
     * database folder, {@code Context.getDatabasePath}) and brings its schema up to date.
     *
     * The session (with the device token) is kept in the clear: use {@link #open(Context, String, Sealer)}
     * on a phone.
     *
     * @throws LocalStoreException when the file cannot be opened or was written by a newer app
     */
    public static AndroidLocalStore open(Context context, String name) {
        return open(context, name, null);
    }

    /**
     * Like {@link #open(Context, String)}, keeping the session document sealed with {@code sealer}
     * (on a phone {@link Sealer#androidKeystore(String)}); null keeps it in the clear.
     */
    public static AndroidLocalStore open(Context context, String name, Sealer sealer) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(name, "name");
        Helper helper = new Helper(context.getApplicationContext() == null ? context : context.getApplicationContext(), name);
        try {
            return new AndroidLocalStore(helper, helper.getWritableDatabase(), sealer);
        } catch (SQLException | LocalStoreException e) {
            helper.close();
            if (e instanceof LocalStoreException) {
                throw (LocalStoreException) e;
            }
            throw new LocalStoreException("Cannot open the store " + name, e);
        }
    }

    private static final class Helper extends SQLiteOpenHelper {
        Helper(Context context, String name) {
            super(context, name, null, SCHEMA_VERSION);
        }

        @Override
        public void onConfigure(SQLiteDatabase db) {
            // As the JDBC store: an acknowledged write survives power loss. Android 9+ would otherwise
            // choose WAL with synchronous=NORMAL for an app that sets nothing, which may lose the last
            // commits (an offline edit) when the battery dies.
            db.execSQL("PRAGMA synchronous=FULL");
            // Deleted rows are overwritten with zeros (Android's SQLite is built so; said here for every
            // build): what a revoked phone forgets cannot be read back from the file (docs/gdpr.md).
            try (Cursor answer = db.rawQuery("PRAGMA secure_delete=ON", null)) {
                answer.moveToFirst(); // the pragma answers a row, which execSQL refuses
            }
        }

        @Override
        public void onCreate(SQLiteDatabase db) {
            for (String statement : SCHEMA) {
                db.execSQL(statement);
            }
        }

        @Override
        public void onUpgrade(SQLiteDatabase db, int oldVersion, int newVersion) {
            // Schema 4 is the first on Android. A later schema adds its step here and in SqliteLocalStore.
        }

        @Override
        public void onDowngrade(SQLiteDatabase db, int oldVersion, int newVersion) {
            throw new LocalStoreException("The store was written by a newer app (schema " + oldVersion
                    + ", this app knows " + newVersion + ")");
        }
    }

    /** Closes the database; later calls fail with {@link LocalStoreException}. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            helper.close();
        }
    }

    // ---- documents and records --------------------------------------------------------------

    private static final String DOCUMENT_COLUMNS = "kind, key, variant, etag, version, body";

    @Override
    public synchronized Optional<StoredDocument> document(String kind, String key) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        List<String[]> rows = query("SELECT variant, etag, version, length(body) FROM stored_document "
                + "WHERE kind = ? AND key = ?", c -> new String[] {c.getString(0), c.getString(1), c.getString(2),
                        c.getString(3)}, kind, key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String[] row = rows.get(0);
        long length = Long.parseLong(row[3]);
        StringBuilder body = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE));
        // substr and length count characters (code points) of TEXT, so a slice never splits one.
        for (long from = 1; from <= length; from += SLICE) {
            body.append(queryOne("SELECT substr(body, ?, ?) FROM stored_document WHERE kind = ? AND key = ?",
                    c -> c.getString(0), Long.toString(from), Integer.toString(SLICE), kind, key).orElse(""));
        }
        String value = body.toString();
        if (value.startsWith(Sealer.PREFIX) && SEALED_KINDS.contains(kind)) {
            if (sealer == null) {
                return Optional.empty();
            }
            try {
                value = sealer.open(value);
            } catch (GeneralSecurityException e) {
                return Optional.empty(); // another phone's key, or a changed file: no session here
            }
        }
        return Optional.of(new StoredDocument(kind, key, row[0], row[1], row[2], value));
    }

    @Override
    public synchronized void putDocument(StoredDocument d) {
        String body = d.body();
        if (sealer != null && SEALED_KINDS.contains(d.kind())) {
            try {
                body = sealer.seal(body);
            } catch (GeneralSecurityException e) {
                throw new LocalStoreException("Cannot seal the " + d.kind() + " document", e);
            }
        }
        update("INSERT OR REPLACE INTO stored_document (" + DOCUMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                d.kind(), d.key(), d.variant(), d.etag(), d.version(), body);
    }

    @Override
    public synchronized void deleteDocument(String kind, String key) {
        update("DELETE FROM stored_document WHERE kind = ? AND key = ?", kind, key);
    }

    private static final String RECORD_COLUMNS = "kind, id, household_id, body";

    @Override
    public synchronized List<StoredRecord> records(String kind) {
        return query("SELECT " + RECORD_COLUMNS + " FROM stored_record WHERE kind = ? ORDER BY id",
                AndroidLocalStore::record, Objects.requireNonNull(kind, "kind"));
    }

    @Override
    public synchronized Optional<StoredRecord> record(String kind, String id) {
        return queryOne("SELECT " + RECORD_COLUMNS + " FROM stored_record WHERE kind = ? AND id = ?",
                AndroidLocalStore::record, Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"));
    }

    @Override
    public synchronized void putRecords(Collection<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        for (StoredRecord r : records) {
            Objects.requireNonNull(r, "record");
        }
        inTransaction(() -> each("INSERT OR REPLACE INTO stored_record (" + RECORD_COLUMNS + ") VALUES (?, ?, ?, ?)",
                records, r -> new Object[] {r.kind(), r.id(), r.householdId(), r.body()}));
    }

    @Override
    public synchronized void deleteRecords(String kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(() -> each("DELETE FROM stored_record WHERE kind = ? AND id = ?", ids,
                id -> new Object[] {kind, id}));
    }

    @Override
    public synchronized List<Mutation> removeHouseholds(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Collections.emptyList();
        }
        String[] ids = new String[householdIds.size()];
        StringBuilder in = new StringBuilder();
        int i = 0;
        for (String id : householdIds) {
            ids[i] = String.valueOf(id);
            in.append(i++ == 0 ? "?" : ", ?");
        }
        String ofHouseholds = " FROM outbox WHERE entity_id IN (SELECT id FROM stored_record WHERE household_id IN ("
                + in + "))";
        List<Mutation> removed = new ArrayList<>();
        inTransaction(() -> {
            removed.addAll(query("SELECT " + OUTBOX_COLUMNS + ofHouseholds + " ORDER BY seq",
                    AndroidLocalStore::mutation, ids));
            update("DELETE" + ofHouseholds, (Object[]) ids);
            update("DELETE FROM stored_record WHERE household_id IN (" + in + ")", (Object[]) ids);
        });
        return Collections.unmodifiableList(removed);
    }

    private static StoredRecord record(Cursor c) {
        return new StoredRecord(c.getString(0), c.getString(1), c.getString(2), c.getString(3));
    }

    // ---- cursor ------------------------------------------------------------------------------

    @Override
    public synchronized long syncCursor() {
        return queryOne("SELECT value FROM setting WHERE key = ?", c -> c.getString(0), SYNC_CURSOR)
                .map(Long::parseLong).orElse(0L);
    }

    @Override
    public synchronized void saveSyncCursor(long cursor) {
        update("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", SYNC_CURSOR, Long.toString(cursor));
    }

    // ---- outbox and notices ------------------------------------------------------------------

    private static final String OUTBOX_COLUMNS = "id, type, entity_id, base_version, created_at, value";

    @Override
    public synchronized List<Mutation> outbox() {
        return query("SELECT " + OUTBOX_COLUMNS + " FROM outbox ORDER BY seq", AndroidLocalStore::mutation);
    }

    @Override
    public synchronized void appendToOutbox(Mutation m) {
        update("INSERT OR IGNORE INTO outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                Objects.requireNonNull(m.id(), "mutation id"), name(Objects.requireNonNull(m.type(), "mutation type")),
                Objects.requireNonNull(m.entityId(), "mutation entityId"), m.baseVersion(), m.createdAt(), m.value());
    }

    @Override
    public synchronized void removeFromOutbox(Collection<String> mutationIds) {
        if (!mutationIds.isEmpty()) {
            inTransaction(() -> each("DELETE FROM outbox WHERE id = ?", mutationIds, id -> new Object[] {id}));
        }
    }

    private static Mutation mutation(Cursor c) {
        return new Mutation(c.getString(0), enumValue(MutationType.class, c.getString(1)), c.getString(2),
                c.getLong(3), c.getString(4), c.getString(5));
    }

    @Override
    public synchronized List<SyncNotice> notices() {
        return query("SELECT kind, mutation_id, type, entity_id, base_version, created_at, value, detail"
                + " FROM notice ORDER BY seq", c -> {
                    SyncNotice.Kind kind = enumValue(SyncNotice.Kind.class, c.getString(0));
                    Mutation m = new Mutation(c.getString(1), enumValue(MutationType.class, c.getString(2)),
                            c.getString(3), c.getLong(4), c.getString(5), c.getString(6));
                    // A kind from a newer app reads as a refusal: the reader is told rather than not at all.
                    return new SyncNotice(kind == null ? SyncNotice.Kind.REJECTED : kind, m, c.getString(7));
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
        if (!ids.isEmpty()) {
            inTransaction(() -> each("DELETE FROM notice WHERE mutation_id = ?", ids, id -> new Object[] {id}));
        }
    }

    // ---- whole store -------------------------------------------------------------------------

    @Override
    public synchronized void forget(Collection<String> documentKinds) {
        inTransaction(() -> {
            update("DELETE FROM stored_record");
            update("DELETE FROM outbox");
            update("DELETE FROM notice");
            update("DELETE FROM setting WHERE key = ?", SYNC_CURSOR);
            each("DELETE FROM stored_document WHERE kind = ?", documentKinds, kind -> new Object[] {kind});
        });
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        ensureOpen();
        String savepoint = "sp" + depth;
        try {
            if (depth == 0) {
                db.beginTransaction();
            } else {
                db.execSQL("SAVEPOINT " + savepoint);
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
                if (ok) {
                    db.setTransactionSuccessful();
                }
                db.endTransaction();
                boolean emptyLog = ok && deleted;
                deleted = false;
                if (emptyLog) {
                    emptyTheLog();
                }
            } else if (ok) {
                db.execSQL("RELEASE " + savepoint);
            } else {
                // Android treats a statement starting with ROLLBACK as the end of its own transaction
                // (DatabaseUtils.getSqlStatementType); the comment in front makes it plain SQL for SQLite.
                db.execSQL("/* savepoint */ ROLLBACK TO " + savepoint);
                db.execSQL("RELEASE " + savepoint);
            }
        } catch (SQLException e) {
            if (ok) {
                throw failure(e);
            }
            // The work's own exception is propagating; a failed rollback must not replace it.
        }
    }

    // ---- SQLite plumbing ---------------------------------------------------------------------

    /** The value of a pragma of the open database (tests). */
    synchronized long pragma(String name) {
        return queryOne("PRAGMA " + name, c -> c.getLong(0)).orElse(-1L);
    }

    private interface RowMapper<T> {
        T map(Cursor c);
    }

    private interface Binder<T> {
        Object[] args(T item);
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, String... args) {
        ensureOpen();
        try (Cursor c = db.rawQuery(sql, args)) {
            List<T> rows = new ArrayList<>(c.getCount());
            while (c.moveToNext()) {
                rows.add(mapper.map(c));
            }
            return Collections.unmodifiableList(rows);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, String... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.<T>empty() : Optional.ofNullable(rows.get(0));
    }

    private void update(String sql, Object... args) {
        ensureOpen();
        try (SQLiteStatement statement = db.compileStatement(sql)) {
            bind(statement, args);
            statement.executeUpdateDelete();
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

    /**
     * In write-ahead-log mode the log still holds the pages as they were before a deletion: copies the
     * zeroed pages into the file and empties the log (a no-op in rollback-journal mode). The deletion
     * has committed either way; a log that cannot be emptied now is emptied by SQLite's next checkpoint.
     */
    private void emptyTheLog() {
        try (Cursor result = db.rawQuery("PRAGMA wal_checkpoint(TRUNCATE)", null)) {
            result.moveToFirst();
        } catch (SQLException e) {
            // committed; see above
        }
    }

    /** Runs one statement per item, compiled once; callers wrap it in a transaction. */
    private <T> void each(String sql, Collection<T> items, Binder<T> binder) {
        ensureOpen();
        try (SQLiteStatement statement = db.compileStatement(sql)) {
            for (T item : items) {
                statement.clearBindings();
                bind(statement, binder.args(item));
                statement.executeUpdateDelete();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        if (sql.startsWith("DELETE")) {
            deletedSomething();
        }
    }

    private static void bind(SQLiteStatement statement, Object... args) {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                statement.bindNull(i + 1);
            } else if (a instanceof Long) {
                statement.bindLong(i + 1, (Long) a);
            } else {
                statement.bindString(i + 1, a.toString());
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
}
