package nl.welkom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.PullResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pull for family friends (buddies): scope by active matches, minimal fields, scope changes, paging. */
class BuddyPullApiTest {
    private static final Api API = new Api();
    private static final String FRIEND = "friend@testdorp.test";
    private static final String PAGER = "pager@testdorp.test";
    private static String officer;

    @BeforeAll
    static void login() {
        officer = API.login(Fixtures.OFFICER);
    }

    @Test
    void aBuddyPullBringsOnlyMatchedHouseholdsWithMinimalFields() {
        String buddy = API.login(Fixtures.BUDDY);
        String scope = Fixtures.householdId(API, officer, "T-SCOPE");

        Api.Response response = API.get("/api/sync/pull?after=0", buddy);
        PullResponse pull = response.as(PullResponse.class);

        assertEquals(200, response.status(), response.body());
        // Other test classes share the server and may match the fixture friend too: every household in the
        // pull must be one the friend may open (a match), and the fixture's match must be among them.
        List<String> ids = pull.households().stream().map(Household::id).toList();
        assertTrue(ids.contains(scope), ids.toString());
        for (String id : ids) {
            assertEquals(200, API.get("/api/households/" + id, buddy).status(), "not matched: " + id);
        }
        Household household = pull.households().stream().filter(h -> h.id().equals(scope)).findFirst().orElseThrow();
        assertEquals("Family Scope", household.displayName());
        assertEquals(List.of("ar", "en"), household.languages());
        assertNull(household.reference());
        assertNull(household.nationality());
        assertNull(household.campOfOrigin());
        assertNull(household.arrivalPath());
        assertEquals(List.of("Member One", "Member Two"),
                household.members().stream().map(member -> member.displayName()).toList());
        assertEquals(List.of(List.of("ar"), List.of("ar", "en")),
                household.members().stream().map(member -> member.languages()).toList());
        for (String absent : List.of("reference", "nationality", "campOfOrigin", "arrivalPath", "birthYear",
                "Zaatari", "T-SCOPE", ":1985")) { // the birth year as a value, not digits inside a random id
            assertFalse(response.body().contains(absent), absent + " in " + response.body());
        }
        assertEquals(taskIds(scope), pull.tasks().stream().filter(task -> task.householdId().equals(scope))
                .map(Task::id).collect(Collectors.toSet()));
        assertTrue(pull.tasks().stream().allMatch(task -> ids.contains(task.householdId())),
                "only tasks of matched households");
    }

    @Test
    void endingAMatchRemovesTheHouseholdAndANewMatchBringsItBackWithAllItsTasks() {
        String friend = API.login(FRIEND);
        String friendId = Fixtures.buddyId(API, officer, FRIEND);
        String household = Fixtures.householdId(API, officer, "T-MATCH");
        long cursor = drain(friend, 0, 200).cursor;

        String match = Fixtures.match(API, officer, household, friendId);
        PullResponse entered = pull(friend, cursor, 200);
        assertEquals(List.of(household), entered.households().stream().map(Household::id).toList());
        assertEquals(taskIds(household), entered.tasks().stream().map(Task::id).collect(Collectors.toSet()),
                "all live tasks, although they changed before the cursor");
        assertEquals(3, entered.tasks().size());
        assertTrue(entered.removedHouseholdIds().isEmpty());

        Fixtures.endMatch(API, officer, match);
        PullResponse left = pull(friend, entered.cursor(), 200);
        assertEquals(List.of(household), left.removedHouseholdIds());
        assertTrue(left.households().isEmpty() && left.tasks().isEmpty() && left.deletedTaskIds().isEmpty());

        Task edited = editNote(firstTask(household), "Changed while the friend was away");
        PullResponse away = pull(friend, left.cursor(), 200);
        assertTrue(away.households().isEmpty() && away.tasks().isEmpty() && away.removedHouseholdIds().isEmpty(),
                "a change out of scope is not the friend's");
        assertTrue(away.cursor() > left.cursor(), "the cursor moves past it to the head (docs/sync.md)");

        String again = Fixtures.match(API, officer, household, friendId);
        PullResponse back = pull(friend, away.cursor(), 200);
        assertEquals(List.of(household), back.households().stream().map(Household::id).toList());
        assertEquals(taskIds(household), back.tasks().stream().map(Task::id).collect(Collectors.toSet()));
        assertEquals("Changed while the friend was away", back.tasks().stream()
                .filter(task -> task.id().equals(edited.id())).findFirst().orElseThrow().note());
        assertTrue(back.removedHouseholdIds().isEmpty());
        Fixtures.endMatch(API, officer, again);
    }

