package nl.welkom.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

/** The meeting log through the API, the push and the pull (docs/meetings.md), on the test fixtures. */
class MeetingApiTest {
    static final String BUDDY = "meeter@testdorp.test";
    private static final Api API = new Api();

    /** Matches the meeting tests' friend with T-MEET and T-MEET-OTHER once; returns T-MEET's id. */
    static synchronized String matched(String reference) {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, reference);
        String buddyId = Fixtures.buddyId(API, officer, BUDDY);
        if (TestServer.get().queryLong("SELECT COUNT(*) FROM buddy_match WHERE household_id = ? AND buddy_user_id = ?"
                + " AND ended_at IS NULL", household, buddyId) == 0) {
            Fixtures.match(API, officer, household, buddyId);
        }
        return household;
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    }

    private static Map<String, Object> meeting(String date, String what, List<String> taskIds, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date);
        body.put("what", what);
        body.put("taskIds", taskIds);
        body.put("note", note);
        return body;
    }

    private static String task(String token, String household, TaskAssignee assignee) {
        return API.get("/api/households/" + household + "/tasks", token).asListOf(Task.class).stream()
                .filter(task -> task.assignee() == assignee).findFirst().orElseThrow().id();
    }

    private static long count(String household) {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM meeting WHERE household_id = ?", household);
    }

    @Test
    void theFamilyFriendLogsAMeetingAndTheOfficerReadsItWithTheFriendsNameAndNote() {
        String household = matched("T-MEET");
        String buddy = API.login(BUDDY);
        String officer = API.login(Fixtures.OFFICER);
        String library = task(officer, household, TaskAssignee.BUDDY);

        Api.Response created = API.post("/api/households/" + household + "/meetings", buddy,
                meeting(today(), "  Samen naar de bibliotheek en een pasje gemaakt.  ", List.of(library),
                        "Rahwa wil graag een taalcafé."));
        assertEquals(201, created.status(), created.body());
        Meeting logged = created.as(Meeting.class);
        assertEquals("Samen naar de bibliotheek en een pasje gemaakt.", logged.what());
        assertEquals(List.of(library), logged.taskIds());
        assertEquals(today(), logged.date());

        List<Map<?, ?>> own = rows(API.get("/api/households/" + household + "/meetings", buddy));
        Map<?, ?> mine = own.stream().filter(row -> logged.id().equals(row.get("id"))).findFirst().orElseThrow();
        assertNull(mine.get("buddyName"), "the friend needs no name of their own");
        List<Map<?, ?>> seen = rows(API.get("/api/households/" + household + "/meetings", officer));
        Map<?, ?> theirs = seen.stream().filter(row -> logged.id().equals(row.get("id"))).findFirst().orElseThrow();
        assertEquals("Meeter Testdorp", theirs.get("buddyName"));
        assertEquals("Rahwa wil graag een taalcafé.", theirs.get("note"));
        assertTrue(API.get("/api/meetings", buddy).asListOf(Meeting.class).stream()
                .anyMatch(m -> m.id().equals(logged.id())));
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'meeting.log'"
                + " AND household_id = ?", household) >= 1, "logging is audited");
    }

    @Test
    void badValuesAreRefusedWithAProblemAndNothingIsStored() {
        String household = matched("T-MEET");
        String buddy = API.login(BUDDY);
        long before = count(household);
        String tomorrow = LocalDate.parse(today()).plusDays(1).toString();
        List<Map<String, Object>> bad = List.of(
                meeting(tomorrow, "Koffie gedronken", List.of(), null),
                meeting("2001-01-01", "Koffie gedronken", List.of(), null),
                meeting("gisteren", "Koffie gedronken", List.of(), null),
                meeting(today(), "   ", List.of(), null),
                meeting(today(), "x".repeat(501), List.of(), null),
                meeting(today(), "Koffie gedronken", List.of(), "bel\u0007mij"),
                meeting(today(), "Koffie gedronken", List.of(UUID.randomUUID().toString()), null));
        for (Map<String, Object> body : bad) {
            Api.Response response = API.post("/api/households/" + household + "/meetings", buddy, body);
            String detail = response.problem(400).detail();
            assertTrue(detail != null && !detail.isBlank(), body.toString());
        }
        assertEquals(before, count(household));
    }

    @Test
    void onlyTheMatchedFriendLogsAndOnlyTheyAndTheMunicipalitysOfficersRead() {
        String household = matched("T-MEET");
        String path = "/api/households/" + household + "/meetings";
        Map<String, Object> body = meeting(today(), "Boodschappen gedaan", List.of(), null);
        long before = count(household);

        API.post(path, null, body).problem(401);
        API.get(path, null).problem(401);
        API.get("/api/meetings", null).problem(401);
        API.get("/api/meetings/prompts", null).problem(401);
        String phone = Fixtures.device(API, "T-MEET").token();
        API.post(path, phone, body).problem(403);
        API.get(path, phone).problem(403);
        API.get("/api/meetings", phone).problem(403);
        API.get("/api/meetings/prompts", phone).problem(403);
        for (String staff : List.of(Fixtures.EDITOR, Fixtures.ADMIN)) {
            String token = API.login(staff);
            API.post(path, token, body).problem(403);
            API.get(path, token).problem(403);
            API.get("/api/meetings/prompts", token).problem(403);
        }
        String officer = API.login(Fixtures.OFFICER);
        API.post(path, officer, body).problem(403);
        API.get("/api/meetings", officer).problem(403);
        String otherOfficer = API.login(Fixtures.OTHER_OFFICER);
        API.get(path, otherOfficer).problem(404);
        API.post(path, otherOfficer, body).problem(404);
        for (String notMatched : List.of(Fixtures.BUDDY, Fixtures.OTHER_BUDDY)) {
            String token = API.login(notMatched);
            API.get(path, token).problem(404);
            API.post(path, token, body).problem(404);
        }
        String notTheirs = Fixtures.householdId(API, officer, "T-MSG-SYNC");
        API.post("/api/households/" + notTheirs + "/meetings", API.login(BUDDY), body).problem(404);
        assertEquals(before, count(household));
    }

    @Test
    void aMeetingWrittenOfflineIsStoredOnceAndABadOneIsRejectedWithAReason() {
        String household = matched("T-MEET");
        String buddy = API.login(BUDDY);
        Mutation offline = log(household, "{\"date\":\"" + today() + "\",\"what\":\"Samen gekookt\",\"note\":\"Goed gesprek\"}");
        assertEquals(MutationOutcome.APPLIED, push(buddy, offline).outcome(), push(buddy, offline).detail());
        assertEquals(MutationOutcome.ALREADY_APPLIED, push(buddy, offline).outcome());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM meeting WHERE id = ?", offline.id()));

        List<Mutation> bad = List.of(log(household, "not json"), log(household, "{\"date\":\"" + today() + "\"}"),
                log(household, "{\"date\":\"2999-01-01\",\"what\":\"Later\"}"),
                log(household, "{\"date\":\"" + today() + "\",\"what\":\"x\",\"taskIds\":[\"nope\"]}"),
                log(Fixtures.householdId(API, API.login(Fixtures.OFFICER), "T-MSG-SYNC"),
                        "{\"date\":\"" + today() + "\",\"what\":\"Koffie\"}"));
        for (Mutation mutation : bad) {
            MutationResult result = push(buddy, mutation);
            assertEquals(MutationOutcome.REJECTED, result.outcome(), mutation.value());
            assertTrue(result.detail() != null && !result.detail().isBlank());
            assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM meeting WHERE id = ?", mutation.id()));
        }
        Mutation fromPhone = log(household, "{\"date\":\"" + today() + "\",\"what\":\"Koffie\"}");
        assertEquals(MutationOutcome.REJECTED, push(Fixtures.device(API, "T-MEET").token(), fromPhone).outcome());
        assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM meeting WHERE id = ?", fromPhone.id()));
    }

    @Test
    void aMeetingNamingATaskTheOfficerRemovedMeanwhileIsStoredWithoutItButAnotherHouseholdsTaskIsStillRefused() {
        String household = matched("T-MEET");
        String buddy = API.login(BUDDY);
        String officer = API.login(Fixtures.OFFICER);
        String kept = task(buddy, household, TaskAssignee.FAMILY);
        Api.Response made = API.post("/api/households/" + household + "/tasks", officer, Map.of(
                "titles", Map.of("nl", "Fiets ophalen bij de kringloop"), "assignee", "BUDDY"));
        assertEquals(201, made.status(), made.body());
        String removed = made.as(Task.class).id();
        // The phone wrote the meeting offline, naming both tasks; then the officer removed one.
        Mutation offline = log(household, "{\"date\":\"" + today() + "\",\"what\":\"Samen naar de kringloop\","
                + "\"taskIds\":[\"" + removed + "\",\"" + kept + "\"]}");
        assertEquals(204, API.send("DELETE", "/api/tasks/" + removed, officer, null).status());

        MutationResult result = push(buddy, offline);

        assertEquals(MutationOutcome.APPLIED, result.outcome(), result.detail());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM meeting WHERE id = ? AND task_ids = ?",
                offline.id(), kept), "the meeting is kept, without the removed task");

        String other = Fixtures.householdId(API, officer, "T-MEET-OTHER");
        matched("T-MEET-OTHER");
        String foreign = API.post("/api/households/" + other + "/tasks", officer, Map.of(
                "titles", Map.of("nl", "Taak van een ander gezin"), "assignee", "FAMILY")).as(Task.class).id();
        String foreignRemoved = API.post("/api/households/" + other + "/tasks", officer, Map.of(
                "titles", Map.of("nl", "Verwijderde taak van een ander gezin"), "assignee", "FAMILY")).as(Task.class).id();
        assertEquals(204, API.send("DELETE", "/api/tasks/" + foreignRemoved, officer, null).status());
        for (String taskId : List.of(foreign, foreignRemoved)) {
            Mutation wrong = log(household, "{\"date\":\"" + today() + "\",\"what\":\"Koffie\",\"taskIds\":[\"" + taskId + "\"]}");
            MutationResult refused = push(buddy, wrong);
            assertEquals(MutationOutcome.REJECTED, refused.outcome(), "another household's task is refused");
            assertEquals("taskIds holds a task that is not this household's.", refused.detail());
            assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM meeting WHERE id = ?", wrong.id()));
        }
    }

    @Test
    void theFriendPullsTheirOwnMeetingsAndTheFamilysPhoneNeverReceivesThem() {
        String household = matched("T-MEET");
        String buddy = API.login(BUDDY);
        String secret = "Notitie voor de coördinator " + UUID.randomUUID();
        Mutation first = log(household, "{\"date\":\"" + today() + "\",\"what\":\"Wandeling\",\"note\":\"" + secret + "\"}");
        assertEquals(MutationOutcome.APPLIED, push(buddy, first).outcome());

        List<String> whole = new ArrayList<>();
        long cursor = pullAll(buddy, 0, whole);
        assertTrue(whole.stream().anyMatch(json -> json.contains(first.id()) && json.contains(secret)), whole.toString());

        Mutation second = log(household, "{\"date\":\"" + today() + "\",\"what\":\"Naar de markt\"}");
        assertEquals(MutationOutcome.APPLIED, push(buddy, second).outcome());
        List<String> after = new ArrayList<>();
        pullAll(buddy, cursor, after);
        assertTrue(after.stream().anyMatch(json -> json.contains(second.id())), "the new meeting comes next");
        assertFalse(after.stream().anyMatch(json -> json.contains(first.id())), "the old one does not come again");

        String phone = Fixtures.device(API, "T-MEET").token();
        List<String> family = new ArrayList<>();
        pullAll(phone, 0, family);
        assertFalse(family.isEmpty());
        for (String page : family) {
            assertTrue(page.contains("\"meetings\":[]"), page);
            assertFalse(page.contains(secret) || page.contains(first.id()), "the family never receives the note");
        }
        List<String> other = new ArrayList<>();
        pullAll(API.login(Fixtures.BUDDY), 0, other);
        other.forEach(page -> assertFalse(page.contains(secret), "another friend never receives it"));
    }

    @Test
    void theFriendIsPromptedAfterThreeWeeksWithoutAMeetingAndTheCoordinatorAfterSix() {
        String household = matched("T-MEET-OTHER");
        String buddy = API.login(BUDDY);
        String officer = API.login(Fixtures.OFFICER);
        setMatchStart(household, 30);
        assertTrue(prompted(buddy, household), "30 days: the friend sees it");
        assertFalse(prompted(officer, household), "30 days: not yet for the coordinator");
        setMatchStart(household, 50);
        assertTrue(prompted(officer, household), "50 days: the coordinator sees it");
        Map<?, ?> row = rows(API.get("/api/meetings/prompts", officer)).stream()
                .filter(r -> household.equals(r.get("householdId"))).findFirst().orElseThrow();
        assertEquals("Meeter Testdorp", row.get("buddyName"));
        assertNull(row.get("lastMet"));

        assertEquals(201, API.post("/api/households/" + household + "/meetings", buddy,
                meeting(LocalDate.parse(today()).minusDays(2).toString(), "Samen thee gedronken", List.of(), null)).status());
        assertFalse(prompted(buddy, household), "a meeting two days ago: no prompt");
        assertFalse(prompted(officer, household));
        assertFalse(prompted(API.login(Fixtures.OTHER_OFFICER), household), "another municipality never sees it");
    }

    private static void setMatchStart(String household, int daysAgo) {
        TestServer.get().update("UPDATE buddy_match SET started_at = ? WHERE household_id = ? AND ended_at IS NULL",
                System.currentTimeMillis() - daysAgo * 86_400_000L, household);
    }

    private static boolean prompted(String token, String household) {
        return rows(API.get("/api/meetings/prompts", token)).stream().anyMatch(r -> household.equals(r.get("householdId")));
    }

    private static List<Map<?, ?>> rows(Api.Response response) {
        assertEquals(200, response.status(), response.body());
        List<Map<?, ?>> rows = new ArrayList<>();
        for (Object row : response.asListOf(Map.class)) {
            rows.add((Map<?, ?>) row);
        }
        return rows;
    }

    static Mutation log(String household, String value) {
        return new Mutation(UUID.randomUUID().toString(), MutationType.MEETING_LOG, household, 0,
                "2026-12-04T09:00:00Z", value);
    }

    static MutationResult push(String token, Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", token, new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        return response.as(PushResponse.class).results().get(0);
    }

    /** Pulls every page after {@code cursor}, keeping each page's raw JSON; returns the last cursor. */
    static long pullAll(String token, long cursor, List<String> pages) {
        boolean more;
        do {
            Api.Response response = API.get("/api/sync/pull?after=" + cursor, token);
            assertEquals(200, response.status(), response.body());
            pages.add(response.body());
            Map<?, ?> page = response.as(Map.class);
            assertNotNull(page.get("meetings"), "meetings is always present");
            cursor = ((Number) page.get("cursor")).longValue();
            more = (Boolean) page.get("hasMore");
        } while (more);
        return cursor;
    }
}
