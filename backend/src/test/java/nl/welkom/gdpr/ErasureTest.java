package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.household.Household;
import nl.welkom.model.Problem;
import nl.welkom.model.sync.PullResponse;

class ErasureTest {
    private static final Api API = new Api();

    @Test
    void anErasedHouseholdLeavesNoCanaryInAnyTableAndItsPhonesAndFamilyFriendDropIt() {
        CanaryHousehold household = new CanaryHousehold().seed(API);
        String officer = API.login(Fixtures.OFFICER);
        String buddy = API.login(Fixtures.BUDDY);
        PullResponse before = API.get("/api/sync/pull?after=0&limit=1000", buddy).as(PullResponse.class);
        assertTrue(before.households().stream().anyMatch(h -> h.id().equals(household.id)));
        long auditedBefore = TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE household_id = ?",
                household.id);
        assertTrue(household.hits().hits().size() > household.canaries.size(), "the canaries are stored first");

        Map<?, ?> erased = API.post("/api/households/" + household.id + "/erase", officer,
                Map.of("confirmReference", household.reference)).as(Map.class);

        CanaryHousehold.Scan scan = household.hits();
        System.out.println("ErasureTest: " + scan.tables() + " tables scanned (" + scan.columns() + " columns, "
                + scan.rows() + " rows), " + scan.hits().size() + " canary hits");
        assertEquals(List.of(), scan.hits());
        assertEquals(1, ((Number) erased.get("devicesRevoked")).intValue());
        assertEquals(1, ((Number) erased.get("matchesEnded")).intValue());
        // The audit trail stays, under a pseudonym that is not the id.
        String pseudonym = (String) erased.get("pseudonym");
        assertFalse(pseudonym.contains(household.id));
        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE household_id = ?",
                household.id));
        assertEquals(auditedBefore + 1, TestServer.get().queryLong(
                "SELECT count(*) FROM audit_event WHERE household_id = ?", pseudonym));
        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE actor_device_id = ?",
                household.phone.deviceId()));
        // Nobody sees it any more.
        API.get("/api/households/" + household.id, officer).problem(404);
        assertTrue(API.get("/api/households", officer).asListOf(Household.class).stream()
                .noneMatch(h -> h.id().equals(household.id)));
        API.post("/api/households/" + household.id + "/erase", officer,
                Map.of("confirmReference", household.id)).problem(404);
        // The family friend's phone drops it at its next pull; the family's phone is told to wipe.
        PullResponse after = API.get("/api/sync/pull?after=" + before.cursor() + "&limit=1000", buddy)
                .as(PullResponse.class);
        assertTrue(after.removedHouseholdIds().contains(household.id), after.removedHouseholdIds().toString());
        Problem revoked = API.get("/api/sync/pull?after=0", household.phone.token()).problem(401);
        assertTrue(revoked.type().endsWith("/device-revoked"), revoked.type());
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM scope_change WHERE subject_device_id = ?"
                + " AND household_id = ? AND entered = FALSE", household.phone.deviceId(), household.id));
    }

    @Test
    void aWrongOrMissingConfirmationErasesNothing() {
        CanaryHousehold household = new CanaryHousehold().seed(API);
        String officer = API.login(Fixtures.OFFICER);
        int stored = household.hits().hits().size();

        Problem wrong = API.post("/api/households/" + household.id + "/erase", officer,
                Map.of("confirmReference", household.reference + "X")).problem(400);
        API.post("/api/households/" + household.id + "/erase", officer, Map.of()).problem(400);
        API.post("/api/households/" + household.id + "/erase", officer, "{not json").problem(400);

        assertTrue(wrong.detail().contains("confirmReference"), wrong.detail());
        assertEquals(stored, household.hits().hits().size());
        assertEquals(200, API.get("/api/households/" + household.id, officer).status());
        assertEquals(200, API.get("/api/sync/pull?after=0", household.phone.token()).status());
    }
}
