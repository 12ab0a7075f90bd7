package nl.welkom.volunteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.buddy.BuddyInfo;
import nl.welkom.model.auth.Session;

/** Applying (public API), screening through the transition table, and who may do what, on the Testdorp fixtures. */
class VolunteerApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String testdorp;

    @BeforeAll
    static void ids() {
        officer = API.login(Fixtures.OFFICER);
        testdorp = API.post("/api/auth/login", null, Map.of("username", Fixtures.OFFICER, "password", "test-password"))
                .as(Session.class).municipalityId();
    }

    @BeforeEach
    void forgetTheRateLimit() {
        TestServer.get().context().getBean(ApplicationLimiter.class).clear();
    }

    static Map<String, Object> application(String municipalityId, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("municipalityId", municipalityId);
        body.put("firstName", "Semhar");
        body.put("lastName", "Tesfay");
        body.put("email", email);
        body.put("phone", "06 1234 5678");
        body.put("postcode", "8011 ab");
        body.put("hoursPerWeek", 3);
        body.put("interests", "Koken en fietsen");
        body.put("prefers", List.of("SINGLE_PARENT", "WOMAN"));
        body.put("gender", "WOMAN");
        body.put("maxHouseholds", 1);
        body.put("languages", List.of(Map.of("lang", "ti", "level", "NATIVE"), Map.of("lang", "nl", "level", "FLUENT")));
        body.put("consent", true);
        return body;
    }

    private static String email() {
        return "vrijwilliger-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
    }

    private static String applied(String email) {
        Api.Response response = API.post("/api/volunteer-applications", null, application(testdorp, email));
        assertEquals(201, response.status(), response.body());
        return response.as(Map.class).get("id").toString();
    }

    private static long volunteers() {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM volunteer");
    }

    private static Api.Response move(String token, String id, String to, String vogDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (vogDate != null) {
            body.put("vogDate", vogDate);
        }
        return API.post("/api/volunteers/" + id + "/transitions", token, body);
    }

    @Test
    void anApplicationIsStoredAsAppliedWithItsLanguagesAndNoAccountIsMade() {
        String email = email();
        String id = applied(email);

        Map<?, ?> volunteer = API.get("/api/volunteers/" + id, officer).as(Map.class);
        assertEquals("APPLIED", volunteer.get("state"));
        assertEquals("8011AB", volunteer.get("postcode"));
        assertEquals(List.of("SINGLE_PARENT", "WOMAN"), volunteer.get("prefers"));
        assertEquals(List.of(Map.of("lang", "nl", "level", "FLUENT"), Map.of("lang", "ti", "level", "NATIVE")),
                volunteer.get("languages"));
        assertEquals(List.of("INTAKE_DONE", "STOPPED", "REJECTED"), volunteer.get("next"));
        assertEquals(1, ((List<?>) volunteer.get("history")).size());
        assertNull(volunteer.get("userId"));
        assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM app_user WHERE username = ?", email));
        assertTrue(API.get("/api/volunteers?state=APPLIED", officer).asListOf(Map.class).stream()
                .anyMatch(v -> v.get("id").equals(id)));
        assertFalse(API.get("/api/volunteers?state=ACTIVE", officer).asListOf(Map.class).stream()
                .anyMatch(v -> v.get("id").equals(id)));
        API.get("/api/volunteers?state=SLEEPING", officer).problem(400);
    }

    @Test
    void badInputIsABadRequestProblemNamingTheFieldAndNothingIsStored() {
        long before = volunteers();
        Map<String, Object> badEmail = application(testdorp, "niet-een-adres");
        Map<String, Object> noLanguages = application(testdorp, email());
        noLanguages.put("languages", List.of());
        Map<String, Object> longInterests = application(testdorp, email());
        longInterests.put("interests", "x".repeat(501));
        Map<String, Object> noConsent = application(testdorp, email());
        noConsent.put("consent", false);
        Map<String, Object> tooManyHours = application(testdorp, email());
        tooManyHours.put("hoursPerWeek", 41);
        Map<String, Object> unknownPlace = application("no-such-municipality", email());
        List<Map<String, Object>> bodies = List.of(badEmail, noLanguages, longInterests, noConsent, tooManyHours,
                unknownPlace);
        List<String> named = List.of("email", "languages", "interests", "consent", "hoursPerWeek", "municipalityId");
        for (int i = 0; i < bodies.size(); i++) {
            forgetTheRateLimit();
            String detail = API.post("/api/volunteer-applications", null, bodies.get(i)).problem(400).detail();
            assertTrue(detail.contains(named.get(i)), detail);
        }
        assertEquals(before, volunteers());
    }

    @Test
    void theSixthApplicationFromOneAddressWithinAnHourIsRefusedWithRetryAfterAndNotStored() {
        for (int i = 0; i < 5; i++) {
            applied(email());
        }
        long before = volunteers();
        Api.Response refused = API.post("/api/volunteer-applications", null, application(testdorp, email()));
        refused.problem(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, refused.header("Retry-After"));
        assertEquals(before, volunteers());
    }

    @Test
    void thePublicPageSharesTheLimitAndAnswersWithThe429PageAndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            applied(email());
        }
        long before = volunteers();
        Api.Response page = API.send("POST", "/vrijwilliger-worden", null, "firstName=Bot",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(429, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.body().contains("Te veel aanmeldingen"), page.body());
        assertNotNull(page.header("Retry-After"));
        assertEquals(before, volunteers());
    }

    @Test
    void anOfficerScreensAVolunteerToActiveAndGetsTheirNewAccountsCodeOnce() {
        String email = email();
        String id = applied(email);

        // An invalid step is a 409 problem and changes nothing.
        assertEquals("invalid-transition", type(move(officer, id, "ACTIVE", null).problem(409).type()));
        assertEquals("APPLIED", API.get("/api/volunteers/" + id, officer).as(Map.class).get("state"));

        assertEquals(200, move(officer, id, "INTAKE_DONE", null).status());
        // The VOG date is needed, and neither in the future nor older than 36 months.
        move(officer, id, "VOG_RECEIVED", null).problem(400);
        move(officer, id, "VOG_RECEIVED", java.time.LocalDate.now().plusDays(2).toString()).problem(400);
        move(officer, id, "VOG_RECEIVED", java.time.LocalDate.now().minusMonths(37).toString()).problem(400);
        assertEquals("INTAKE_DONE", API.get("/api/volunteers/" + id, officer).as(Map.class).get("state"));
        String vog = java.time.LocalDate.now().minusMonths(1).toString();
        assertEquals(200, move(officer, id, "VOG_RECEIVED", vog).status());
        assertEquals(200, move(officer, id, "TRAINED", null).status());

        Api.Response active = move(officer, id, "ACTIVE", null);
        assertEquals(200, active.status(), active.body());
        Map<?, ?> moved = active.as(Map.class);
        Map<?, ?> code = (Map<?, ?>) moved.get("signInCode");
        assertNotNull(code);
        assertTrue(code.get("code").toString().matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){6}"), code.toString());
        Map<?, ?> volunteer = (Map<?, ?>) moved.get("volunteer");
        assertEquals("ACTIVE", volunteer.get("state"));
        assertEquals(vog, volunteer.get("vogDate"));
        String userId = volunteer.get("userId").toString();
        assertEquals(1, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM app_user WHERE id = ? AND username = ? AND role = 'BUDDY' AND display_name = 'Semhar T.'",
                userId, email));
        List<?> history = (List<?>) volunteer.get("history");
        assertEquals(5, history.size());
        assertNotNull(((Map<?, ?>) history.get(4)).get("byUserId"));

        // Paused and active again: the same account, no new code.
        assertEquals(200, move(officer, id, "PAUSED", null).status());
        Api.Response again = move(officer, id, "ACTIVE", null);
        assertNull(again.as(Map.class).get("signInCode"));
        assertEquals(userId, ((Map<?, ?>) again.as(Map.class).get("volunteer")).get("userId"));
    }

    @Test
    void onlyAnActiveVolunteerCanBeMatchedAndStoppingEndsTheirMatchesAndAccount() {
        String id = applied(email());
        move(officer, id, "INTAKE_DONE", null);
        move(officer, id, "VOG_RECEIVED", java.time.LocalDate.now().minusDays(3).toString());
        move(officer, id, "TRAINED", null);
        String userId = ((Map<?, ?>) move(officer, id, "ACTIVE", null).as(Map.class).get("volunteer"))
                .get("userId").toString();
        String household = Fixtures.householdId(API, officer, "T-BUDDY");

        String match = Fixtures.match(API, officer, household, userId);
        move(officer, id, "PAUSED", null);
        String other = Fixtures.householdId(API, officer, "T-MATCH");
        Api.Response refused = API.post("/api/households/" + other + "/buddy-matches", officer,
                Map.of("buddyUserId", userId));
        assertEquals("volunteer-not-active", type(refused.problem(409).type()));
        assertEquals(1, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM buddy_match WHERE id = ? AND ended_at IS NULL", match), "a pause keeps matches");

        assertEquals(200, move(officer, id, "STOPPED", null).status());
        assertEquals(0, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM buddy_match WHERE buddy_user_id = ? AND ended_at IS NULL", userId));
        assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM app_user WHERE id = ? AND active", userId));
        assertFalse(API.get("/api/buddies", officer).asListOf(BuddyInfo.class).stream()
                .anyMatch(buddy -> buddy.id().equals(userId)));
        assertEquals(List.of(), API.get("/api/volunteers/" + id, officer).as(Map.class).get("next"));
        move(officer, id, "ACTIVE", null).problem(409);
    }

    @Test
    void aStoppedVolunteersPhoneIsToldToWipeTheFamiliesWhileAnOfficersRevokedTokenIsAPlainSignInAgain() {
        String id = applied(email());
        move(officer, id, "INTAKE_DONE", null);
        move(officer, id, "VOG_RECEIVED", java.time.LocalDate.now().minusDays(3).toString());
        move(officer, id, "TRAINED", null);
        Map<?, ?> active = move(officer, id, "ACTIVE", null).as(Map.class);
        String userId = ((Map<?, ?>) active.get("volunteer")).get("userId").toString();
        String code = ((Map<?, ?>) active.get("signInCode")).get("code").toString();
        Api.Response signedIn = API.post("/api/password/set", null,
                Map.of("code", code, "password", "een lang wachtwoord voor de telefoon"));
        assertEquals(200, signedIn.status(), signedIn.body());
        String phone = signedIn.as(Session.class).token();
        String household = Fixtures.householdId(API, officer, "T-BUDDY");
        Fixtures.match(API, officer, household, userId);
        assertEquals(200, API.get("/api/sync/pull", phone).status());

        assertEquals(200, move(officer, id, "STOPPED", null).status());

        nl.welkom.model.Problem pull = API.get("/api/sync/pull", phone).problem(401);
        assertEquals("device-revoked", type(pull.type()), "the phone learns to forget the families");
        assertEquals("device-revoked", type(API.get("/api/me", phone).problem(401).type()));

        // An officer whose session ended (signed out) simply signs in again: no wipe.
        String officerToken = API.login(Fixtures.OFFICER);
        API.post("/api/auth/logout", officerToken, Map.of());
        assertEquals("unauthorized", type(API.get("/api/households", officerToken).problem(401).type()));
    }

    @Test
    void accountsMadeBeforeVolunteersExistedStayMatchable() {
        String matcher = Fixtures.buddyId(API, officer, "matcher@testdorp.test");
        assertTrue(TestServer.get().context().getBean(Volunteers.class).mayBeMatched(matcher));
    }

    @Test
    void onlyOfficersOfTheVolunteersMunicipalityMayReadOrMoveThem() {
        String id = applied(email());
        String path = "/api/volunteers/" + id;
        String otherOfficer = API.login(Fixtures.OTHER_OFFICER);
        API.get(path, otherOfficer).problem(404);
        move(otherOfficer, id, "INTAKE_DONE", null).problem(404);
        assertFalse(API.get("/api/volunteers", otherOfficer).asListOf(Map.class).stream()
                .anyMatch(v -> v.get("id").equals(id)));

        String device = Fixtures.device(API, "T-UNMATCHED").token();
        for (String token : List.of(API.login(Fixtures.BUDDY), device, API.login(Fixtures.EDITOR),
                API.login(Fixtures.ADMIN))) {
            API.get("/api/volunteers", token).problem(403);
            API.get(path, token).problem(403);
            move(token, id, "INTAKE_DONE", null).problem(403);
        }
        API.get("/api/volunteers", null).problem(401);
        API.get(path, null).problem(401);
        move(null, id, "INTAKE_DONE", null).problem(401);
        assertEquals("APPLIED", API.get(path, officer).as(Map.class).get("state"));
    }

    private static String type(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
