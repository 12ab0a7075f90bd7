package nl.welkom.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.welkom.TestDatabase;
import nl.welkom.TestServer;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The caseload costs what the caller's scope holds, not what the database holds
 * (docs/caseload.md): SQLite's plan for each statement, for every filter and order, finds the
 * households through an index on the municipality (an officer) or the primary key (a buddy's
 * matches), and the tasks, conflicts, matches and members of each household through an index on
 * its id. No statement reads a whole table.
 */
@Tag(TestDatabase.SQLITE_ONLY)
class CaseloadQueryPlanTest {
    private static final Caller OFFICER = new Caller(Role.OFFICER, "u", null, "m", null);
    private static final Caller BUDDY = new Caller(Role.BUDDY, "b", null, "m", null);
    /** A full read of a table, under any of the aliases the caseload's SQL uses. */
    private static final Pattern TABLE_SCAN = Pattern.compile("SCAN (h|t|c|b|m|scope_match|household|task|conflict|"
            + "buddy_match|member)\\b");
    private static final String BY_MUNICIPALITY = "SEARCH h USING (COVERING )?INDEX "
            + "(household_municipality_\\w+|sqlite_autoindex_household_2) \\(municipality_id=\\?";

    @Test
    void everyFilterAndOrderOfAnOfficerSearchesTheMunicipalityIndex() throws SQLException {
        List<String> queries = List.of("", "q=haile", "stage=ARRIVAL", "nationality=ER", "overdue=true",
                "overdue=false", "conflicts=true", "conflicts=false", "buddy=true", "buddy=false",
                "sort=name", "sort=arrival&dir=desc", "sort=stage", "sort=due", "sort=due&dir=desc",
                "q=a&stage=ARRIVAL&nationality=SY&overdue=true&conflicts=true&buddy=false&sort=due");
        for (String query : queries) {
            CaseloadSql sql = sql(OFFICER, query);
            for (CaseloadSql.Statement statement : List.of(sql.count(), sql.pageIds(50, 50))) {
                String plan = plan(statement);
                assertTrue(Pattern.compile(BY_MUNICIPALITY).matcher(plan).find(), query + ":\n" + plan);
                assertNoTableScan(query, plan);
            }
        }
    }

    @Test
    void theOverdueFilterAndTheNextDueDateSearchTheOpenTasksByDueDate() throws SQLException {
        String overdue = plan(sql(OFFICER, "overdue=true").count());
        String due = plan(sql(OFFICER, "sort=due").pageIds(0, 50));

        assertTrue(overdue.contains("USING COVERING INDEX task_household_status_due"
                + " (household_id=? AND status=? AND deleted=? AND due_date<?)"), overdue);
        assertTrue(due.contains("SEARCH t USING COVERING INDEX task_household_status_due"
                + " (household_id=? AND status=? AND deleted=?)"), due);
        assertEquals(1, due.split("CORRELATED SCALAR SUBQUERY").length - 1, "the next due date is computed once:\n" + due);
    }

    @Test
    void theReferenceOrderReadsTheReferenceIndexInOrderWithoutSorting() throws SQLException {
        String plan = plan(sql(OFFICER, "").pageIds(0, 50));

        assertTrue(plan.contains("SEARCH h USING INDEX sqlite_autoindex_household_2 (municipality_id=?)"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void aBuddysCaseloadLooksTheMatchesUpByBuddyAndTheHouseholdsByPrimaryKey() throws SQLException {
        for (String query : List.of("", "q=haile", "sort=due", "sort=stage&dir=desc")) {
            CaseloadSql sql = sql(BUDDY, query);
            for (CaseloadSql.Statement statement : List.of(sql.count(), sql.pageIds(0, 25))) {
                String plan = plan(statement);
                assertTrue(Pattern.compile("SEARCH h USING (COVERING )?INDEX sqlite_autoindex_household_1 \\(id=\\?\\)")
                        .matcher(plan).find(), plan);
                assertTrue(Pattern.compile("SEARCH scope_match USING INDEX buddy_match_(buddy|active|buddy_active) \\(buddy_user_id=\\?")
                        .matcher(plan).find(), plan);
                assertNoTableScan(query, plan);
            }
        }
    }

    @Test
    void thePagesDetailsAndTheNationalitiesUseIndexesOnly() throws SQLException {
        CaseloadSql sql = sql(OFFICER, "");
        String details = plan(sql.details(java.util.Collections.nCopies(100, "id")));
        String nationalities = plan(sql.nationalities());

        assertTrue(Pattern.compile("SEARCH h USING (COVERING )?INDEX sqlite_autoindex_household_1 \\(id=\\?\\)")
                .matcher(details).find(), details);
        for (String index : List.of("SEARCH t USING", "SEARCH c USING INDEX conflict_household (household_id=?)",
                "SEARCH b USING INDEX buddy_match_household (household_id=?)")) {
            assertTrue(details.contains(index), index + " in\n" + details);
        }
        assertNoTableScan("details", details);
        assertTrue(nationalities.contains("SEARCH h USING COVERING INDEX household_municipality_nationality"
                + " (municipality_id=? AND nationality>?)"), nationalities);
        assertNoTableScan("nationalities", nationalities);
    }

    @Test
    void aMemberNameSearchLooksMembersUpByHousehold() throws SQLException {
        String plan = plan(sql(OFFICER, "q=yonas").count());

        assertTrue(plan.contains("SEARCH m USING INDEX member_household (household_id=?)"), plan);
    }

    private static void assertNoTableScan(String query, String plan) {
        assertFalse(TABLE_SCAN.matcher(plan).find(), query + ":\n" + plan);
    }

    /** The statements for a query string such as {@code stage=ARRIVAL&sort=due}, read as the API reads it. */
    private static CaseloadSql sql(Caller caller, String query) {
        Map<String, List<String>> parameters = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], List.of(parts[1]));
            }
        }
        CaseloadFilter filter = CaseloadFilter.strict(parameters, caller.role());
        HouseholdScope scope = TestServer.get().context().getBean(HouseholdScope.class);
        return new CaseloadSql(scope.condition(caller, "h"), filter, caller.role() == Role.OFFICER, "2026-12-04");
    }

    /** {@code EXPLAIN QUERY PLAN} of a statement on the test server's migrated database, one step a line. */
    private static String plan(CaseloadSql.Statement statement) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = TestServer.get().database();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                explain.setObject(i + 1, statement.parameters().get(i));
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            }
        }
        return String.join("\n", steps);
    }
}
