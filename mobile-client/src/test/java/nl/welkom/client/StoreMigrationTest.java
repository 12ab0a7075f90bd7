package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import nl.welkom.client.store.SyncNotice;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationType;

/**
 * Files written by earlier releases open in this one with everything in them, read back through the
 * library's typed views. The v3 file is a real one, written by the release before the kinds-and-keys
 * store (commit eece085; how: {@code src/test/resources/stores/MakeV3.java.txt}).
 */
class StoreMigrationTest {

    /** The schema the JDBC store writes now. */
    private static final int CURRENT_SCHEMA = 4;

    @TempDir
    Path dir;

    private SqliteLocalStore store;

    @Test
    void aRealSchemaThreeFileIsMigratedKeepingEveryDocumentRecordEditNoticeAndTheCursor() throws Exception {
        File v3 = dir.resolve("welkom.db").toFile();
        try (InputStream in = getClass().getResourceAsStream("/stores/welkom-v3.db")) {
            Files.copy(in, v3.toPath());
        }
        store = SqliteLocalStore.open(v3);
        try {
            java.util.List<String> chain = Arrays.asList("ti", "en");
            assertEquals(Fixtures.session(), Shelf.SESSION.get(store).get());
            assertEquals(chain, Shelf.chain(store));
            assertEquals(Fixtures.pack("v7", Arrays.asList("ti", "en", "nl")), Shelf.CONTENT.get(store).get());
            assertEquals("\"pack-v7\"", Shelf.CONTENT.etag(store, chain).get());
            assertEquals("v7", Shelf.CONTENT.version(store, chain).get(), "the version column came along");
            assertEquals(Fixtures.course("c1"), Shelf.COURSE.get(store).get());
            assertEquals("\"c1\"", Shelf.COURSE.etag(store, chain).get(), "fetched for the same chain");
            assertEquals(Fixtures.phrasebook("p1"), Shelf.PHRASEBOOK.get(store).get());
            assertEquals(Fixtures.places("l1"), Shelf.PLACES.get(store).get());
            assertEquals("\"l1\"", Shelf.PLACES.etag(store, chain).get());
            assertEquals("v7.c1.p1.l1", Shelf.READING_VERSION.version(store, chain).get());
            assertEquals(Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()), Shelf.HOUSEHOLDS.all(store));
            assertEquals(Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3),
                    Fixtures.otherTask(TaskStatus.DONE, 2)), Shelf.TASKS.all(store));
            CourseProgress progress = Shelf.COURSE_PROGRESS.all(store).get(0);
            assertEquals(Fixtures.HOUSEHOLD_ID, progress.householdId());
            assertEquals(Collections.singletonList("rain"), progress.members().get(0).correctAnswers());
            assertEquals(Arrays.asList(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 3),
                    Fixtures.note("m-2", Fixtures.TASK_BANK, "ዕለት ሰሉስ 10:00", 3)), store.outbox());
            SyncNotice notice = store.notices().get(0);
            assertEquals("m-0", notice.id());
            assertEquals("Not allowed", notice.detail());
            assertEquals(1234L, store.syncCursor());
            // The household still takes its tasks and their edits with it when it leaves the scope.
            assertEquals(2, store.removeHouseholds(Collections.singletonList(Fixtures.HOUSEHOLD_ID)).size());
            assertEquals(Collections.singletonList(Fixtures.otherHousehold()), Shelf.HOUSEHOLDS.all(store));
            assertEquals(0, Shelf.COURSE_PROGRESS.all(store).size());
        } finally {
            store.close();
        }
        assertEquals(CURRENT_SCHEMA, userVersion(v3));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v3.getAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                        + "('task', 'household', 'content_pack', 'document', 'course_progress')")) {
            assertTrue(!rs.next(), "the per-feature tables of v3 are gone");
        }
    }

    /**
     * A phone that ran the previous app version has a schema-1 file: one household row, tasks
     * without notes, an outbox without values, a pack without its version column. Opening it with
     * this version migrates it in place and keeps everything, the pending edit included.
     */
    @Test
    void aSchemaOneFileIsMigratedKeepingItsHouseholdTasksOutboxAndPack() throws Exception {
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
        try {
            assertEquals(Collections.singletonList(Fixtures.household()), Shelf.HOUSEHOLDS.all(store));
            Task task = Shelf.TASKS.get(store, Fixtures.TASK_BANK).get();
            assertEquals(TaskStatus.OPEN, task.status());
            assertNull(task.note());
            assertEquals(3L, task.version());
            assertEquals(Collections.singletonList(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 3)),
                    store.outbox(), "the pending edit survives the upgrade");
            assertEquals(Fixtures.session(), Shelf.SESSION.get(store).get());
            assertEquals(17L, store.syncCursor());
            assertEquals(pack, Shelf.CONTENT.get(store).get());
            assertEquals("v9", Shelf.CONTENT.version(store, Collections.singletonList("ar")).get(),
                    "the version is read out of the stored pack");
            assertEquals(Collections.emptyList(), store.notices());
            // And it is a schema-2 store now: several households, notes.
            Shelf.HOUSEHOLDS.put(store, Collections.singletonList(Fixtures.otherHousehold()));
            store.appendToOutbox(Fixtures.note("m-2", Fixtures.TASK_BANK, "Tuesday", 3));
            assertEquals(2, Shelf.HOUSEHOLDS.all(store).size());
            assertEquals("Tuesday", store.outbox().get(1).value());
        } finally {
            store.close();
        }
        assertEquals(CURRENT_SCHEMA, userVersion(v1), "migrated through every step");
    }

    private static int userVersion(File file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.getAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