    @Test
    void pagingOneChangeAtATimeOverHouseholdTaskAndScopeChangesLosesNothing() throws SQLException {
        String pager = API.login(PAGER);
        String pagerId = Fixtures.buddyId(API, officer, PAGER);
        String mixA = Fixtures.householdId(API, officer, "T-MIX-A");
        String mixB = Fixtures.householdId(API, officer, "T-MIX-B");
        Phone phone = new Phone();
        phone.syncAll(pager, 1);

        String matchA = Fixtures.match(API, officer, mixA, pagerId);
        editNote(firstTask(mixA), "A, while matched");
        phone.pages(pager, 1, 2);
        String matchB = Fixtures.match(API, officer, mixB, pagerId);
        Fixtures.endMatch(API, officer, matchA);
        Task b1 = firstTask(mixB);
        setStatus(b1, b1.status() == TaskStatus.DONE ? TaskStatus.OPEN : TaskStatus.DONE);
        touchHousehold(mixB);
        editNote(firstTask(mixA), "A, after the match ended");
        editNote(firstTask(mixB), "B, after everything");
        List<PullResponse> pages = phone.syncAll(pager, 1);

        assertTrue(pages.size() >= 3, "several pages: " + pages.size());
        for (PullResponse page : pages) {
            int items = page.households().size() + page.tasks().size() + page.deletedTaskIds().size()
                    + page.removedHouseholdIds().size();
            boolean entering = page.households().size() == 1 && page.deletedTaskIds().isEmpty()
                    && page.removedHouseholdIds().isEmpty() && page.tasks().stream()
                    .allMatch(task -> task.householdId().equals(page.households().get(0).id()));
            assertTrue(items <= 1 || entering, "one change per page, or one household entering whole: " + page);
        }
        Map<String, Task> truth = tasksById(mixB);
        assertEquals(Set.of(mixB), phone.households.keySet());
        assertEquals(truth, phone.tasks, "the phone holds exactly the server's tasks of B");

        Phone fresh = new Phone();
        fresh.syncAll(pager, 1000);
        assertEquals(fresh.households, phone.households);
        assertEquals(fresh.tasks, phone.tasks);
        assertEquals(fresh.cursor, phone.cursor);
        Fixtures.endMatch(API, officer, matchB);
    }

    @Test
    void contentVersionCombinesTheEtagsOfContentCourseAndPhrasebookOfTheChainAndTheCallersPlaces() {
        String buddy = API.login(Fixtures.BUDDY);

        String arabic = API.get("/api/sync/pull?after=0&limit=1&lang=ar,en", buddy).as(PullResponse.class)
                .contentVersion();
        String english = API.get("/api/sync/pull?after=0&limit=1&lang=en", buddy).as(PullResponse.class)
                .contentVersion();

        assertEquals(combined("ar,en", buddy), arabic);
        assertEquals(combined("en", buddy), english);
        assertNotEquals(arabic, english);
        assertNull(API.get("/api/sync/pull?after=0&limit=1", buddy).as(PullResponse.class).contentVersion());
    }

    @Test
    void anUpToDateBuddyPullIsAnEmptyPageWithTheContentVersion() {
        String buddy = API.login(Fixtures.BUDDY);
        long cursor = drain(buddy, 0, 1000).cursor;
        String version = combined("ar", buddy);

        Api.Response response = API.get("/api/sync/pull?after=" + cursor + "&lang=ar", buddy);

        assertEquals("{\"cursor\":" + cursor + ",\"hasMore\":false,\"households\":[],\"tasks\":[],"
                + "\"deletedTaskIds\":[],\"removedHouseholdIds\":[],\"contentVersion\":\"" + version + "\",\"appointments\":[],\"messages\":[],\"announcements\":[],\"meetings\":[]}",
                response.body());
    }

