package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import nl.welkom.TestServer;

/**
 * Export and erasure find the household's tables in the schema at run time. This test is the
 * tripwire for a table that holds household data without a way back to the household: every table
 * must either reach a household (a {@code household_id} column or a foreign key to a table that
 * does) or be named below as holding no household data. A new table fails here until it is one or
 * the other.
 */
class HouseholdTablesTest {
    /** Tables that hold no data about a household, each for a reason. */
    static final Set<String> NOT_HOUSEHOLD_DATA = Set.of(
            "municipality", "app_user", "password_code", // staff and volunteer accounts (docs/admin.md)
            "volunteer", "volunteer_language", "volunteer_event", // the volunteers themselves (docs/volunteers.md)
            "calendar_feed", // a staff member's calendar token (HMAC)
            "change_sequence", "job_lease", "throttle", "cache_generation", // counters, leases, throttling, cache generations
            "language", "topic", "topic_translation", "lesson", "lesson_translation", "section", "section_translation",
            "lesson_revision", "lesson_revision_section", "failed_search", // content; failed searches without who
            "task_template", "task_template_title", "task_template_seed", // a municipality's templates
            "place", "place_text", // local information
            "quota_period", // the housing quota in persons per half-year
            "announcement", "announcement_translation"); // a municipality's announcements to all

    /** Tables that the product's features write about a household: each must be found. */
    static final Set<String> KNOWN_HOUSEHOLD_TABLES = Set.of("household", "member", "special_need", "task", "task_title",
            "task_field_author", "conflict", "course_answer", "course_lesson_done", "course_completion",
            "message", "appointment", "device", "activation_code", "auth_token", "applied_mutation", "lesson_feedback",
            "buddy_match", "household_buddy_preference", "meeting", "integration_obligation", "integration_intake",
            "integration_plan", "integration_plan_component", "integration_plan_extension", "integration_plan_change",
            "integration_meeting", "housing_offer", "quota_link", "household_move", "scope_change", "audit_event");

    @Test
    void everyTableEitherReachesAHouseholdOrIsDeclaredToHoldNoHouseholdData() throws SQLException {
        HouseholdTables tables;
        try (Connection connection = TestServer.get().database()) {
            tables = HouseholdTables.read(connection);
        }
        Set<String> reached = new TreeSet<>();
        tables.reached().forEach(table -> reached.add(table.name()));
        List<String> undecided = new ArrayList<>(tables.unreached());
        undecided.removeAll(NOT_HOUSEHOLD_DATA);

        System.out.println("HouseholdTablesTest: " + reached.size() + " household tables exported and erased, "
                + tables.unreached().size() + " without household data");
        assertEquals(List.of(), undecided, "Tables that neither reach a household nor are declared free of household"
                + " data: give them a household_id (or a foreign key to a household table), or add them to"
                + " NOT_HOUSEHOLD_DATA with the reason");
        assertTrue(reached.containsAll(KNOWN_HOUSEHOLD_TABLES), "missing: " + missing(reached));
        assertTrue(NOT_HOUSEHOLD_DATA.stream().noneMatch(reached::contains), "declared free but reaches a household");
        assertTrue(reached.containsAll(HouseholdErasure.KEPT));
    }

    @Test
    void childrenComeBeforeTheTablesTheyReferToSoThatDeletingInOrderNeverBreaksAForeignKey() throws SQLException {
        HouseholdTables tables;
        try (Connection connection = TestServer.get().database()) {
            tables = HouseholdTables.read(connection);
        }
        List<String> order = tables.reached().stream().map(HouseholdTables.Table::name).toList();

        assertTrue(order.indexOf("task_title") < order.indexOf("task"), order.toString());
        assertTrue(order.indexOf("integration_plan_change") < order.indexOf("integration_plan"), order.toString());
        assertTrue(order.indexOf("course_answer") < order.indexOf("member"), order.toString());
        assertTrue(order.indexOf("auth_token") < order.indexOf("device"), order.toString());
        assertEquals("household", order.get(order.size() - 1));
        assertEquals("device", tables.table("auth_token").via());
    }

    private static Set<String> missing(Set<String> reached) {
        Set<String> missing = new TreeSet<>(KNOWN_HOUSEHOLD_TABLES);
        missing.removeAll(reached);
        return missing;
    }
}
