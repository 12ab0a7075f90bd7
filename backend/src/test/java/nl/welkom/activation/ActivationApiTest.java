package nl.welkom.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivationApiTest {
    private final Api api = new Api();
    private String officer;
    private String householdId;

    @BeforeEach
    void officerAndHousehold() {
        officer = api.login(Fixtures.OFFICER);
        householdId = Fixtures.householdId(api, officer, "T-ACTIVATION");
    }

    @Test
    void anOfficerGetsAGroupedSingleUseCodeValidForFourteenDays() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);

        assertTrue(code.code().matches("([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}"), code.code());
        assertEquals(householdId, code.householdId());
        Duration validity = Duration.between(Instant.now(), Instant.parse(code.expiresAt()));
        assertTrue(validity.compareTo(Duration.ofDays(13)) > 0 && validity.compareTo(Duration.ofDays(14)) <= 0);
        assertEquals(0, TestServer.get().queryLong(
                "SELECT count(*) FROM activation_code WHERE code_hash = ?", code.code().replace("-", "")));
    }

    @Test
    void redeemingACodeOpensANewcomerSessionForTheHousehold() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);

        Api.Response response = api.post("/api/activation", null, new ActivationRequest(code.code(), "Amina's phone"));

        assertEquals(200, response.status(), response.body());
        Session session = response.as(Session.class);
        assertEquals(Role.NEWCOMER, session.role());
        assertEquals(householdId, session.householdId());
        assertNotNull(session.deviceId());
        assertNotNull(session.token());
        Duration lifetime = Duration.between(Instant.now(), Instant.parse(session.expiresAt()));
        assertTrue(lifetime.compareTo(Duration.ofDays(179)) > 0);
        Household own = api.get("/api/households/" + householdId, session.token()).as(Household.class);
        assertEquals(householdId, own.id());
        assertNull(own.reference(), "the phone carries the minimal fields: no case reference");
    }

    @Test
    void aCodeIsCheckedBeforeThePhoneAsksForItsNameAndTheCheckSpendsNothing() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);
        String typed = code.code().toLowerCase(Locale.ROOT).replace("-", " ");

        assertEquals(204, api.post("/api/activation/check", null, java.util.Map.of("code", typed)).status());
        assertEquals(204, api.post("/api/activation/check", null, java.util.Map.of("code", code.code())).status(),
                "checking twice is fine: nothing was spent");
        Problem wrong = api.post("/api/activation/check", null, java.util.Map.of("code", "2222-3333-4444-5555-6666"))
                .problem(400);
        Problem redeemWrong = api.post("/api/activation", null, new ActivationRequest("2222-3333-4444-5555-6666", "x"))
                .problem(400);
        assertEquals(redeemWrong, wrong, "the same answer as redeeming: unknown, used and expired look alike");
        api.post("/api/activation/check", null, "{not json").problem(400);
        assertEquals(200, api.post("/api/activation", null, new ActivationRequest(code.code(), "phone")).status());
        api.post("/api/activation/check", null, java.util.Map.of("code", code.code())).problem(400);
    }

    @Test
    void codesAreReadWithoutRegardToCaseDashesOrSpaces() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);
        String typed = code.code().replace("-", " ").toLowerCase(Locale.ROOT);

        Api.Response response = api.post("/api/activation", null, new ActivationRequest(typed, "phone"));

        assertEquals(200, response.status(), response.body());
    }

    @Test
    void aCodeIsSpentByItsFirstUse() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);
        assertEquals(200, api.post("/api/activation", null, new ActivationRequest(code.code(), "first")).status());

        Problem reuse = api.post("/api/activation", null, new ActivationRequest(code.code(), "second")).problem(400);

        assertTrue(reuse.type().endsWith("/activation-code-invalid"));
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM device WHERE name = 'second' OR name = 'first'"));
    }

    @Test
    void expiredUsedAndUnknownCodesGetTheSameAnswer() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);
        TestServer.get().update("UPDATE activation_code SET expires_at = ? WHERE household_id = ? AND used_at IS NULL",
                System.currentTimeMillis() - 1000, householdId);

        Problem expired = api.post("/api/activation", null, new ActivationRequest(code.code(), "late")).problem(400);
        Problem unknown = api.post("/api/activation", null,
                new ActivationRequest("2222-3333-4444-5555-6666", "guess")).problem(400);
        Problem malformed = api.post("/api/activation", null, new ActivationRequest("O0O0-1111", "typo")).problem(400);

        assertEquals(expired, unknown);
        assertEquals(expired, malformed);
    }

    @Test
    void aRevokedDeviceIsRefused() {
        Session device = api.post("/api/activation", null,
                new ActivationRequest(Fixtures.newCode(api, officer, householdId).code(), "lost phone")).as(Session.class);
        assertEquals(200, api.get("/api/me", device.token()).status());

        TestServer.get().update("UPDATE device SET revoked_at = ? WHERE id = ?", System.currentTimeMillis(),
                device.deviceId());

        api.get("/api/me", device.token()).problem(401);
    }

    @Test
    void onlyAnOfficerOfTheHouseholdsMunicipalityCreatesCodes() {
        api.post("/api/households/" + householdId + "/activation-codes", api.login(Fixtures.BUDDY), "").problem(403);
        api.post("/api/households/" + householdId + "/activation-codes", api.login(Fixtures.OTHER_OFFICER), "")
                .problem(404);
        api.post("/api/households/" + householdId + "/activation-codes", null, "").problem(401);
    }

    @Test
    void aDeviceNameIsRequired() {
        ActivationCode code = Fixtures.newCode(api, officer, householdId);

        api.post("/api/activation", null, new ActivationRequest(code.code(), " ")).problem(400);

        Session later = api.post("/api/activation", null, new ActivationRequest(code.code(), "named")).as(Session.class);
        assertNotNull(later.token(), "a refused request does not spend the code");
    }
}
