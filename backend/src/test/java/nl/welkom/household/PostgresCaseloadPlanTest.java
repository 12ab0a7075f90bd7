package nl.welkom.household;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.welkom.TestServer;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The caseload costs what the officer's municipality holds on PostgreSQL too (docs/caseload.md,
 * docs/performance.md): with 100,000 households of other municipalities and their members in the
 * database, PostgreSQL's plan for each statement of the list reads the municipality's households
 * through an index and never reads the whole household, member or task table. A name search once read every
 * member of the country (a hashed subplan over all members): 23 ms grew to 219 ms with the database; the
 * overdue filter read every household to find the municipality's.
 * Runs in the PostgreSQL pass, on a server and database of its own.
 */
@EnabledIfSystemProperty(named = "welkom.test.database", matches = "postgres")
class PostgresCaseloadPlanTest {
    private static final int OTHER_HOUSEHOLDS = 100_000;
    /** The officer's own caseload: like the bench's, large enough that PostgreSQL weighs reading all members at once. */
    private static final int OWN = 1_000;
    private static TestServer server;
    private static String own;

    @BeforeAll
    static void fillTheCountry() throws Exception {
        Path dataDir = Files.createTempDirectory("welkom-caseload-plan");
        server = TestServer.startOwn(dataDir);
        try (Connection db = server.database(); Statement sql = db.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT id FROM municipality WHERE slug = 'testdorp'")) {
                assertTrue(row.next(), "the fixtures' Testdorp");
                own = row.getString(1);
            }
            sql.execute("INSERT INTO municipality (id, slug, name, created_at)"
                    + " SELECT 'plan-m-' || g, 'plan-m-' || g, 'Gemeente ' || g, 0 FROM generate_series(1, 50) g");
            // The first OWN households are the officer's own, the rest spread over 50 other municipalities.
            String municipality = "CASE WHEN g <= " + OWN + " THEN '" + own + "' ELSE 'plan-m-' || (g % 50 + 1) END";
            sql.execute("INSERT INTO household (id, municipality_id, reference, display_name, nationality, arrival_path,"
                    + " stage, languages, version, change_seq, created_at)"
                    + " SELECT 'plan-h-' || g, " + municipality + ", 'R-' || g, 'Familie ' || g, 'SY', 'RESETTLEMENT',"
                    + " 'ARRIVAL', 'ar', 1, 0, 0 FROM generate_series(1, " + (OWN + OTHER_HOUSEHOLDS) + ") g");
            sql.execute("INSERT INTO member (id, household_id, display_name, languages, sort_order)"
                    + " SELECT 'plan-p-' || g || '-' || k, 'plan-h-' || g, 'Tesfay ' || g || ' ' || k, 'ar', k"
                    + " FROM generate_series(1, " + (OWN + OTHER_HOUSEHOLDS) + ") g, generate_series(1, 3) k");
            sql.execute("INSERT INTO task (id, household_id, stage, assignee, due_date, status, version, status_version,"
                    + " change_seq, sort_order, created_at)"
                    + " SELECT 'plan-t-' || g || '-' || k, 'plan-h-' || g, 'ARRIVAL', 'NEWCOMER', '2026-1' || k || '-01',"
                    + " 'OPEN', 1, 1, 0, k, 0 FROM generate_series(1, " + (OWN + OTHER_HOUSEHOLDS) + ") g,"
                    + " generate_series(0, 2) k");
            sql.execute("ANALYZE");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void aNameSearchReadsTheMembersOfTheMunicipalitysHouseholdsNotEveryMember() throws SQLException {
        for (String query : List.of("q=tesfay", "q=a&stage=ARRIVAL&sort=due", "q=haile&sort=name", "q=r-1&overdue=true")) {
            CaseloadSql sql = sql(query);
            for (CaseloadSql.Statement statement : List.of(sql.count(), sql.pageIds(0, 50))) {
                String plan = plan(statement);
                assertFalse(plan.contains("Seq Scan on member"), query + ":\n" + plan);
                assertTrue(plan.contains("Index Cond: (household_id = h.id)"), "members looked up by household:\n" + plan);
                assertFalse(plan.contains("Seq Scan on household"), query + ":\n" + plan);
                assertTrue(Pattern.compile("Index Cond: \\(+municipality_id = ").matcher(plan).find(), query + ":\n" + plan);
            }
        }
    }

    @Test
    void theOverdueConflictAndFriendFiltersStartFromTheMunicipalitysHouseholds() throws SQLException {
        for (String query : List.of("overdue=true", "overdue=false", "conflicts=true", "conflicts=false", "buddy=true",
                "buddy=false", "nationality=SY&overdue=true&sort=arrival&dir=desc")) {
            CaseloadSql sql = sql(query);
            for (CaseloadSql.Statement statement : List.of(sql.count(), sql.pageIds(0, 50))) {
                String plan = plan(statement);
                // The tables this test fills; conflicts and matches stay few here, and PostgreSQL rightly reads a small table whole.
                for (String table : List.of("household", "task")) {
                    assertFalse(plan.contains("Seq Scan on " + table + " "), query + ":\n" + plan);
                }
                assertTrue(Pattern.compile("Index Cond: \\(+municipality_id = ").matcher(plan).find(), query + ":\n" + plan);
            }
        }
    }

    private static CaseloadSql sql(String query) {
        Map<String, List<String>> parameters = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], List.of(parts[1]));
            }
        }
        Caller officer = new Caller(Role.OFFICER, "u", null, own, null);
        CaseloadFilter filter = CaseloadFilter.strict(parameters, Role.OFFICER);
        HouseholdScope scope = server.context().getBean(HouseholdScope.class);
        return new CaseloadSql(scope.condition(officer, "h"), filter, true, "2026-12-04");
    }

    /** PostgreSQL's {@code EXPLAIN} of a statement, one plan line a line. */
    private static String plan(CaseloadSql.Statement statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = server.database();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                explain.setObject(i + 1, statement.parameters().get(i));
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }
}