    @Test
    void officersEditorsAndAdminsDoNotSync() {
        API.get("/api/sync/pull", officer).problem(403);
        API.post("/api/sync/push", API.login(Fixtures.EDITOR), "{\"mutations\":[]}").problem(403);
        API.get("/api/sync/pull", API.login(Fixtures.ADMIN)).problem(403);
        API.get("/api/sync/pull", null).problem(401);
    }

    /** A phone's store, applied page by page as docs/sync.md says. */
    private static final class Phone {
        final Map<String, Household> households = new HashMap<>();
        final Map<String, Task> tasks = new HashMap<>();
        long cursor;

        List<PullResponse> syncAll(String token, int limit) {
            return pages(token, limit, Integer.MAX_VALUE);
        }

        List<PullResponse> pages(String token, int limit, int most) {
            List<PullResponse> pages = new ArrayList<>();
            PullResponse page;
            do {
                page = pull(token, cursor, limit);
                apply(page);
                pages.add(page);
            } while (page.hasMore() && pages.size() < most);
            return pages;
        }

        private void apply(PullResponse page) {
            assertTrue(page.cursor() >= cursor, "the cursor never goes back");
            assertTrue(!page.hasMore() || page.cursor() > cursor, "a page with more to come advances the cursor");
            for (String removed : page.removedHouseholdIds()) {
                households.remove(removed);
                tasks.values().removeIf(task -> task.householdId().equals(removed));
            }
            page.deletedTaskIds().forEach(tasks::remove);
            page.households().forEach(household -> households.put(household.id(), household));
            page.tasks().forEach(task -> tasks.put(task.id(), task));
            cursor = page.cursor();
        }
    }

    private static Phone drain(String token, long after, int limit) {
        Phone phone = new Phone();
        phone.cursor = after;
        phone.syncAll(token, limit);
        return phone;
    }

    private static PullResponse pull(String token, long after, int limit) {
        Api.Response response = API.get("/api/sync/pull?after=" + after + "&limit=" + limit, token);
        assertEquals(200, response.status(), response.body());
        return response.as(PullResponse.class);
    }

    private static Map<String, Task> tasksById(String householdId) {
        return API.get("/api/households/" + householdId + "/tasks", officer).asListOf(Task.class).stream()
                .collect(Collectors.toMap(Task::id, task -> task));
    }

    private static Set<String> taskIds(String householdId) {
        return tasksById(householdId).keySet();
    }

    private static Task firstTask(String householdId) {
        return API.get("/api/households/" + householdId + "/tasks", officer).asListOf(Task.class).get(0);
    }

    private static Task editNote(Task task, String note) {
        Api.Response response = API.patch("/api/tasks/" + task.id(), officer,
                Map.of("baseVersion", task.version(), "note", note));
        assertEquals(200, response.status(), response.body());
        return response.as(Task.class);
    }

    private static void setStatus(Task task, TaskStatus status) {
        Api.Response response = API.patch("/api/tasks/" + task.id(), officer,
                Map.of("baseVersion", task.version(), "status", status.name()));
        assertEquals(200, response.status(), response.body());
    }

    /** A household edit as the server would write it (no endpoint edits households yet): new version, next seq. */
    private static void touchHousehold(String householdId) throws SQLException {
        try (Connection connection = TestServer.get().database()) {
            connection.setAutoCommit(false);
            try (PreparedStatement next = connection.prepareStatement(
                    "UPDATE change_sequence SET last_seq = last_seq + 1 WHERE id = 1");
                 PreparedStatement touch = connection.prepareStatement("UPDATE household SET version = version + 1,"
                         + " change_seq = (SELECT last_seq FROM change_sequence WHERE id = 1) WHERE id = ?")) {
                next.executeUpdate();
                touch.setString(1, householdId);
                assertEquals(1, touch.executeUpdate());
            }
            connection.commit();
        }
    }

    /** What a pull's contentVersion must be: the four ETags of the chain, combined (docs/sync.md). */
    static String combined(String lang, String token) {
        return Versions.combine(etag("/api/content?lang=" + lang, null), etag("/api/course?lang=" + lang, null),
                etag("/api/phrasebook?lang=" + lang, null), etag("/api/places?lang=" + lang, token));
    }

    private static String etag(String path, String token) {
        return API.get(path, token).header("ETag").replace("\"", "");
    }
}
