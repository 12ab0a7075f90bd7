package nl.welkom.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.SecretHasher;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A token that has ended — signed out, replaced by a new password, reset, expired — is refused on the
 * API (401 problem) and on the dashboard (back to sign-in). Deactivation and a revoked phone are
 * covered by AdminApiTest, AdminPagesTest and DeviceApiTest; the API's own sign-out and staff-token
 * expiry by AuthApiTest.
 */
class TokenLifecycleApiTest {
    private static final TestServer SERVER = TestServer.get();
    private static final Api API = new Api(SERVER);
    private static final String PASSWORD = "een lange zin als wachtwoord";
    private static String admin;
    private static String municipalityId;

    @BeforeAll
    static void signIn() {
        admin = API.login(Fixtures.ADMIN);
        String slug = "abuse-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response municipality = API.post("/api/admin/municipalities", admin, Map.of("slug", slug, "name", "Gemeente " + slug));
        assertEquals(201, municipality.status(), municipality.body());
        municipalityId = (String) municipality.as(Map.class).get("id");
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionOfTheAccountOnTheApiAndTheDashboard() {
        Account account = newOfficer();
        Session first = setPassword(account.code(), PASSWORD).as(Session.class);
        String second = API.post("/api/auth/login", null, Map.of("username", account.username(), "password", PASSWORD))
                .as(Session.class).token();
        String newCode = reset(account.id());
        // A state the API cannot produce (the reset ended them): two sessions still alive when the new password is chosen.
        SERVER.update("UPDATE auth_token SET revoked_at = NULL WHERE user_id = ?", account.id());
        assertEquals(200, API.get("/api/me", second).status());

        Session third = setPassword(newCode, "nog een andere lange zin").as(Session.class);

        for (String ended : List.of(first.token(), second)) {
            API.get("/api/me", ended).problem(401);
            assertSignInPage(dashboard(ended));
        }
        assertEquals(200, API.get("/api/me", third.token()).status(), "the session of the new password works");
        assertEquals(200, dashboard(third.token()).status());
    }

    @Test
    void aResetEndsTheDashboardSessionAsWellAsTheApiOne() {
        Account account = newOfficer();
        String token = setPassword(account.code(), PASSWORD).as(Session.class).token();
        assertEquals(200, dashboard(token).status());

        reset(account.id());

        assertSignInPage(dashboard(token));
        API.get("/api/me", null, "Cookie", "WELKOM_SESSION=" + token).problem(401);
        API.get("/api/me", token).problem(401);
    }

    @Test
    void anExpiredSessionSendsTheDashboardToSignInAndTheApiAnswers401() {
        String token = API.login(Fixtures.OTHER_OFFICER);
        assertEquals(200, dashboard(token).status());

        expire(token);

        assertSignInPage(dashboard(token));
        API.get("/api/me", null, "Cookie", "WELKOM_SESSION=" + token).problem(401);
        API.get("/api/households", token).problem(401);
    }

    @Test
    void anExpiredPhoneTokenIsRefused() {
        Session phone = Fixtures.device(API, "T-DEVICE");
        assertEquals(200, API.get("/api/me", phone.token()).status());

        expire(phone.token());

        API.get("/api/me", phone.token()).problem(401);
        API.get("/api/sync/pull", phone.token()).problem(401);
    }

    @Test
    void signingOutOfTheDashboardEndsTheTokenOnTheApiAndSigningOutOfTheApiEndsTheDashboard() {
        String dashboardToken = API.login(Fixtures.OFFICER);
        String appToken = API.login(Fixtures.OFFICER);

        Api.Response signedOut = API.send("POST", "/logout", null, "", "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", "WELKOM_SESSION=" + dashboardToken);
        Api.Response appSignedOut = API.post("/api/auth/logout", appToken, "");

        assertEquals(303, signedOut.status());
        assertEquals(204, appSignedOut.status());
        API.get("/api/me", dashboardToken).problem(401);
        assertSignInPage(dashboard(appToken));
    }

    @Test
    void thePasswordPageRefusesACommonPasswordAndKeepsTheCodeUsable() {
        Account account = newOfficer();

        Api.Response common = API.send("POST", "/password/set", null,
                AbuseClients.form(Map.of("code", account.code(), "password", "password1234", "repeat", "password1234")),
                "Content-Type", "application/x-www-form-urlencoded");
        Api.Response good = API.send("POST", "/password/set", null,
                AbuseClients.form(Map.of("code", account.code(), "password", PASSWORD, "repeat", PASSWORD)),
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(400, common.status(), common.body());
        assertTrue(common.body().contains("aria-invalid=\"true\""), "the error stands by the field");
        assertFalse(common.body().contains("password1234"), "the refused password is not shown again");
        assertEquals(303, good.status(), good.body());
    }

    private record Account(String id, String username, String code) {
    }

    @SuppressWarnings("unchecked")
    private static Account newOfficer() {
        String username = "abuse-" + UUID.randomUUID().toString().substring(0, 8) + "@staff.test";
        Api.Response created = API.post("/api/admin/users", admin, Map.of("username", username, "displayName",
                "Test Officer", "role", "OFFICER", "languages", List.of("nl"), "municipalityId", municipalityId));
        assertEquals(201, created.status(), created.body());
        Map<String, Object> body = created.as(Map.class);
        Map<String, Object> account = (Map<String, Object>) body.get("account");
        Map<String, Object> code = (Map<String, Object>) body.get("signInCode");
        return new Account((String) account.get("id"), username, (String) code.get("code"));
    }

    @SuppressWarnings("unchecked")
    private static String reset(String accountId) {
        Api.Response reset = API.post("/api/admin/users/" + accountId + "/reset", admin, "");
        assertEquals(200, reset.status(), reset.body());
        return (String) ((Map<String, Object>) reset.as(Map.class).get("signInCode")).get("code");
    }

    private static Api.Response setPassword(String code, String password) {
        Api.Response response = API.post("/api/password/set", null, Map.of("code", code, "password", password));
        assertEquals(200, response.status(), response.body());
        return response;
    }

    private static Api.Response dashboard(String token) {
        return API.get("/dashboard", null, "Cookie", "WELKOM_SESSION=" + token);
    }

    private static void assertSignInPage(Api.Response response) {
        assertEquals(303, response.status(), response.body());
        assertEquals("/login", response.header("Location"));
    }

    private static void expire(String token) {
        String hash = SERVER.context().getBean(SecretHasher.class).hash(token);
        assertEquals(1, SERVER.update("UPDATE auth_token SET expires_at = ? WHERE token_hash = ?",
                System.currentTimeMillis() - 1, hash));
    }
}
