package nl.welkom.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.OneTimeCodes;
import nl.welkom.model.Problem;
import org.junit.jupiter.api.Test;

/**
 * Login throttling per account and address, and the audit rows and counters of refusals, through the
 * shared test server (docs/abuse.md). The per-address limits: SourceLimitApiTest.
 */
class ThrottleApiTest {
    private static final TestServer SERVER = TestServer.get();
    private static final Api API = new Api(SERVER);
    private static final int PAIR_LIMIT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void twoHundredWrongPasswordsAreThrottledAfterTenButTheRightPasswordFromElsewhereStillWorks() {
        String attacker = AbuseClients.newAddress();
        int firstRefusal = -1;
        int unauthorised = 0;
        int throttled = 0;
        Api.Response refused = null;
        for (int i = 1; i <= 200; i++) {
            Api.Response response = AbuseClients.login(API, attacker, Fixtures.BUDDY, "guess-" + i);
            if (response.status() == 429) {
                throttled++;
                if (firstRefusal < 0) {
                    firstRefusal = i;
                    refused = response;
                }
            } else {
                assertEquals(401, response.status(), response.body());
                unauthorised++;
            }
        }
        Api.Response rightFromAttacker = AbuseClients.login(API, attacker, Fixtures.BUDDY, "test-password");
        Api.Response rightFromElsewhere = AbuseClients.login(API, AbuseClients.newAddress(), Fixtures.BUDDY,
                "test-password");

        System.out.println("ThrottleApiTest: 200 wrong passwords for one account from one address: " + unauthorised
                + " x 401, " + throttled + " x 429, first 429 at attempt " + firstRefusal
                + "; right password from another address: " + rightFromElsewhere.status());
        assertEquals(PAIR_LIMIT + 1, firstRefusal);
        assertEquals(PAIR_LIMIT, unauthorised);
        Problem problem = refused.problem(429);
        assertTrue(problem.type().endsWith("/too-many-attempts"), problem.type());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        rightFromAttacker.problem(429);
        assertEquals(200, rightFromElsewhere.status(), "the real user elsewhere is not locked out");
    }

    @Test
    void aSuccessfulLoginClearsTheCountOfItsAddressAndAccount() {
        String office = AbuseClients.newAddress();
        for (int i = 0; i < PAIR_LIMIT - 1; i++) {
            AbuseClients.login(API, office, Fixtures.EDITOR, "typo-" + i).problem(401);
        }
        assertEquals(200, AbuseClients.login(API, office, Fixtures.EDITOR, "test-password").status());

        for (int i = 0; i < PAIR_LIMIT - 1; i++) {
            AbuseClients.login(API, office, Fixtures.EDITOR, "typo-again-" + i).problem(401);
        }
        assertEquals(200, AbuseClients.login(API, office, Fixtures.EDITOR, "test-password").status());
    }

    @Test
    void theDashboardSignInShowsTheFormWith429AndAMessageAfterTooManyFailures() {
        String attacker = AbuseClients.newAddress();
        for (int i = 0; i < PAIR_LIMIT; i++) {
            assertEquals(401, AbuseClients.dashboardLogin(API, attacker, Fixtures.OTHER_BUDDY, "guess-" + i).status());
        }

        Api.Response page = AbuseClients.dashboardLogin(API, attacker, Fixtures.OTHER_BUDDY, "test-password");
        Api.Response elsewhere = AbuseClients.dashboardLogin(API, AbuseClients.newAddress(), Fixtures.OTHER_BUDDY,
                "test-password");

        assertEquals(429, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.body().contains("Te veel mislukte pogingen"), page.body());
        assertTrue(page.body().contains("minuten opnieuw"), page.body());
        assertNotNull(page.header("Retry-After"));
        assertFalse(page.body().contains("test-password"));
        assertEquals(303, elsewhere.status(), "the right password from another address signs in");
        assertNotNull(elsewhere.header("Set-Cookie"));
    }

