package nl.welkom.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.buddy.BuddyMatchInfo;
import nl.welkom.casefile.HouseholdCommand;
import nl.welkom.casefile.MemberCommand;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.volunteer.ApplicationLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suggestions, the household's wish, ending with a reason and the family friend on the family's phone,
 * through the real server, on households and volunteers this test makes itself.
 */
class MatchingApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String testdorp;

    @BeforeAll
    static void ids() {
        officer = API.login(Fixtures.OFFICER);
        testdorp = API.post("/api/auth/login", null, Map.of("username", Fixtures.OFFICER, "password", "test-password"))
                .as(Session.class).municipalityId();
    }

    /** A new ACTIVE volunteer of Testdorp; returns {volunteerId, buddyUserId}. */
    private static String[] activeVolunteer(String first, String last, String gender, int max,
                                            List<Map<String, String>> languages) {
        ApplicationLimits.forget();
        Map<String, Object> body = new HashMap<>();
        body.put("municipalityId", testdorp);
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", "match-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl");
        body.put("phone", "06 9876 5432");
        body.put("hoursPerWeek", 4);
        body.put("prefers", List.of("SINGLE_PARENT"));
        body.put("gender", gender);
        body.put("maxHouseholds", max);
        body.put("languages", languages);
        body.put("consent", true);
        Api.Response applied = API.post("/api/volunteer-applications", null, body);
        assertEquals(201, applied.status(), applied.body());
        String id = applied.as(Map.class).get("id").toString();
        move(id, "INTAKE_DONE", null);
        move(id, "VOG_RECEIVED", LocalDate.now().minusDays(2).toString());
        move(id, "TRAINED", null);
        Map<?, ?> volunteer = (Map<?, ?>) move(id, "ACTIVE", null).as(Map.class).get("volunteer");
        return new String[] {id, volunteer.get("userId").toString()};
    }

    private static Api.Response move(String id, String to, String vogDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (vogDate != null) {
            body.put("vogDate", vogDate);
        }
        Api.Response response = API.post("/api/volunteers/" + id + "/transitions", officer, body);
        assertEquals(200, response.status(), response.body());
        return response;
    }

    /** A new household of Testdorp: an Eritrean mother with two children (Tigrinya, Arabic). */
    private static String singleMother() {
        String reference = "T-MATCHING-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        HouseholdCommand command = new HouseholdCommand(reference, "Familie Kidane", "ER", null, "SELECTION_MISSION",
                null, null, "RECEPTION_CENTRE", null, null, List.of("ti", "ar"), null, List.of(
                        new MemberCommand("Mehret", 1991, null, null, List.of("ti", "ar")),
                        new MemberCommand("Yonas", 2013, null, null, List.of("ti")),
                        new MemberCommand("Saba", 2018, null, null, List.of("ti", "nl"))));
        Api.Response response = API.post("/api/households", officer, command);
        assertEquals(201, response.status(), response.body());
        return response.as(Map.class).get("id").toString();
    }

    private static SuggestionInfo suggestions(String household) {
        Api.Response response = API.get("/api/households/" + household + "/buddy-suggestions", officer);
        assertEquals(200, response.status(), response.body());
        return response.as(SuggestionInfo.class);
    }

    private static int rank(SuggestionInfo info, String volunteerId) {
        for (int i = 0; i < info.suggestions().size(); i++) {
            if (info.suggestions().get(i).volunteerId().equals(volunteerId)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void suggestionsRankTheFamilysLanguageFirstExplainWhyAndLeaveOutTheFullAndTheMatched() {
        String household = singleMother();
        String[] semhar = activeVolunteer("Semhar", "Tesfay", "WOMAN", 2,
                List.of(Map.of("lang", "ti", "level", "NATIVE"), Map.of("lang", "nl", "level", "FLUENT")));
        String[] omar = activeVolunteer("Omar", "Haddad", "MAN", 2, List.of(Map.of("lang", "ar", "level", "GOOD")));
        String[] full = activeVolunteer("Ruth", "Vol", "WOMAN", 1, List.of(Map.of("lang", "ti", "level", "NATIVE")));
        Fixtures.match(API, officer, singleMother(), full[1]);
        long audits = TestServer.get().queryLong(
                "SELECT count(*) FROM audit_event WHERE action = 'matching.suggestions' AND household_id = ?", household);

        SuggestionInfo info = suggestions(household);

        assertTrue(rank(info, semhar[0]) >= 0 && rank(info, semhar[0]) < rank(info, omar[0]), info.toString());
        SuggestionInfo.Suggestion first = info.suggestions().get(rank(info, semhar[0]));
        assertEquals(semhar[1], first.buddyUserId());
        assertEquals("Semhar Tesfay", first.name());
        assertEquals("Spreekt Tigrinya (moedertaal) \u2014 de taal van het gezin", first.parts().get(0).sentence());
        assertEquals(40, first.parts().get(0).points());
        assertTrue(first.parts().stream().anyMatch(p -> p.sentence().equals("Wil graag een alleenstaande ouder steunen")));
        assertEquals(first.score(), first.parts().stream().mapToInt(SuggestionInfo.Part::points).sum());
        assertEquals(-1, rank(info, full[0]), "a volunteer with no room is not suggested");
        assertTrue(info.excluded().stream().anyMatch(e -> e.volunteerId().equals(full[0])
                && e.reason().equals("Vol: begeleidt al 1 van maximaal 1 gezinnen")), info.excluded().toString());
        assertEquals(audits + 1, TestServer.get().queryLong(
                "SELECT count(*) FROM audit_event WHERE action = 'matching.suggestions' AND household_id = ?", household));

        String match = Fixtures.match(API, officer, household, semhar[1]);
        SuggestionInfo after = suggestions(household);

        assertEquals(-1, rank(after, semhar[0]), "the household's own family friend is not suggested again");
        assertTrue(after.excluded().stream().anyMatch(e -> e.volunteerId().equals(semhar[0])
                && e.reason().equals("Is al familievriend van dit gezin")));
        Fixtures.endMatch(API, officer, match);
    }

    @Test
    void aHouseholdThatAskedForAWomanGetsWomenFirst() {
        String household = singleMother();
        String[] man = activeVolunteer("Aaron", "Aardappel", "MAN", 2, List.of(Map.of("lang", "ti", "level", "NATIVE")));
        String[] woman = activeVolunteer("Zahra", "Zwart", "WOMAN", 2, List.of(Map.of("lang", "ti", "level", "NATIVE")));

        assertTrue(rank(suggestions(household), man[0]) < rank(suggestions(household), woman[0]),
                "without a wish, equal scores go by name");
        Api.Response saved = API.put("/api/households/" + household + "/buddy-preference", officer,
                Map.of("prefers", "WOMAN"));
        assertEquals(200, saved.status(), saved.body());
        assertEquals("WOMAN", API.get("/api/households/" + household + "/buddy-preference", officer).as(Map.class)
                .get("prefers"));

        SuggestionInfo info = suggestions(household);

        assertTrue(rank(info, woman[0]) < rank(info, man[0]));
        assertTrue(info.suggestions().get(rank(info, man[0])).parts().stream()
                .anyMatch(p -> p.points() == -30 && p.sentence().equals("Het gezin vroeg om een vrouw")));
        API.put("/api/households/" + household + "/buddy-preference", officer, Map.of("prefers", "SOMEONE")).problem(400);
        assertEquals("WOMAN", API.get("/api/households/" + household + "/buddy-preference", officer).as(Map.class)
                .get("prefers"), "a refused wish changes nothing");
        API.put("/api/households/" + household + "/buddy-preference", officer, "{\"prefers\":null}");
        assertNull(API.get("/api/households/" + household + "/buddy-preference", officer).as(Map.class).get("prefers"));
    }

    @Test
    void endingAMatchNeedsAReasonAndRecordsItWithTheNote() {
        String household = singleMother();
        String[] friend = activeVolunteer("Hiwet", "Berhane", "WOMAN", 2, List.of(Map.of("lang", "ti", "level", "GOOD")));
        String match = Fixtures.match(API, officer, household, friend[1]);
        String path = "/api/buddy-matches/" + match + "/end";

        API.post(path, officer, "").problem(400);
        API.post(path, officer, "{}").problem(400);
        API.post(path, officer, Map.of("reason", "BORED")).problem(400);
        API.post(path, officer, Map.of("reason", "OTHER", "note", "x".repeat(501))).problem(400);
        assertEquals(1, TestServer.get().queryLong(
                "SELECT count(*) FROM buddy_match WHERE id = ? AND ended_at IS NULL AND end_reason IS NULL", match),
                "a refused end changes nothing");

        Api.Response ended = API.post(path, officer, Map.of("reason", "FAMILY_SETTLED", "note", "Ze redden het samen."));

        assertEquals(200, ended.status(), ended.body());
        BuddyMatchInfo info = ended.as(BuddyMatchInfo.class);
        assertNotNull(info.endedAt());
        assertEquals("FAMILY_SETTLED", info.endReason());
        assertEquals("Ze redden het samen.", info.endNote());
    }

    @Test
    void aVolunteerWhoStopsAndAHouseholdThatMovesEndWithTheirOwnReason() {
        String household = singleMother();
        String[] friend = activeVolunteer("Tekle", "Ghebre", "MAN", 2, List.of(Map.of("lang", "ti", "level", "FLUENT")));
        String match = Fixtures.match(API, officer, household, friend[1]);

        move(friend[0], "STOPPED", null);

        assertEquals(1, TestServer.get().queryLong(
                "SELECT count(*) FROM buddy_match WHERE id = ? AND end_reason = 'VOLUNTEER_STOPPED'", match));
    }

    /** The households of a pull, as raw JSON objects (the phone's own reading is the client library's). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> households(Api.Response pull) {
        assertEquals(200, pull.status(), pull.body());
        return (List<Map<String, Object>>) pull.as(Map.class).get("households");
    }

    private static long cursor(Api.Response pull) {
        return ((Number) pull.as(Map.class).get("cursor")).longValue();
    }

    @Test
    void theFamilysPhoneSeesItsFamilyFriendsFirstNameAndLanguagesOnlyAndTheBuddysPullHasNone() {
        String household = singleMother();
        String reference = API.get("/api/households/" + household, officer).as(Household.class).reference();
        String[] friend = activeVolunteer("Letay", "Woldemariam", "WOMAN", 2,
                List.of(Map.of("lang", "nl", "level", "GOOD"), Map.of("lang", "ti", "level", "NATIVE")));
        Session device = Fixtures.device(API, reference);
        Api.Response before = API.get("/api/sync/pull?after=0", device.token());
        assertNull(households(before).get(0).get("familyFriend"));

        String match = Fixtures.match(API, officer, household, friend[1]);
        Api.Response pulled = API.get("/api/sync/pull?after=" + cursor(before), device.token());

        assertEquals(List.of(household), households(pulled).stream().map(h -> h.get("id")).toList(),
                "the match gives the household a new change sequence, so the phone pulls it again");
        assertEquals(Map.of("firstName", "Letay", "languages", List.of("ti", "nl")),
                households(pulled).get(0).get("familyFriend"), "first name and languages, best first, nothing more");
        for (String forbidden : List.of("Woldemariam", "@voorbeeld.nl", "9876", friend[1], friend[0])) {
            assertFalse(pulled.body().contains(forbidden), forbidden);
        }
        Api.Response officerView = API.get("/api/households/" + household, officer);
        assertFalse(officerView.body().contains("familyFriend\":{"), "an officer's household has no familyFriend");

        Fixtures.endMatch(API, officer, match);
        Api.Response afterEnd = API.get("/api/sync/pull?after=" + cursor(pulled), device.token());

        assertEquals(List.of(household), households(afterEnd).stream().map(h -> h.get("id")).toList());
        assertNull(households(afterEnd).get(0).get("familyFriend"));
    }

    @Test
    void aFamilyFriendsOwnPullCarriesNoFamilyFriend() {
        String buddy = API.login(Fixtures.BUDDY);
        Api.Response pulled = API.get("/api/sync/pull?after=0", buddy);

        assertFalse(households(pulled).isEmpty());
        assertTrue(households(pulled).stream().allMatch(h -> h.get("familyFriend") == null));
        assertFalse(pulled.body().contains("familyFriend"), pulled.body());
        for (String forbidden : List.of("\"reference\"", "\"campOfOrigin\"", "\"birthYear\"", "\"nationality\"")) {
            assertFalse(pulled.body().contains(forbidden), forbidden);
        }
    }

    @Test
    void onlyTheHouseholdsOfficersMayAskForSuggestionsOrSetTheWish() {
        String household = singleMother();
        String other = API.login(Fixtures.OTHER_OFFICER);
        String buddy = API.login(Fixtures.BUDDY);
        String editor = API.login(Fixtures.EDITOR);
        String admin = API.login(Fixtures.ADMIN);
        String device = Fixtures.device(API, "T-BUDDY").token();
        String suggestions = "/api/households/" + household + "/buddy-suggestions";
        String preference = "/api/households/" + household + "/buddy-preference";
        Map<String, String> wish = Map.of("prefers", "MAN");

        API.get(suggestions, other).problem(404);
        API.get(preference, other).problem(404);
        API.put(preference, other, wish).problem(404);
        API.get("/api/households/no-such-household/buddy-suggestions", officer).problem(404);
        for (String token : List.of(buddy, device, editor, admin)) {
            API.get(suggestions, token).problem(403);
            API.get(preference, token).problem(403);
            API.put(preference, token, wish).problem(403);
        }
        API.get(suggestions, null).problem(401);
        API.put(preference, null, wish).problem(401);
        assertEquals(0, TestServer.get().queryLong(
                "SELECT count(*) FROM household_buddy_preference WHERE household_id = ?", household),
                "refused wishes change nothing");
    }

    @Test
    void endingAMatchIsForTheHouseholdsOfficersOnly() {
        String household = singleMother();
        String[] friend = activeVolunteer("Awet", "Kahsay", "MAN", 2, List.of(Map.of("lang", "ti", "level", "BASIC")));
        String match = Fixtures.match(API, officer, household, friend[1]);
        String path = "/api/buddy-matches/" + match + "/end";
        Map<String, String> body = Map.of("reason", "NO_CONTACT");

        API.post(path, API.login(Fixtures.OTHER_OFFICER), body).problem(404);
        for (String token : List.of(API.login(Fixtures.BUDDY), API.login(Fixtures.EDITOR), API.login(Fixtures.ADMIN),
                Fixtures.device(API, "T-BUDDY").token())) {
            API.post(path, token, body).problem(403);
        }
        API.post(path, null, body).problem(401);
        assertEquals(1, TestServer.get().queryLong(
                "SELECT count(*) FROM buddy_match WHERE id = ? AND ended_at IS NULL", match));
        Fixtures.endMatch(API, officer, match);
    }
}
