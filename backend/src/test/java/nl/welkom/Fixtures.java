package nl.welkom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import nl.welkom.buddy.BuddyInfo;
import nl.welkom.buddy.BuddyMatchInfo;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;

/** Names of the test fixtures (src/test/resources/fixtures/demo.yaml) and shortcuts through the API. */
public final class Fixtures {
    public static final String OFFICER = "officer@testdorp.test";
    public static final String BUDDY = "buddy@testdorp.test";
    public static final String EDITOR = "editor@testdorp.test";
    public static final String OTHER_OFFICER = "officer@anderstad.test";
    public static final String OTHER_BUDDY = "buddy@anderstad.test";
    public static final String ADMIN = "admin@welkom.test";

    private Fixtures() {
    }

    /** Id of the household with {@code reference}, as the officer who owns it sees it. */
    public static String householdId(Api api, String officerToken, String reference) {
        return api.get("/api/households", officerToken).asListOf(Household.class).stream()
                .filter(household -> household.reference().equals(reference))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fixture household " + reference))
                .id();
    }

    /** A new code for the household, created by the officer. */
    public static ActivationCode newCode(Api api, String officerToken, String householdId) {
        Api.Response response = api.post("/api/households/" + householdId + "/activation-codes", officerToken, "");
        assertEquals(201, response.status(), response.body());
        return response.as(ActivationCode.class);
    }

    /** A NEWCOMER device session for the household of {@code reference} in Testdorp. */
    public static Session device(Api api, String reference) {
        return device(api, OFFICER, reference);
    }

    /** A NEWCOMER device session for the household of {@code reference}, activated by {@code officerUsername}. */
    public static Session device(Api api, String officerUsername, String reference) {
        String officer = api.login(officerUsername);
        ActivationCode code = newCode(api, officer, householdId(api, officer, reference));
        Api.Response response = api.post("/api/activation", null, new ActivationRequest(code.code(), "Test phone"));
        assertEquals(200, response.status(), response.body());
        return response.as(Session.class);
    }

    /** The user id of the family friend {@code username}, as the officer of its municipality sees it. */
    public static String buddyId(Api api, String officerToken, String username) {
        String displayName = api.post("/api/auth/login", null, new LoginRequest(username, "test-password"))
                .as(Session.class).displayName();
        return api.get("/api/buddies", officerToken).asListOf(BuddyInfo.class).stream()
                .filter(buddy -> buddy.displayName().equals(displayName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fixture buddy " + username))
                .id();
    }

    /** Matches the buddy with the household through the API and returns the match id. */
    public static String match(Api api, String officerToken, String householdId, String buddyUserId) {
        Api.Response response = api.post("/api/households/" + householdId + "/buddy-matches", officerToken,
                Map.of("buddyUserId", buddyUserId));
        assertEquals(201, response.status(), response.body());
        return response.as(BuddyMatchInfo.class).id();
    }

    /** Ends a match through the API. */
    public static void endMatch(Api api, String officerToken, String matchId) {
        Api.Response response = api.post("/api/buddy-matches/" + matchId + "/end", officerToken,
                Map.of("reason", "OTHER"));
        assertEquals(200, response.status(), response.body());
    }
}
