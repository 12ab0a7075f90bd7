package nl.welkom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.micronaut.data.annotation.Query;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;
import nl.welkom.appointment.AppointmentRepository;
import nl.welkom.auth.TokenChecks;
import nl.welkom.meeting.MeetingRepository;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.ScopeChangeRepository;
import nl.welkom.journey.TaskRepository;
import nl.welkom.message.MessageRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pull costs what changed, not what exists (docs/sync.md, "Guarantees"): SQLite's plan for each
 * query of the pull, taken from the repositories' own {@code @Query} text, searches an index by
 * household or subject and never scans a table.
 */
@Tag(TestDatabase.SQLITE_ONLY)
class SyncQueryPlanTest {

    @Test
    void theTaskQueryOfAPullSearchesTheHouseholdAndSequenceIndex() throws SQLException {
        String plan = plan(TaskRepository.class, "findChanged", 3);

        assertTrue(plan.contains("SEARCH task USING INDEX task_household_seq (household_id=? AND change_seq>? AND change_seq<?)"),
                plan);
        assertFalse(plan.contains("SCAN"), plan);
    }

    @Test
    void theAppointmentQueryOfAPullSearchesTheHouseholdAndSequenceIndex() throws SQLException {
        String plan = plan(AppointmentRepository.class, "findChanged", 3);

        assertTrue(plan.contains("SEARCH appointment USING INDEX appointment_household_change"
                + " (household_id=? AND change_seq>? AND change_seq<?)"), plan);
        assertFalse(plan.contains("SCAN"), plan);
    }

    @Test
    void theHouseholdQueryOfAPullLooksHouseholdsUpByPrimaryKey() throws SQLException {
        String plan = plan(HouseholdRepository.class, "findChanged", 3);

        assertTrue(plan.contains("SEARCH household USING INDEX sqlite_autoindex_household_1 (id=?)"), plan);
        assertFalse(plan.contains("SCAN"), plan);
    }

    @Test
    void theScopeChangeQueriesOfAPullSearchTheSubjectAndSequenceIndexes() throws SQLException {
        String user = plan(ScopeChangeRepository.class, "findForUser", 0);
        String device = plan(ScopeChangeRepository.class, "findForDevice", 0);

        assertTrue(user.contains("USING INDEX scope_change_user_seq (subject_user_id=? AND seq>? AND seq<?)"), user);
        assertTrue(device.contains("USING INDEX scope_change_device_seq (subject_device_id=? AND seq>? AND seq<?)"),
                device);
        assertFalse(user.contains("SCAN") || device.contains("SCAN"), user + device);
    }

    @Test
    void theMessageQueriesOfAPullSearchTheHouseholdAndSequenceIndex() throws SQLException {
        String household = plan(MessageRepository.class, "findChanged", 3);
        String friend = plan(MessageRepository.class, "findChangedForBuddy", 3);

        assertTrue(household.contains("SEARCH message USING INDEX message_household_change (household_id=? AND change_seq>? AND change_seq<?)"),
                household);
        assertTrue(friend.contains("SEARCH message USING INDEX message_household_change (household_id=? AND change_seq>? AND change_seq<?)"),
                friend);
        assertFalse(household.contains("SCAN") || friend.contains("SCAN"), household + "\n" + friend);
    }

    @Test
    void theMeetingQueryOfAFriendsPullSearchesTheHouseholdAndSequenceIndex() throws SQLException {
        String plan = plan(MeetingRepository.class, "findChanged", 3);

        assertTrue(plan.contains("SEARCH meeting USING INDEX meeting_household_change (household_id=? AND change_seq>? AND change_seq<?)"),
                plan);
        assertFalse(plan.contains("SCAN"), plan);
    }

