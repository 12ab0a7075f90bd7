package nl.welkom.buddy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.household.Household;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starting, listing and ending buddy matches, on household T-BUDDY with buddy matcher@testdorp.test. */
class BuddyMatchApiTest {
    private static final Api API = new Api();
    private static final String MATCHER = "matcher@testdorp.test";
    private static final Map<String, String> END = Map.of("reason", "FAMILY_SETTLED");
    private static String officer;
    private static String household;
    private static String matcherId;

    @BeforeAll
    static void ids() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-BUDDY");
        matcherId = Fixtures.buddyId(API, officer, MATCHER);
    }

    @Test
    void anOfficerMatchesABuddyAndEndsTheMatchAndEachIsAScopeChange() {
        String matcher = API.login(MATCHER);
        long scopeChanges = scopeChanges();

        Api.Response started = API.post("/api/households/" + household + "/buddy-matches", officer,
                Map.of("buddyUserId", matcherId));
        BuddyMatchInfo match = started.as(BuddyMatchInfo.class);

        assertEquals(201, started.status(), started.body());
        assertEquals(household, match.householdId());
        assertEquals(matcherId, match.buddyUserId());
        assertEquals("Matcher Testdorp", match.buddyDisplayName());
        assertNotNull(match.startedAt());
        assertNull(match.endedAt());
        assertEquals(scopeChanges + 1, scopeChanges());
        assertEquals(List.of(household), API.get("/api/households", matcher).asListOf(Household.class).stream()
                .map(Household::id).toList());
        Problem twice = API.post("/api/households/" + household + "/buddy-matches", officer,
                Map.of("buddyUserId", matcherId)).problem(409);
        assertTrue(twice.type().endsWith("/buddy-match-exists"), twice.type());
        assertEquals(List.of(match), API.get("/api/households/" + household + "/buddy-matches", officer)
                .asListOf(BuddyMatchInfo.class).stream().filter(m -> m.endedAt() == null).toList());

        Api.Response ended = API.post("/api/buddy-matches/" + match.id() + "/end", officer, END);
        BuddyMatchInfo end = ended.as(BuddyMatchInfo.class);

        assertEquals(200, ended.status(), ended.body());
        assertNotNull(end.endedAt());
        assertEquals(scopeChanges + 2, scopeChanges());
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM scope_change WHERE subject_user_id = ?"
                + " AND household_id = ? AND entered = FALSE AND seq = (SELECT max(seq) FROM scope_change)",
                matcherId, household));
        API.get("/api/households/" + household, matcher).problem(404);
        assertEquals(end, API.post("/api/buddy-matches/" + match.id() + "/end", officer, END).as(BuddyMatchInfo.class),
                "ending an ended match changes nothing");
        assertEquals(scopeChanges + 2, scopeChanges());
        assertTrue(API.get("/api/households/" + household + "/buddy-matches", officer).asListOf(BuddyMatchInfo.class)
                .stream().anyMatch(m -> m.id().equals(match.id()) && m.endedAt() != null));
    }

    @Test
    void anOfficerListsOnlyTheFamilyFriendsOfTheOwnMunicipality() {
        List<BuddyInfo> buddies = API.get("/api/buddies", officer).asListOf(BuddyInfo.class);

        assertTrue(buddies.stream().anyMatch(buddy -> buddy.id().equals(matcherId)));
        assertFalse(buddies.stream().anyMatch(buddy -> buddy.displayName().equals("Buddy Anderstad")));
        assertFalse(buddies.stream().anyMatch(buddy -> buddy.displayName().equals("Officer Testdorp")));
    }

    @Test
    void onlyAFamilyFriendOfTheOwnMunicipalityCanBeMatched() {
        String other = API.login(Fixtures.OTHER_OFFICER);
        String foreignBuddy = Fixtures.buddyId(API, other, Fixtures.OTHER_BUDDY);
        String path = "/api/households/" + household + "/buddy-matches";

        API.post(path, officer, Map.of("buddyUserId", foreignBuddy)).problem(400);
        API.post(path, officer, Map.of("buddyUserId", "no-such-user")).problem(400);
        API.post(path, officer, Map.of("buddyUserId", "")).problem(400);
        API.post(path, officer, "{}").problem(400);
        API.post(path, officer, "{\"buddyUserId\":").problem(400);
    }

    @Test
    void otherMunicipalitiesGet404AndOtherRolesGet403() {
        String other = API.login(Fixtures.OTHER_OFFICER);
        String otherHousehold = Fixtures.householdId(API, other, "A-OTHER");
        String foreignMatch = Fixtures.match(API, other, otherHousehold,
                Fixtures.buddyId(API, other, Fixtures.OTHER_BUDDY));
        String buddy = API.login(Fixtures.BUDDY);
        String device = Fixtures.device(API, "T-BUDDY").token();
        String path = "/api/households/" + household + "/buddy-matches";
        Map<String, String> body = Map.of("buddyUserId", matcherId);

        API.get(path, other).problem(404);
        API.post(path, other, body).problem(404);
        API.post("/api/buddy-matches/" + foreignMatch + "/end", officer, END).problem(404);
        API.post("/api/households/" + otherHousehold + "/buddy-matches", officer, body).problem(404);
        for (String token : List.of(buddy, device)) {
            API.get("/api/buddies", token).problem(403);
            API.get(path, token).problem(403);
            API.post(path, token, body).problem(403);
            API.post("/api/buddy-matches/" + foreignMatch + "/end", token, END).problem(403);
        }
        API.get(path, null).problem(401);
        Fixtures.endMatch(API, other, foreignMatch);
    }

    private static long scopeChanges() {
        return TestServer.get().queryLong("SELECT count(*) FROM scope_change WHERE subject_user_id = ?", matcherId);
    }
}
