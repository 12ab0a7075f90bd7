package nl.welkom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;
import nl.welkom.model.message.Message;

/**
 * The operator's backup and restore (docs/backup.md): a backup taken with the command while three
 * writers keep sending messages, restored into a fresh server, gives back every write that was
 * acknowledged before the backup started; a damaged backup and a database still in use are refused.
 */
@Tag(TestDatabase.SQLITE_ONLY)
class BackupRestoreTest {
    private static final List<String> HOUSEHOLDS = List.of("T-SCOPE", "T-UNMATCHED", "T-PAGE");

    @Test
    void aBackupTakenUnderWriteLoadRestoresEveryWriteAcknowledgedBeforeIt() throws Exception {
        Path folder = Files.createTempDirectory("welkom-backup");
        TestServer live = TestServer.startOwn(folder.resolve("live"));
        Api api = new Api(live);
        String officer = api.login(Fixtures.OFFICER);
        List<String> households = new ArrayList<>();
        for (String reference : HOUSEHOLDS) {
            households.add(Fixtures.householdId(api, officer, reference));
        }
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < households.size(); w++) {
            String path = "/api/households/" + households.get(w) + "/messages";
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    Api.Response response = api.post(path, officer, Map.of("text", "Schrijver " + writer + ", bericht " + i));
                    if (response.status() == 201) {
                        acknowledged.add(response.as(Message.class).id());
                    }
                }
            });
            writers.add(thread);
            thread.start();
        }
        Path backup = folder.resolve("backups").resolve("welkom-2026-12-04.db");
        List<String> before;
        String printed;
        long millis;
        try {
            while (acknowledged.size() < 150) {
                Thread.sleep(20);
            }
            before = new ArrayList<>(acknowledged);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long started = System.nanoTime();
            int exit = DatabaseBackup.run(new String[] {"backup", "--data-dir", live.dataDir().toString(), backup.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            millis = (System.nanoTime() - started) / 1_000_000;
            printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, printed);
            int atBackup = acknowledged.size();
            while (acknowledged.size() < atBackup + 100) {
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            for (Thread thread : writers) {
                thread.join();
            }
        }
        assertTrue(printed.startsWith("Backup written: " + backup) && printed.contains("integrity ok"), printed);
        assertTrue(acknowledged.size() > before.size(), "the server kept writing while the backup ran");
        assertRefusedWhileInUse(backup, live);
        live.shutdown();

        // Restore into a fresh data folder and start a new server on it.
        Path fresh = folder.resolve("fresh");
        DatabaseBackup.Result restored = DatabaseBackup.restore(backup, fresh.resolve(DatabaseBackup.DATABASE_FILE));
        assertEquals("ok", restored.integrity());
        TestServer again = TestServer.startOwn(fresh);
        try {
            Api restoredApi = new Api(again);
            String officerAgain = restoredApi.login(Fixtures.OFFICER);
            Set<String> present = new HashSet<>();
            for (String household : households) {
                present.addAll(restoredApi.get("/api/households/" + household + "/messages", officerAgain)
                        .asListOf(Message.class).stream().map(Message::id).collect(Collectors.toSet()));
            }
            List<String> lost = before.stream().filter(id -> !present.contains(id)).toList();
            assertEquals(List.of(), lost, "every write acknowledged before the backup is restored");
            assertEquals("ok", DatabaseBackup.integrityCheck(fresh.resolve(DatabaseBackup.DATABASE_FILE)));
            System.out.println("BackupRestoreTest: backup of " + Files.size(backup) + " bytes in " + millis
                    + " ms under load from 3 writers; " + before.size() + " writes acknowledged before it, "
                    + before.size() + " restored, 0 lost; " + (acknowledged.size() - before.size())
                    + " more acknowledged during and after it; integrity ok");
        } finally {
            again.shutdown();
            deleteFolder(folder);
        }
    }

    private static void deleteFolder(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndTheDatabaseStaysAsItWas() throws Exception {
        Path folder = Files.createTempDirectory("welkom-restore");
        Path database = folder.resolve("data").resolve(DatabaseBackup.DATABASE_FILE);
        Files.createDirectories(database.getParent());
        Path good = folder.resolve("good.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (x TEXT)");
            statement.execute("INSERT INTO t VALUES ('before')");
        }
        DatabaseBackup.backup(database, good);
        byte[] damaged = Files.readAllBytes(good);
        for (int i = 4096; i < damaged.length; i++) {
            damaged[i] = (byte) 0x5A;
        }
        Path bad = Files.write(folder.resolve("damaged.db"), damaged);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DatabaseBackup.run(new String[] {"restore", "--data-dir", database.getParent().toString(), bad.toString()},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("restore refused:"), err.toString(StandardCharsets.UTF_8));
        assertEquals("ok", DatabaseBackup.integrityCheck(database));
        try (Stream files = new Stream(database.getParent())) {
            assertEquals(List.of(DatabaseBackup.DATABASE_FILE), files.names(), "nothing moved aside");
        }
        assertThrows(SQLException.class, () -> DatabaseBackup.backup(database, good), "an existing file is never overwritten");
        deleteFolder(folder);
    }

    /** A restore over the database of a running server is refused, and the server goes on. */
    private static void assertRefusedWhileInUse(Path backup, TestServer live) throws Exception {
        Path database = live.dataDir().resolve(DatabaseBackup.DATABASE_FILE);
        SQLException refused = assertThrows(SQLException.class, () -> DatabaseBackup.restore(backup, database));
        assertTrue(refused.getMessage().contains("stop the server"), refused.getMessage());
        assertFalse(Files.list(live.dataDir()).anyMatch(p -> p.getFileName().toString().contains("before-restore")));
        assertEquals(200, new Api(live).get("/health", null).status());
    }

    /** The names in a folder. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path folder) throws java.io.IOException {
            this.files = Files.list(folder);
        }

        List<String> names() {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