    @Test
    void thePhonesAnythingNewProbeSearchesOneIndexPerSourceAndScansNothing() throws SQLException {
        String plan = explain(ChangeProbe.sql());

        for (String index : List.of("scope_change_device_seq (subject_device_id=? AND seq>? AND seq<?)",
                "household USING INDEX sqlite_autoindex_household_1 (id=?)",
                "task_household_seq (household_id=? AND change_seq>? AND change_seq<?)",
                "appointment_household_change (household_id=? AND change_seq>? AND change_seq<?)",
                "message_household_change (household_id=? AND change_seq>? AND change_seq<?)",
                "announcement_municipality_change (municipality_id=? AND change_seq>? AND change_seq<?)")) {
            assertTrue(plan.contains(index), index + " in\n" + plan);
        }
        // The one constant row the CASE is selected from is no table.
        assertFalse(plan.replace("SCAN CONSTANT ROW", "").contains("SCAN"), plan);
    }

    @ParameterizedTest(name = "{0} tokens in one statement")
    @ValueSource(ints = {1, 8})
    void thePullsTokenCheckWithItsProbeLooksTheTokensUpAndSearchesOneIndexPerSource(int tokens) throws SQLException {
        String plan = explain(TokenChecks.sqlWith(ChangeProbe.ON_TOKEN, 1, tokens));

        for (String index : List.of("SEARCH t USING INDEX sqlite_autoindex_auth_token_1 (token_hash=?)",
                "SEARCH d USING INDEX sqlite_autoindex_device_1 (id=?)",
                "SEARCH h USING INDEX sqlite_autoindex_household_1 (id=?)",
                "scope_change_device_seq (subject_device_id=? AND seq>? AND seq<?)",
                "task_household_seq (household_id=? AND change_seq>? AND change_seq<?)",
                "appointment_household_change (household_id=? AND change_seq>? AND change_seq<?)",
                "message_household_change (household_id=? AND change_seq>? AND change_seq<?)",
                "announcement_municipality_change (municipality_id=? AND change_seq>? AND change_seq<?)")) {
            assertTrue(plan.contains(index), index + " in\n" + plan);
        }
        assertFalse(withoutTheTokenRows(plan).contains("SCAN"), plan);
        assertEquals(1, plan.split("SEARCH s USING INTEGER PRIMARY KEY").length - 1, "the counter row is read once:\n" + plan);
    }

    @ParameterizedTest(name = "{0} tokens in one statement")
    @ValueSource(ints = {1, 8})
    void thePullsTokenCheckWithTheHeadAloneLooksTheTokensUpAndReadsOnlyTheCounterRow(int tokens) throws SQLException {
        String plan = explain(TokenChecks.sqlWith(ChangeProbe.HEAD_ON_TOKEN, 0, tokens));

        assertTrue(plan.contains("SEARCH t USING INDEX sqlite_autoindex_auth_token_1 (token_hash=?)"), plan);
        assertEquals(1, plan.split("SEARCH s USING INTEGER PRIMARY KEY").length - 1, "the counter row is read once:\n" + plan);
        for (String source : List.of("scope_change", "task", "appointment", "message", "announcement")) {
            assertFalse(plan.contains(" " + source + " "), source + " is not read:\n" + plan);
        }
        assertFalse(withoutTheTokenRows(plan).contains("SCAN"), plan);
    }

    /**
     * The plan without the steps that read the statement's own rows {@code q} (one per token checked,
     * from its {@code VALUES}): those are no table.
     */
    private static String withoutTheTokenRows(String plan) {
        return plan.replaceAll("(?m)^(SCAN q|SCAN \\d+ CONSTANT ROWS|SCAN CONSTANT ROW|CO-ROUTINE q|MATERIALIZE q)$", "");
    }

    /** {@code EXPLAIN QUERY PLAN} of a repository method's SQL, with an {@code IN} list of {@code inSize} values. */
    private static String plan(Class<?> repository, String method, int inSize) throws SQLException {
        Method found = Arrays.stream(repository.getMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst().orElseThrow();
        String sql = found.getAnnotation(Query.class).value();
        String placeholders = String.join(", ", Collections.nCopies(Math.max(inSize, 1), "?"));
        return explain(sql.replaceAll("IN \\(:\\w+\\)", "IN (" + placeholders + ")").replaceAll(":\\w+", "?"));
    }

    private static String explain(String jdbc) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = TestServer.get().database();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + jdbc);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                steps.add(rows.getString("detail"));
            }
        }
        return String.join("\n", steps);
    }
}
