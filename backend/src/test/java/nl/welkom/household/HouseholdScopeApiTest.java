package nl.welkom.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HouseholdScopeApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String scopeHousehold;
    private static String otherMunicipalityHousehold;

    @BeforeAll
    static void ids() {
        officer = API.login(Fixtures.OFFICER);
        scopeHousehold = Fixtures.householdId(API, officer, "T-SCOPE");
        otherMunicipalityHousehold = Fixtures.householdId(API, API.login(Fixtures.OTHER_OFFICER), "A-OTHER");
    }

    @Test
    void anOfficerSeesEveryHouseholdOfTheOwnMunicipalityAndNoOther() {
        List<Household> households = API.get("/api/households", officer).asListOf(Household.class);

        Set<String> references = households.stream().map(Household::reference).collect(Collectors.toSet());
        assertTrue(references.containsAll(Set.of("T-SCOPE", "T-UNMATCHED", "T-PUSH", "T-PAGE")), references.toString());
        assertTrue(!references.contains("A-OTHER"));
        Household scope = households.stream().filter(h -> h.reference().equals("T-SCOPE")).findFirst().orElseThrow();
        assertEquals(List.of("Member One", "Member Two"),
                scope.members().stream().map(m -> m.displayName()).toList());
        assertEquals(List.of("ar", "en"), scope.languages());
    }

    @Test
    void anOfficerOfAnotherMunicipalityGets404ForHouseholdAndTasks() {
        API.get("/api/households/" + otherMunicipalityHousehold, officer).problem(404);
        API.get("/api/households/" + otherMunicipalityHousehold + "/tasks", officer).problem(404);
        API.get("/api/households/does-not-exist", officer).problem(404);
    }

    @Test
    void aBuddySeesOnlyMatchedHouseholdsWithMinimalFields() {
        String buddy = API.login(Fixtures.BUDDY);

        List<Household> households = API.get("/api/households", buddy).asListOf(Household.class);

        assertEquals(List.of(scopeHousehold), households.stream().map(Household::id).toList());
        Household seen = households.get(0);
        assertEquals("Family Scope", seen.displayName());
        assertEquals(List.of("ar", "en"), seen.languages());
        assertNull(seen.reference());
        assertNull(seen.nationality());
        assertNull(seen.campOfOrigin());
        assertNull(seen.arrivalPath());
        assertEquals(List.of("Member One", "Member Two"), seen.members().stream().map(m -> m.displayName()).toList());
        assertTrue(seen.members().stream().allMatch(member -> member.birthYear() == null));
        assertEquals(seen, API.get("/api/households/" + scopeHousehold, buddy).as(Household.class));
        assertEquals(200, API.get("/api/households/" + scopeHousehold + "/tasks", buddy).status());
        String unmatched = Fixtures.householdId(API, officer, "T-UNMATCHED");
        API.get("/api/households/" + unmatched, buddy).problem(404);
    }

    @Test
    void aDeviceSeesOnlyItsOwnHousehold() {
        Session device = Fixtures.device(API, "T-UNMATCHED");

        List<Household> households = API.get("/api/households", device.token()).asListOf(Household.class);

        assertEquals(List.of(device.householdId()), households.stream().map(Household::id).toList());
        API.get("/api/households/" + scopeHousehold, device.token()).problem(404);
    }

    @Test
    void editorsAndAdminsMayNotReadHouseholds() {
        API.get("/api/households", API.login(Fixtures.EDITOR)).problem(403);
        API.get("/api/households/" + scopeHousehold, API.login(Fixtures.ADMIN)).problem(403);
    }

    @Test
    void anonymousCallersGet401() {
        API.get("/api/households", null).problem(401);
        API.get("/api/households/" + scopeHousehold + "/tasks", null).problem(401);
    }

    @Test
    void tasksComeOrderedByStageThenDueDateWithTitlesPerLanguage() {
        List<Task> tasks = API.get("/api/households/" + scopeHousehold + "/tasks", officer).asListOf(Task.class);

        assertEquals(2, tasks.size());
        assertEquals("Ophalen van Schiphol", tasks.get(0).titles().get("nl"));
        assertEquals("Register with a GP", tasks.get(1).titles().get("en"));
        assertEquals(1, tasks.get(0).version());
    }

    @Test
    void readingAHouseholdOrItsTasksWritesAnAuditEventWithoutNames() {
        String buddy = API.login(Fixtures.BUDDY);
        long before = auditEvents("household.read");
        long tasksBefore = auditEvents("household.tasks.read");

        API.get("/api/households/" + scopeHousehold, buddy);
        API.get("/api/households/" + scopeHousehold + "/tasks", buddy);

        assertEquals(before + 1, auditEvents("household.read"));
        assertEquals(tasksBefore + 1, auditEvents("household.tasks.read"));
        assertEquals(0, TestServer.get().queryLong(
                "SELECT count(*) FROM audit_event WHERE actor_user_id IS NULL AND actor_device_id IS NULL"
                        + " AND role IS NOT NULL"), "every event of a signed-in caller names it (refusals of anonymous"
                        + " attempts, docs/abuse.md, have no actor)");
    }

    private static long auditEvents(String action) {
        return TestServer.get().queryLong(
                "SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ? AND role = 'BUDDY'",
                action, scopeHousehold);
    }
}
