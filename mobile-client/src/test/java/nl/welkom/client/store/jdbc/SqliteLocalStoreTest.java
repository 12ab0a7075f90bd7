package nl.welkom.client.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import nl.welkom.client.Fixtures;
import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.LocalStoreContractTest;
import nl.welkom.client.store.LocalStoreException;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationType;

/**
 * The contract on a real SQLite file. The build runs this class twice: on the current sqlite-jdbc
 * and on sqlite-jdbc 3.18.0, the SQLite of Android 8 (system property
 * {@code welkom.expectedSqliteVersion} says which one the run must be on).
 */
class SqliteLocalStoreTest extends LocalStoreContractTest {

    @TempDir
    Path dir;

    private File file() {
        return dir.resolve("data").resolve("welkom.db").toFile();
    }

    @Override
    protected LocalStore newStore() {
        return SqliteLocalStore.open(file());
    }

    @Override
    protected LocalStore reopen(LocalStore store) {
        ((SqliteLocalStore) store).close();
        return SqliteLocalStore.open(file());
    }

    @Override
    protected void close(LocalStore store) {
        ((SqliteLocalStore) store).close();
    }

    @Test
    void theRunUsesTheSqliteVersionTheBuildAskedFor() throws SQLException {
        String expected = System.getProperty("welkom.expectedSqliteVersion");
        String actual = sqliteVersion();
        if (expected != null) {
            assertEquals(expected, actual);
        }
        assertTrue(actual.startsWith("3."), actual);
    }

    @Test
    void upsertIsMissingOnTheAndroidFloorSoTheStoreDoesNotUseIt() throws SQLException {
        if (!"3.18.0".equals(System.getProperty("welkom.expectedSqliteVersion"))) {
            return; // only meaningful on the old engine; the contract tests above ran on it too
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO t (k, v) VALUES ('a', 'b') ON CONFLICT(k) DO UPDATE SET v = excluded.v"));
        }
    }

    @Test
    void theSchemaVersionIsRecordedInUserVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file().getAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            assertEquals(SqliteLocalStore.SCHEMA_VERSION, rs.getInt(1));
        }
    }

    @Test
    void aFileFromANewerSchemaIsRefused() throws SQLException {
        close(store);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file().getAbsolutePath());
                Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + (SqliteLocalStore.SCHEMA_VERSION + 1));
        }
        LocalStoreException e = assertThrows(LocalStoreException.class, () -> SqliteLocalStore.open(file()));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        store = SqliteLocalStore.open(dir.resolve("other.db").toFile());
    }

    /**
     * A phone that ran the previous app version has a schema-1 file: one household row, tasks
     * without notes, an outbox without values, a pack without its version column. Opening it with
     * this version migrates it in place and keeps everything, the pending edit included.
     */
    @Test
    void aSchemaOneFileIsMigratedKeepingItsHouseholdTasksOutboxAndPack() throws Exception {
        close(store);
        File v1 = dir.resolve("v1").resolve("welkom.db").toFile();
        assertTrue(v1.getParentFile().mkdirs());
        ContentPack pack = Fixtures.pack("v9", Arrays.asList("ar", "nl"));
        Gson gson = new Gson();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v1.getAbsolutePath());
                Statement s = c.createStatement()) {
            // Schema 1 exactly as the previous release created it.
            s.executeUpdate("CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE content_pack (slot INTEGER PRIMARY KEY CHECK (slot = 1), "
                    + "chain TEXT NOT NULL, etag TEXT, body TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE household (slot INTEGER PRIMARY KEY CHECK (slot = 1), "
                    + "id TEXT NOT NULL, body TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE task (id TEXT PRIMARY KEY NOT NULL, household_id TEXT, stage TEXT, "
                    + "titles TEXT NOT NULL, assignee TEXT, due_date TEXT, status TEXT NOT NULL, "
                    + "completed_at TEXT, version INTEGER NOT NULL)");
            s.executeUpdate("CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
                    + "type TEXT NOT NULL, entity_id TEXT NOT NULL, base_version INTEGER NOT NULL, created_at TEXT)");
            s.executeUpdate("PRAGMA user_version = 1");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?)")) {
                ps.setString(1, "session");
                ps.setString(2, gson.toJson(Fixtures.session()));
                ps.executeUpdate();
                ps.setString(1, "sync_cursor");
                ps.setString(2, "17");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO content_pack (slot, chain, etag, body) VALUES (1, ?, ?, ?)")) {
                ps.setString(1, "[\"ar\"]");
                ps.setString(2, "\"v9\"");
                ps.setString(3, gson.toJson(pack));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO household (slot, id, body) VALUES (1, ?, ?)")) {
                ps.setString(1, Fixtures.HOUSEHOLD_ID);
                ps.setString(2, gson.toJson(Fixtures.household()));
                ps.executeUpdate();
            }
            s.executeUpdate("INSERT INTO task VALUES ('" + Fixtures.TASK_BANK + "', '" + Fixtures.HOUSEHOLD_ID
                    + "', 'HOUSING_AND_REGISTRATION', '{\"nl\":\"Bankrekening openen\"}', 'FAMILY', '2026-11-30', "
                    + "'OPEN', NULL, 3)");
            s.executeUpdate("INSERT INTO outbox (id, type, entity_id, base_version, created_at) VALUES "
                    + "('m-1', 'TASK_COMPLETE', '" + Fixtures.TASK_BANK + "', 3, '2026-11-23T13:00:00Z')");
        }

        store = SqliteLocalStore.open(v1);

        assertEquals(Collections.singletonList(Fixtures.household()), store.households());
        Task task = store.task(Fixtures.TASK_BANK).get();
        assertEquals(TaskStatus.OPEN, task.status());
        assertNull(task.note());
        assertEquals(3L, task.version());
        assertEquals(Collections.singletonList(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 3)),
                store.outbox(), "the pending edit survives the upgrade");
        assertEquals(Fixtures.session(), store.session().get());
        assertEquals(17L, store.syncCursor());
        assertEquals(pack, store.contentPack().get());
        assertEquals("v9", store.contentPackVersion(Collections.singletonList("ar")).get(),
                "the version is read out of the stored pack");
        assertEquals(Collections.emptyList(), store.notices());
        // And it is a schema-2 store now: several households, notes.
        store.saveHouseholds(Collections.singletonList(Fixtures.otherHousehold()));
        store.appendToOutbox(Fixtures.note("m-2", Fixtures.TASK_BANK, "Tuesday", 3));
        assertEquals(2, store.households().size());
        assertEquals("Tuesday", store.outbox().get(1).value());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v1.getAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            assertEquals(SqliteLocalStore.SCHEMA_VERSION, rs.getInt(1), "migrated through every step");
        }
    }

    @Test
    void aClosedStoreFailsWithAStoreException() {
        close(store);
        assertThrows(LocalStoreException.class, () -> store.syncCursor());
        store = SqliteLocalStore.open(file());
    }

    private static String sqliteVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