    @Test
    void failedLoginsRefusedCodesAndADeniedAccessAreAuditedWithIdsOnlyAndCounted() throws Exception {
        long since = System.currentTimeMillis();
        String admin = API.login(Fixtures.ADMIN);
        AbuseCounters.Snapshot before = API.get("/api/admin/abuse-counters", admin).as(AbuseCounters.Snapshot.class);
        String from = AbuseClients.newAddress();
        String typedUnknown = "mystery-person-" + System.nanoTime() + "@example.test";
        AbuseClients.login(API, from, Fixtures.OFFICER, "Geheim-wachtwoord-1").problem(401);
        AbuseClients.login(API, from, Fixtures.OFFICER, "Geheim-wachtwoord-2").problem(401);
        AbuseClients.login(API, from, typedUnknown, "Geheim-wachtwoord-3").problem(401);
        String otherOfficer = API.login(Fixtures.OTHER_OFFICER);
        String testdorpOfficer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, testdorpOfficer, "T-SCOPE");
        API.get("/api/households/" + household, otherOfficer).problem(404);
        API.get("/api/households/" + household + "/tasks", otherOfficer).problem(404);
        API.get("/api/households/" + java.util.UUID.randomUUID(), otherOfficer).problem(404);
        String guessed = OneTimeCodes.generate(RANDOM, 20);
        AbuseClients.activate(API, from, guessed).problem(400);

        String officerId = text("SELECT id FROM app_user WHERE username = ?", Fixtures.OFFICER).get(0);
        String otherOfficerId = text("SELECT id FROM app_user WHERE username = ?", Fixtures.OTHER_OFFICER).get(0);
        assertEquals(2, SERVER.queryLong("SELECT count(*) FROM audit_event WHERE action = 'auth.login-failed'"
                + " AND subject_id = ? AND occurred_at >= ?", officerId, since));
        assertTrue(SERVER.queryLong("SELECT count(*) FROM audit_event WHERE action = 'auth.login-failed'"
                + " AND subject_id IS NULL AND actor_user_id IS NULL AND role IS NULL AND occurred_at >= ?", since) >= 1);
        assertEquals(2, SERVER.queryLong("SELECT count(*) FROM audit_event WHERE action = 'household.access-denied'"
                + " AND actor_user_id = ? AND role = 'OFFICER' AND household_id = ? AND occurred_at >= ?",
                otherOfficerId, household, since), "one row per refused request for an existing household");
        assertTrue(SERVER.queryLong("SELECT count(*) FROM audit_event WHERE action = 'activation.refused'"
                + " AND occurred_at >= ?", since) >= 1);

        List<String> cells = text("SELECT id || '|' || coalesce(actor_user_id, '') || '|' || coalesce(actor_device_id, '')"
                + " || '|' || coalesce(role, '') || '|' || action || '|' || coalesce(household_id, '') || '|'"
                + " || coalesce(subject_id, '') FROM audit_event WHERE occurred_at >= ?", since);
        for (String row : cells) {
            for (String personal : List.of(Fixtures.OFFICER, typedUnknown, "mystery-person", "Geheim-wachtwoord",
                    "Family Scope", "T-SCOPE", from, guessed)) {
                assertFalse(row.toLowerCase().contains(personal.toLowerCase()), "audit row " + row + " holds " + personal);
            }
        }
        assertEquals(0, SERVER.queryLong("SELECT count(*) FROM throttle WHERE throttle_key LIKE ? OR throttle_key LIKE ?",
                "%" + from + "%", "%" + Fixtures.OFFICER + "%"), "throttle keys are hashed");

        AbuseCounters.Snapshot after = API.get("/api/admin/abuse-counters", admin).as(AbuseCounters.Snapshot.class);
        System.out.println("ThrottleApiTest: 3 failed logins, 2 denied accesses, 1 refused code -> audit rows with ids only;"
                + " counters now " + after);
        assertTrue(after.failedLogins() - before.failedLogins() >= 3);
        assertTrue(after.deniedAccesses() - before.deniedAccesses() >= 2);
        assertTrue(after.refusedActivationCodes() - before.refusedActivationCodes() >= 1);
    }

    @Test
    void onlyAdministratorsReadTheCounters() {
        API.get("/api/admin/abuse-counters", null).problem(401);
        API.get("/api/admin/abuse-counters", API.login(Fixtures.OFFICER)).problem(403);
        API.get("/api/admin/abuse-counters", API.login(Fixtures.EDITOR)).problem(403);
        API.get("/api/admin/abuse-counters", API.login(Fixtures.BUDDY)).problem(403);
        API.get("/api/admin/abuse-counters", Fixtures.device(API, "T-ACTIVATION").token()).problem(403);
    }

    private static List<String> text(String sql, Object... parameters) throws Exception {
        List<String> values = new ArrayList<>();
        try (var connection = SERVER.database(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
