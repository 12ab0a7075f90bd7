package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.Test;

class AuthApiTest {
    private final Api api = new Api();

    @Test
    void loginReturnsASessionWithAnOpaqueTokenValidForTwelveHours() {
        Api.Response response = api.post("/api/auth/login", null, new LoginRequest(Fixtures.OFFICER, "test-password"));

        assertEquals(200, response.status(), response.body());
        Session session = response.as(Session.class);
        assertEquals(Role.OFFICER, session.role());
        assertEquals("Gemeente Testdorp", session.municipalityName());
        assertNotNull(session.municipalityId());
        assertTrue(session.token().matches("[A-Za-z0-9_-]{43}"), "256-bit base64url token");
        Duration lifetime = Duration.between(Instant.now(), Instant.parse(session.expiresAt()));
        assertTrue(lifetime.compareTo(Duration.ofHours(11)) > 0 && lifetime.compareTo(Duration.ofHours(12)) <= 0);
    }

    @Test
    void usernamesAreCaseInsensitive() {
        Api.Response response = api.post("/api/auth/login", null,
                new LoginRequest("Officer@Testdorp.TEST", "test-password"));

        assertEquals(200, response.status(), response.body());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameProblem() {
        Problem wrongPassword = api.post("/api/auth/login", null, new LoginRequest(Fixtures.OFFICER, "nope"))
                .problem(401);
        Problem unknownUser = api.post("/api/auth/login", null, new LoginRequest("nobody@testdorp.test", "nope"))
                .problem(401);

        assertEquals(wrongPassword, unknownUser);
        assertTrue(wrongPassword.type().endsWith("/login-failed"));
    }

    @Test
    void meDescribesTheCallerWithoutTheToken() {
        String token = api.login(Fixtures.BUDDY);

        Session me = api.get("/api/me", token).as(Session.class);

        assertNull(me.token());
        assertEquals(Role.BUDDY, me.role());
        assertEquals("Buddy Testdorp", me.displayName());
        assertNotNull(me.expiresAt());
    }

    @Test
    void aFamilyFriendWhoSignsOutOfTheAppCannotUseThatTokenAgain() {
        String token = api.login(Fixtures.BUDDY);
        String other = api.login(Fixtures.BUDDY);

        assertEquals(204, api.post("/api/auth/logout", token, "").status());

        api.get("/api/me", token).problem(401);
        assertEquals(200, api.get("/api/me", other).status(), "another session of the same person goes on");
        api.post("/api/auth/logout", token, "").problem(401);
        api.post("/api/auth/logout", null, "").problem(401);
    }

    @Test
    void theSessionCookieAuthenticatesLikeABearerToken() {
        String token = api.login(Fixtures.OFFICER);

        Api.Response response = api.get("/api/me", null, "Cookie", "WELKOM_SESSION=" + token);

        assertEquals(200, response.status(), response.body());
        assertEquals(Role.OFFICER, response.as(Session.class).role());
    }

    @Test
    void aLoggedOutTokenIsRefused() {
        String token = api.login(Fixtures.OFFICER);
        AuthService auth = TestServer.get().context().getBean(AuthService.class);

        auth.logout(token);

        api.get("/api/me", token).problem(401);
    }

    @Test
    void anExpiredStaffTokenIsRefused() {
        String token = api.login(Fixtures.EDITOR);
        String hash = TestServer.get().context().getBean(SecretHasher.class).hash(token);

        TestServer.get().update("UPDATE auth_token SET expires_at = ? WHERE token_hash = ?",
                System.currentTimeMillis() - 1, hash);

        api.get("/api/me", token).problem(401);
    }

    @Test
    void unknownTokensAndMissingTokensGet401Problems() {
        api.get("/api/me", "not-a-token").problem(401);
        Api.Response anonymous = api.get("/api/me", null);

        anonymous.problem(401);
        assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
    }

    @Test
    void theServerStoresOnlyAKeyedHashOfTheToken() {
        String token = api.login(Fixtures.OFFICER);

        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM auth_token WHERE token_hash = ?", token));
        String hash = TestServer.get().context().getBean(SecretHasher.class).hash(token);
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM auth_token WHERE token_hash = ?", hash));
    }

    @Test
    void anonymousDashboardVisitorsAreSentToTheLoginPage() {
        Api.Response response = api.get("/dashboard/test-probe", null);

        assertEquals(303, response.status());
        assertEquals("/login", response.header("Location"));
    }

    @Test
    void signedInDashboardVisitorsReachThePage() {
        String token = api.login(Fixtures.OFFICER);

        Api.Response response = api.get("/dashboard/test-probe", null, "Cookie", "WELKOM_SESSION=" + token);

        assertEquals(200, response.status(), response.body());
    }
}
