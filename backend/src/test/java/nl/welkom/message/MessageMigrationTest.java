package nl.welkom.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.TestDatabase;

/** V15 turns the newcomers' old questions into the first messages of their households' conversations. */
@Tag(TestDatabase.SQLITE_ONLY)
class MessageMigrationTest {

    @Test
    void anOldQuestionBecomesAHouseholdMessageWithItsLessonAndTimeAndTheQuestionTableIsGone(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("14").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO question (id, household_id, device_id, lesson_id, text, buddy_user_id, created_at)"
                    + " VALUES ('q-1', 'h-1', 'd-1', 'l-1', 'Waar vind ik de brief?', NULL, 1764842400000)");
        }

        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();

        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT household_id, author, author_device_id, lesson_id, text, sent_at,"
                    + " read_at, version FROM message WHERE id = 'q-1'")) {
                assertEquals("h-1", row.getString(1));
                assertEquals("HOUSEHOLD", row.getString(2));
                assertEquals("d-1", row.getString(3));
                assertEquals("l-1", row.getString(4));
                assertEquals("Waar vind ik de brief?", row.getString(5));
                assertEquals(1764842400000L, row.getLong(6));
                assertEquals(null, row.getObject(7));
                assertEquals(1, row.getLong(8));
            }
            try (ResultSet tables = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'question'")) {
                assertFalse(tables.next(), "the question table is dropped");
            }
        }
    }
}
