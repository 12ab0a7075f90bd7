package nl.welkom.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.SecretHasher;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The codes that can still activate a phone ({@code GET /api/households/{id}/activation-codes}) and
 * withdrawing one ({@code POST /api/activation-codes/{id}/withdraw}), on household T-WITHDRAW.
 */
class ActivationWithdrawApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String household;

    @BeforeAll
    static void actors() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-WITHDRAW");
    }

    @Test
    void theListHoldsOnlyCodesThatStillWorkAndNeverTheCodesThemselves() {
        ActivationCode waiting = Fixtures.newCode(API, officer, household);
        ActivationCode used = Fixtures.newCode(API, officer, household);
        ActivationCode expired = Fixtures.newCode(API, officer, household);
        API.post("/api/activation", null, new ActivationRequest(used.code(), "Used phone"));
        TestServer.get().update("UPDATE activation_code SET expires_at = 1 WHERE id = ?", idOf(expired));

        Api.Response response = API.get("/api/households/" + household + "/activation-codes", officer);

        assertEquals(200, response.status(), response.body());
        List<OutstandingCode> codes = response.asListOf(OutstandingCode.class);
        assertTrue(codes.stream().anyMatch(code -> code.id().equals(idOf(waiting))));
        assertTrue(codes.stream().noneMatch(code -> code.id().equals(idOf(used)) || code.id().equals(idOf(expired))));
        assertTrue(codes.stream().allMatch(code -> "Officer Testdorp".equals(code.createdBy())
                && code.householdId().equals(household)));
        for (ActivationCode code : List.of(waiting, used, expired)) {
            assertFalse(response.body().contains(code.code()), "a code is never shown again");
            assertFalse(response.body().contains(code.code().replace("-", "")));
        }
    }

    @Test
    void aWithdrawnCodeCannotActivateAPhone() {
        ActivationCode code = Fixtures.newCode(API, officer, household);
        long devices = TestServer.get().queryLong("SELECT COUNT(*) FROM device WHERE household_id = ?", household);
        long audited = TestServer.get().queryLong(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'activation-code.withdraw' AND household_id = ?", household);

        Api.Response withdrawn = API.post("/api/activation-codes/" + idOf(code) + "/withdraw", officer, "");
        Api.Response again = API.post("/api/activation-codes/" + idOf(code) + "/withdraw", officer, "");

        assertEquals(204, withdrawn.status(), withdrawn.body());
        assertEquals(204, again.status(), "withdrawing twice is harmless");
        assertEquals("https://welkom.example/problems/activation-code-invalid",
                API.post("/api/activation/check", null, Map.of("code", code.code())).problem(400).type());
        assertEquals("https://welkom.example/problems/activation-code-invalid",
                API.post("/api/activation", null, new ActivationRequest(code.code(), "Found printout")).problem(400).type());
        assertEquals(devices, TestServer.get().queryLong("SELECT COUNT(*) FROM device WHERE household_id = ?", household));
        assertTrue(API.get("/api/households/" + household + "/activation-codes", officer).asListOf(OutstandingCode.class)
                .stream().noneMatch(outstanding -> outstanding.id().equals(idOf(code))));
        assertEquals(audited + 1, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'activation-code.withdraw' AND household_id = ?", household));
    }

    @Test
    void aCodeAPhoneUsedCannotBeWithdrawnTheOfficerRevokesThePhoneInstead() {
        ActivationCode code = Fixtures.newCode(API, officer, household);
        Session phone = API.post("/api/activation", null, new ActivationRequest(code.code(), "Kept phone")).as(Session.class);

        Api.Response response = API.post("/api/activation-codes/" + idOf(code) + "/withdraw", officer, "");

        assertEquals("https://welkom.example/problems/activation-code-used", response.problem(409).type());
        assertEquals(200, API.get("/api/households/" + household, phone.token()).status(), "the phone keeps working");
    }

    @Test
    void onlyTheOfficersOfTheHouseholdsMunicipalityListAndWithdrawCodes() {
        ActivationCode code = Fixtures.newCode(API, officer, household);
        String list = "/api/households/" + household + "/activation-codes";
        String withdraw = "/api/activation-codes/" + idOf(code) + "/withdraw";
        Session phone = Fixtures.device(API, "T-WITHDRAW");
        String other = API.login(Fixtures.OTHER_OFFICER);

        API.get(list, other).problem(404);
        API.post(withdraw, other, "").problem(404);
        API.post("/api/activation-codes/no-such-code/withdraw", officer, "").problem(404);
        for (String forbidden : new String[] {API.login(Fixtures.BUDDY), phone.token(), API.login(Fixtures.EDITOR),
                API.login(Fixtures.ADMIN)}) {
            API.get(list, forbidden).problem(403);
            API.post(withdraw, forbidden, "").problem(403);
        }
        API.get(list, null).problem(401);
        API.post(withdraw, null, "").problem(401);

        assertEquals(204, API.send("POST", "/api/activation/check", null, API.json(Map.of("code", code.code())),
                "Content-Type", "application/json").status(), "the code still works");
    }

    /** The stored id of a code, found by its keyed hash (as the server finds it). */
    private static String idOf(ActivationCode code) {
        return TestServer.get().context().getBean(ActivationCodeRepository.class)
                .findByCodeHash(TestServer.get().context().getBean(SecretHasher.class)
                        .hash(code.code().replace("-", "")))
                .orElseThrow()
                .id();
    }
}
