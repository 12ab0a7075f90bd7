package nl.welkom.problem;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

import io.micronaut.http.HttpStatus;
import nl.welkom.model.Problem;

/**
 * Recognises a database that cannot write because its disk is full or failing (SQLite's
 * {@code SQLITE_FULL} and {@code SQLITE_IOERR}, PostgreSQL's {@code 53100 disk_full} and
 * {@code 58030 io_error}) anywhere in an exception's cause chain. Such a request is answered
 * {@code 503} "storage full, try again later" instead of a 500: the transaction was rolled back,
 * nothing of it was stored, and the same request succeeds once space returns (docs/backup.md).
 */
public final class StorageTrouble {
    /** Seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "60";
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;

    private StorageTrouble() {
    }

    /** True when {@code failure} or one of its causes says that the database could not write to its disk. */
    public static boolean isStorageFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException && isStorageFailure((SQLException) t)) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("[SQLITE_FULL]") || message.contains("[SQLITE_IOERR"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStorageFailure(SQLException e) {
        if (e.getClass().getName().startsWith("org.sqlite.")) {
            int primary = e.getErrorCode() & 0xFF; // extended codes keep the primary code in the low byte
            return primary == SQLITE_FULL || primary == SQLITE_IOERR;
        }
        return "53100".equals(e.getSQLState()) || "58030".equals(e.getSQLState());
    }

    /**
     * True when the database refused a value of the request itself: SQL state class {@code 22}, "data
     * exception" — on PostgreSQL a NUL character in a text ({@code 22021}), a number out of range, a
     * text too long for its column. The request is at fault (400), the transaction was rolled back.
     * SQLite stores such values instead of refusing them.
     */
    public static boolean isRefusedValue(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null
                    && ((SQLException) t).getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The 503 answer: no personal data, no internals. */
    static Problem storageFull() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-full", "Storage full, try again later",
                "The server cannot store anything right now because its disk is full or failing. Nothing of this "
                        + "request was stored; send it again later. Reading still works.");
    }
}
