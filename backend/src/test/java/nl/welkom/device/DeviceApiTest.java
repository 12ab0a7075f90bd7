package nl.welkom.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.PushRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing and revoking a household's phones, on household T-DEVICE. */
class DeviceApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String household;

    @BeforeAll
    static void login() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-DEVICE");
    }

    @Test
    void anOfficerListsTheHouseholdsPhones() {
        Session phone = Fixtures.device(API, "T-DEVICE");

        List<DeviceInfo> devices = API.get("/api/households/" + household + "/devices", officer)
                .asListOf(DeviceInfo.class);

        DeviceInfo listed = devices.stream().filter(device -> device.id().equals(phone.deviceId())).findFirst()
                .orElseThrow();
        assertEquals("Test phone", listed.name());
        assertEquals(household, listed.householdId());
        assertNotNull(listed.createdAt());
        assertNull(listed.revokedAt());
    }

    @Test
    void aRevokedPhoneGets401DeviceRevokedAndOtherPhonesKeepWorking() {
        Session lost = Fixtures.device(API, "T-DEVICE");
        Session kept = Fixtures.device(API, "T-DEVICE");
        assertEquals(200, API.get("/api/sync/pull", lost.token()).status());

        Api.Response response = API.post("/api/devices/" + lost.deviceId() + "/revoke", officer, "");

        assertEquals(200, response.status(), response.body());
        DeviceInfo revoked = response.as(DeviceInfo.class);
        assertNotNull(revoked.revokedAt());
        for (Api.Response refused : List.of(API.get("/api/sync/pull", lost.token()),
                API.post("/api/sync/push", lost.token(), new PushRequest(List.of())),
                API.get("/api/me", lost.token()),
                API.get("/api/households/" + household, lost.token()))) {
            Problem problem = refused.problem(401);
            assertTrue(problem.type().endsWith("/device-revoked"), problem.type());
        }
        Problem plain = API.get("/api/sync/pull", "not-a-token").problem(401);
        assertTrue(plain.type().endsWith("/unauthorized"), plain.type());
        assertEquals(200, API.get("/api/sync/pull", kept.token()).status());
        assertEquals(0, TestServer.get().queryLong(
                "SELECT count(*) FROM auth_token WHERE device_id = ? AND revoked_at IS NULL", lost.deviceId()));
    }

    @Test
    void revokingTwiceChangesNothingTheSecondTime() {
        Session lost = Fixtures.device(API, "T-DEVICE");
        DeviceInfo first = API.post("/api/devices/" + lost.deviceId() + "/revoke", officer, "").as(DeviceInfo.class);
        long revocations = revocationsAudited();

        Api.Response second = API.post("/api/devices/" + lost.deviceId() + "/revoke", officer, "");

        assertEquals(200, second.status(), second.body());
        assertEquals(first, second.as(DeviceInfo.class));
        assertEquals(revocations, revocationsAudited());
    }

    @Test
    void otherMunicipalitiesGet404AndOtherRolesGet403() {
        Session phone = Fixtures.device(API, "T-DEVICE");
        String other = API.login(Fixtures.OTHER_OFFICER);
        String buddy = API.login(Fixtures.BUDDY);
        String list = "/api/households/" + household + "/devices";
        String revoke = "/api/devices/" + phone.deviceId() + "/revoke";

        API.get(list, other).problem(404);
        API.post(revoke, other, "").problem(404);
        API.post("/api/devices/no-such-device/revoke", officer, "").problem(404);
        API.get(list, buddy).problem(403);
        API.post(revoke, buddy, "").problem(403);
        API.get(list, phone.token()).problem(403);
        API.post(revoke, phone.token(), "").problem(403);
        API.get(list, null).problem(401);
        assertEquals(200, API.get("/api/sync/pull", phone.token()).status(), "still active");
    }

    private static long revocationsAudited() {
        return TestServer.get().queryLong(
                "SELECT count(*) FROM audit_event WHERE action = 'device.revoke' AND household_id = ?", household);
    }
}
