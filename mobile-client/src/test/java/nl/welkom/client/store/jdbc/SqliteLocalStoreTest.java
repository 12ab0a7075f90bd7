package nl.welkom.client.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.LocalStoreContractTest;
import nl.welkom.client.store.LocalStoreException;

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
