package nl.welkom.sync;

import java.sql.Connection;
import java.util.List;

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
    private static final String SQL = "SELECT s.last_seq, CASE WHEN"
            + " EXISTS (SELECT 1 FROM scope_change WHERE subject_device_id = ? AND seq > ? AND seq <= s.last_seq)"
            + " OR EXISTS (SELECT 1 FROM household WHERE id = ? AND change_seq > ? AND change_seq <= s.last_seq)"
            + " OR EXISTS (SELECT 1 FROM task WHERE household_id = ? AND change_seq > ? AND change_seq <= s.last_seq)"
            + " OR EXISTS (SELECT 1 FROM appointment WHERE household_id = ? AND change_seq > ? AND change_seq <= s.last_seq)"
            + " OR EXISTS (SELECT 1 FROM message WHERE household_id = ? AND change_seq > ? AND change_seq <= s.last_seq)"
            + " OR EXISTS (SELECT 1 FROM announcement WHERE municipality_id = ? AND change_seq > ? AND change_seq <= s.last_seq)"
            + " THEN 1 ELSE 0 END FROM change_sequence s WHERE s.id = 1";

    private final ConnectionOperations<Connection> connections;

    ChangeProbe(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** The head, and whether anything after the cursor up to it may be on the phone's page. */
    record Answer(long head, boolean anything) {
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
                row -> new Answer(row.getLong(1), row.getInt(2) != 0),
                caller.deviceId(), after, household, after, household, after, household, after, household, after,
                caller.municipalityId(), after));
        // No counter row: a database without a single change yet; the ordinary page answers that.
        return answer.isEmpty() ? new Answer(after, true) : answer.get(0);
    }

    /** The statement, for the test that reads its query plan. */
    static String sql() {
        return SQL;
    }
}
