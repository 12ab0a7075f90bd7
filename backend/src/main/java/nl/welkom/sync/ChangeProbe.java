package nl.welkom.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.model.auth.Role;

/**
 * "Anything new for this phone?" in one statement, outside any transaction (issue 14,
 * docs/performance.md): the head of the change sequence, and whether any source a household's phone
 * pulls from ({@link ChangeFeed}) holds a change after the phone's cursor up to that head. Each
 * {@code EXISTS} searches the index that source's own query searches, so the cost follows the phone's
 * own changes, not the size of the database, and not how far the head moved since the phone's cursor.
 *
 * <p>A "no" is exact: a phone's scope is its own household, and every source of its pages is asked,
 * bounded by the head read in the same statement (every change up to it has committed: see
 * {@code ChangeSequence#last}). A "yes" may be too wide (an announcement of the municipality that
 * does not target this household); the page is then read the ordinary way and comes out empty.
 */
@Singleton
class ChangeProbe {
    private static final String SQL = "SELECT s.last_seq, " + anything("?", "?",
            "EXISTS (SELECT 1 FROM household WHERE id = ?" + changed("?"), "?", "?")
            + " FROM change_sequence s WHERE s.id = 1";
    /**
     * The same question as one select expression on the token check's device {@code d} and household
     * {@code h}, the phone's cursor being the request's value {@code q.v1} ({@link PullProbeQuestion}):
     * the head and the answer in one number, {@code 2 × head + answer}, so that the counter row is read
     * once; the household's own change is read from {@code h} itself.
     */
    static final String ON_TOKEN = "(SELECT 2 * s.last_seq + " + anything("q.v1", "d.id",
            "(h.change_seq > q.v1 AND h.change_seq <= s.last_seq)", "h.id", "h.municipality_id")
            + " FROM change_sequence s WHERE s.id = 1)";
    /**
     * The light form of {@link #ON_TOKEN}, for a phone whose cursor is at the head as far as this
     * server knows: the head alone, from the counter row; a cursor behind it leaves the question to
     * {@link #ask}. It binds nothing, so the token checks of many phones asking it share one statement
     * (nl.welkom.auth.CombinedChecks), and it names no change table, so PostgreSQL opens five relations
     * instead of ten.
     */
    static final String HEAD_ON_TOKEN = "(SELECT s.last_seq FROM change_sequence s WHERE s.id = 1)";

    /**
     * 1 when a source holds a change after the cursor up to the head {@code s.last_seq}, else 0. A
     * cursor at the head is answered 0 from the counter row alone, before any source's index is searched.
     *
     * @param cursor           the phone's cursor: a placeholder or the token check's {@code q.v1}
     * @param householdChanged whether the household row itself changed after the cursor
     */
    private static String anything(String cursor, String device, String householdChanged, String household,
                                   String municipality) {
        return "CASE WHEN " + cursor + " >= s.last_seq THEN 0 WHEN"
                + " EXISTS (SELECT 1 FROM scope_change WHERE subject_device_id = " + device
                + " AND seq > " + cursor + " AND seq <= s.last_seq)"
                + " OR " + householdChanged
                + " OR EXISTS (SELECT 1 FROM task WHERE household_id = " + household + changed(cursor)
                + " OR EXISTS (SELECT 1 FROM appointment WHERE household_id = " + household + changed(cursor)
                + " OR EXISTS (SELECT 1 FROM message WHERE household_id = " + household + changed(cursor)
                + " OR EXISTS (SELECT 1 FROM announcement WHERE municipality_id = " + municipality + changed(cursor)
                + " THEN 1 ELSE 0 END";
    }

    /** A row's change after the cursor, up to the head. */
    private static String changed(String cursor) {
        return " AND change_seq > " + cursor + " AND change_seq <= s.last_seq)";
    }

    private final ConnectionOperations<Connection> connections;

    ChangeProbe(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** For the cursor {@code after}: the head, and whether anything after the cursor up to it may be on the phone's page. */
    record Answer(long after, long head, boolean anything) {
        /** The answer from {@link #ON_TOKEN}'s column ({@code 2 × head + answer}); {@code head} hears the head read. */
        static Answer read(ResultSet row, int column, long after, LongConsumer head) throws SQLException {
            long both = row.getLong(column);
            if (row.wasNull()) {
                // No counter row: a database without a single change yet; the ordinary page answers that.
                return new Answer(after, after, true);
            }
            head.accept(both / 2);
            return new Answer(after, both / 2, both % 2 == 1);
        }

        /**
         * The answer from {@link #HEAD_ON_TOKEN}'s column: "nothing new" when the cursor is at the head,
         * else none (null), and {@link #ask} is asked instead; {@code head} hears the head read.
         */
        static @Nullable Answer readHead(ResultSet row, int column, long after, LongConsumer head) throws SQLException {
            long read = row.getLong(column);
            if (row.wasNull()) {
                // No counter row: a database without a single change yet; the ordinary page answers that.
                return null;
            }
            head.accept(read);
            return after >= read ? new Answer(after, read, false) : null;
        }
    }

    /** Whether the probe can answer for {@code caller}: a household's own phone. */
    static boolean answersFor(Caller caller) {
        return caller.isDevice() && caller.role() == Role.NEWCOMER && caller.householdId() != null
                && caller.municipalityId() != null;
    }

    /** Asks on a connection of its own, without a transaction: one statement is consistent in itself. */
    Answer ask(Caller caller, long after) {
        String household = caller.householdId();
        List<Answer> answer = connections.executeRead(status -> Sql.query(status.getConnection(), SQL,
                row -> new Answer(after, row.getLong(1), row.getInt(2) != 0),
                after, caller.deviceId(), after, household, after, household, after, household, after, household, after,
                caller.municipalityId(), after));
        // No counter row: a database without a single change yet; the ordinary page answers that.
        return answer.isEmpty() ? new Answer(after, after, true) : answer.get(0);
    }

    /** The statement, for the test that reads its query plan. */
    static String sql() {
        return SQL;
    }
}
