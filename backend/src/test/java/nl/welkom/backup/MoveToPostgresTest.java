package nl.welkom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.PullResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The operator's move from the SQLite default to PostgreSQL (docs/postgresql.md, "Moving from SQLite"):
 * a server on SQLite is used (demo households, an activated phone, a message, sign-ins), stopped, and
 * its data moved. Every row of every table arrives unchanged, and a server on PostgreSQL with the same
 * data folder serves the same phone with its old token and cursor. Runs in the PostgreSQL pass.
 */
@EnabledIfSystemProperty(named = "welkom.test.database", matches = "postgres")
class MoveToPostgresTest {

    @Test
    void everyRowOfTheSqliteDefaultArrivesInPostgresAndThePhoneCarriesOnWithItsTokenAndCursor() throws Exception {
        Path dataDir = Files.createTempDirectory("welkom-move");
        Path file = dataDir.resolve(DatabaseBackup.DATABASE_FILE);
        TestServer onSqlite = TestServer.startOwnOnSqlite(dataDir);
        Api before = new Api(onSqlite);
        Session phone = Fixtures.device(before, "T-PAGE");
        PullResponse pulled = pull(before, phone, 0);
        String officer = before.login(Fixtures.OFFICER);
        assertEquals(201, before.post("/api/households/" + phone.householdId() + "/messages", officer,
                Map.of("text", "Your appointment at the town hall is on Monday.")).status());
        PullResponse upToDate = pull(before, phone, pulled.cursor());
        String caseload = before.get("/api/households", officer).body();

        DatabaseBackup.BackupException inUse = assertThrows(DatabaseBackup.BackupException.class,
                () -> MoveToPostgres.move(file, TestDatabase.url(dataDir), "postgres", "postgres"));
        assertTrue(inUse.getMessage().contains("stop the server"), inUse.getMessage());
        onSqlite.shutdown();

        Map<String, List<String>> sqliteRows;
        try (Connection sqlite = DatabaseBackup.open(file)) {
            sqliteRows = everyRow(sqlite);
        }
        MoveToPostgres.Result result = MoveToPostgres.move(file, TestDatabase.url(dataDir), "postgres", "postgres");

        Map<String, List<String>> postgresRows;
        try (Connection postgres = TestDatabase.connect(dataDir)) {
            postgresRows = everyRow(postgres);
        }
        try (Connection postgres = TestDatabase.connect(dataDir); Statement sql = postgres.createStatement();
             ResultSet planned = sql.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'household'")) {
            planned.next();
            assertEquals(sqliteRows.get("household").size(), planned.getLong(1),
                    "the planner knows the moved tables' sizes at once (ANALYZE after the move)");
        }
        assertEquals(sqliteRows.keySet(), postgresRows.keySet(), "the same tables");
        for (String table : sqliteRows.keySet()) {
            assertEquals(sqliteRows.get(table), postgresRows.get(table), "every row of " + table);
        }
        long total = sqliteRows.values().stream().mapToLong(List::size).sum();
        assertEquals(total, result.rows());
        assertTrue(total > 100, "the fixture's households, tasks, texts, tokens and audit rows: " + total);
        assertEquals(sqliteRows.keySet().size(), result.tables().size());

        TestServer onPostgres = TestServer.startOwn(dataDir);
        try {
            Api after = new Api(onPostgres);
            PullResponse carriesOn = pull(after, phone, upToDate.cursor());
            assertTrue(carriesOn.households().isEmpty() && carriesOn.messages().isEmpty(),
                    "the phone's old token works and its cursor means what it meant: nothing new");
            PullResponse fromStart = pull(after, phone, 0);
            assertTrue(fromStart.messages().stream().anyMatch(m -> m.text().contains("town hall")));
            assertEquals(caseload, after.get("/api/households", after.login(Fixtures.OFFICER)).body(),
                    "the officer signs in and sees the same caseload");
        } finally {
            onPostgres.shutdown();
        }
    }

    @Test
    void aSecondMoveIntoADatabaseThatHoldsDataIsRefusedAndChangesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("welkom-move-twice");
        Path file = dataDir.resolve(DatabaseBackup.DATABASE_FILE);
        TestServer.startOwnOnSqlite(dataDir).shutdown();
        MoveToPostgres.move(file, TestDatabase.url(dataDir), "postgres", "postgres");
        Map<String, List<String>> moved;
        try (Connection postgres = TestDatabase.connect(dataDir)) {
            moved = everyRow(postgres);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MoveToPostgres.run(new String[] {"move-to-postgresql", "--data-dir", dataDir.toString()},
                Map.of("DATASOURCES_DEFAULT_URL", TestDatabase.url(dataDir), "DATASOURCES_DEFAULT_USERNAME", "postgres",
                        "DATASOURCES_DEFAULT_PASSWORD", "postgres"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, exit);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("refused") && said.contains("already holds data"), said);
        try (Connection postgres = TestDatabase.connect(dataDir)) {
            assertEquals(moved, everyRow(postgres));
        }
    }

    @Test
    void withoutAPostgresqlUrlTheCommandExplainsWhatItNeeds() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MoveToPostgres.run(new String[] {"move-to-postgresql"}, Map.of("DATASOURCES_DEFAULT_URL",
                        "jdbc:sqlite:data/welkom.db"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("jdbc:postgresql://"));
    }

    private static PullResponse pull(Api api, Session phone, long after) {
        Api.Response response = api.get("/api/sync/pull?after=" + after + "&limit=1000", phone.token());
        assertEquals(200, response.status(), response.body());
        return response.as(PullResponse.class);
    }

    /**
     * Every table but Flyway's, each as its rows in a sorted list; a row is its values in column-name
     * order, written the same way whichever database it came from (a boolean as 1 or 0).
     */
    private static Map<String, List<String>> everyRow(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet found = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("flyway_") && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tables) {
            List<String> list = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    Map<String, String> values = new TreeMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.put(columns.getColumnName(i).toLowerCase(Locale.ROOT), text(row.getObject(i)));
                    }
                    list.add(values.toString());
                }
            }
            list.sort(null);
            rows.put(table, list);
        }
        return rows;
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Double.toString(number.doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }
}
