package nl.welkom.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's backup and restore of the SQLite database (docs/backup.md), run before any server
 * starts: {@code java -jar welkom-backend.jar backup [--data-dir DIR] FILE} and
 * {@code java -jar welkom-backend.jar restore [--data-dir DIR] FILE}.
 *
 * <p>A backup is SQLite's {@code VACUUM INTO}: one read transaction on a separate connection, so it
 * runs while the server keeps writing (WAL lets readers and the writer go on together) and holds
 * every write committed before it started. It is written to a temporary file beside the target,
 * checked with {@code PRAGMA integrity_check} and only then renamed to the target.
 *
 * <p>A restore refuses a backup that fails {@code integrity_check} and a database that a running
 * server still has open; it keeps the current files as {@code welkom.db.before-restore-<time>}.
 */
public final class DatabaseBackup {
    /** The database file's name inside the data folder (application.yml). */
    public static final String DATABASE_FILE = "welkom.db";
    private static final String USAGE = "usage: java -jar welkom-backend.jar backup [--data-dir DIR] FILE\n"
            + "       java -jar welkom-backend.jar restore [--data-dir DIR] FILE   (stop the server first)\n"
            + "DIR defaults to $WELKOM_DATA_DIR, else ./data";

    private DatabaseBackup() {
    }

    /** What a backup or restore did, for the operator and for tests. */
    public record Result(Path file, long bytes, long millis, String integrity) {
    }

    /** True when {@code args} name one of these commands rather than server options. */
    public static boolean handles(String[] args) {
        return args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]));
    }

    /** Runs {@code backup} or {@code restore}; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        String dataDir = System.getenv("WELKOM_DATA_DIR");
        String file = null;
        for (int i = 1; i < args.length; i++) {
            if ("--data-dir".equals(args[i]) && i + 1 < args.length) {
                dataDir = args[++i];
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        Path database = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).resolve(DATABASE_FILE);
        try {
            if ("backup".equals(command)) {
                Result result = backup(database, Path.of(file));
                out.printf("Backup written: %s (%d bytes in %d ms), integrity %s%n",
                        result.file(), result.bytes(), result.millis(), result.integrity());
            } else {
                Result result = restore(Path.of(file), database);
                out.printf("Restored %s into %s (%d bytes), integrity %s. Start the server.%n",
                        file, result.file(), result.bytes(), result.integrity());
            }
            return 0;
        } catch (BackupException e) {
            err.println(command + " refused: " + e.getMessage());
            return 1;
        } catch (IOException | SQLException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Copies the live database at {@code database} into {@code target}, which must not exist yet,
     * while a server may be writing to it.
     */
    public static Result backup(Path database, Path target) throws IOException, SQLException {
        if (!Files.isRegularFile(database)) {
            throw new BackupException("no database at " + database);
        }
        if (Files.exists(target)) {
            throw new BackupException(target + " exists already; name a new file");
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(target.getFileName() + ".partial");
        Files.deleteIfExists(temporary);
        long started = System.nanoTime();
        try (Connection connection = open(database); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + temporary.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        String integrity = integrityCheck(temporary);
        if (!"ok".equals(integrity)) {
            Files.deleteIfExists(temporary);
            throw new BackupException("the copy failed its integrity check: " + integrity);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return new Result(target, Files.size(target), (System.nanoTime() - started) / 1_000_000, integrity);
    }

    /**
     * Puts {@code backup} in place of {@code database} (the server must be stopped), after checking
     * the backup's integrity; the files it replaces are kept beside it.
     */
    public static Result restore(Path backup, Path database) throws IOException, SQLException {
        if (!Files.isRegularFile(backup)) {
            throw new BackupException("no backup at " + backup);
        }
        String integrity = integrityCheck(backup);
        if (!"ok".equals(integrity)) {
            throw new BackupException("the backup failed its integrity check: " + integrity);
        }
        Path folder = database.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        if (Files.exists(database)) {
            requireNotInUse(database, "restoring");
            String suffix = ".before-restore-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            for (String extension : List.of("", "-wal", "-shm")) {
                Path file = folder.resolve(DATABASE_FILE + extension);
                if (Files.exists(file)) {
                    Files.move(file, folder.resolve(DATABASE_FILE + suffix + extension));
                }
            }
        }
        long started = System.nanoTime();
        Path temporary = folder.resolve(DATABASE_FILE + ".restoring");
        Files.copy(backup, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, database, StandardCopyOption.ATOMIC_MOVE);
        return new Result(database, Files.size(database), (System.nanoTime() - started) / 1_000_000, integrity);
    }

    /** {@code PRAGMA integrity_check} of a database file: "ok", or the problems it found (a file SQLite cannot read at all included). */
    public static String integrityCheck(Path file) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = open(file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        } catch (SQLException unreadable) {
            return "unreadable: " + unreadable.getMessage();
        }
        return lines.isEmpty() ? "no answer" : String.join("; ", lines);
    }

    /**
     * A running server keeps its connections open, and each holds a shared lock on a WAL database:
     * then an exclusive transaction cannot start and the restore is refused.
     */
    static void requireNotInUse(Path database, String doing) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database + "?busy_timeout=0");
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA locking_mode=EXCLUSIVE");
            try {
                statement.execute("BEGIN EXCLUSIVE");
                statement.execute("SELECT count(*) FROM sqlite_master");
                statement.execute("COMMIT");
            } catch (SQLException busy) {
                throw new BackupException("the database is in use: stop the server before " + doing);
            }
        }
    }

    static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=10000");
    }

    /** A refusal the operator can act on. */
    static final class BackupException extends SQLException {
        private static final long serialVersionUID = 1L;

        BackupException(String message) {
            super(message);
        }
    }
}
