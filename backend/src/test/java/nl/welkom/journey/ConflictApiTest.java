package nl.welkom.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.Session;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.ConflictResolution;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import nl.welkom.model.sync.ResolveConflictRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Officers' task edits ({@code PATCH /api/tasks/{id}}) and conflicts, on household T-CONFLICT. */
class ConflictApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String household;
    private static Session phone;

    @BeforeAll
    static void actors() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-CONFLICT");
        phone = Fixtures.device(API, "T-CONFLICT");
    }

    @Test
    void anOfficerSeesAnOpenConflictAndKeepsTheCurrentValue() {
        Task task = task("Conflict 1");
        push(new Mutation(UUID.randomUUID().toString(), MutationType.TASK_SET_NOTE, task.id(), task.version(), null,
                "From the phone"));
        Task edited = patch(task.id(), Map.of("baseVersion", task.version(), "note", "From the office"));
        ConflictRecord open = openConflictOf(task.id());
        long audited = audits("conflict.resolve");

        Api.Response response = API.post("/api/conflicts/" + open.id() + "/resolve", officer,
                new ResolveConflictRequest(ConflictResolution.KEEP_CURRENT));

        assertEquals("note", open.field());
        assertEquals("From the office", open.currentValue());
        assertEquals("From the phone", open.otherValue());
        assertEquals(200, response.status(), response.body());
        ConflictRecord resolved = response.as(ConflictRecord.class);
        assertEquals(ConflictResolution.KEEP_CURRENT, resolved.resolution());
        assertNotNull(resolved.resolvedAt());
        assertEquals(edited, task("Conflict 1"), "keeping changes nothing");
        assertFalse(openConflictIds().contains(open.id()));
        assertEquals(audited + 1, audits("conflict.resolve"));
        Problem again = API.post("/api/conflicts/" + open.id() + "/resolve", officer,
                new ResolveConflictRequest(ConflictResolution.RESTORE_OTHER)).problem(409);
        assertTrue(again.type().endsWith("/conflict-resolved"), again.type());
    }

    @Test
    void restoringTheOtherValueIsANewEditThatReachesThePhone() {
        Task task = task("Conflict 2");
        long cursor = drain(0);
        patch(task.id(), Map.of("baseVersion", task.version(), "status", "DONE"));
        MutationOutcome outcome = push(new Mutation(UUID.randomUUID().toString(), MutationType.TASK_REOPEN, task.id(),
                task.version(), null, null));
        ConflictRecord open = openConflictOf(task.id());
        Task beforeRestore = task("Conflict 2");

        ConflictRecord resolved = API.post("/api/conflicts/" + open.id() + "/resolve", officer,
                new ResolveConflictRequest(ConflictResolution.RESTORE_OTHER)).as(ConflictRecord.class);

        assertEquals(MutationOutcome.APPLIED_WITH_CONFLICT, outcome);
        assertEquals("status", open.field());
        assertEquals("OPEN", open.currentValue());
        assertEquals("DONE", open.otherValue());
        assertEquals(TaskStatus.OPEN, beforeRestore.status());
        assertEquals(ConflictResolution.RESTORE_OTHER, resolved.resolution());
        Task restored = task("Conflict 2");
        assertEquals(TaskStatus.DONE, restored.status());
        assertEquals(beforeRestore.version() + 1, restored.version());
        PullResponse pull = API.get("/api/sync/pull?after=" + cursor, phone.token()).as(PullResponse.class);
        assertEquals(restored, pull.tasks().stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow());
        assertEquals(0, TestServer.get().queryLong(
                "SELECT count(*) FROM conflict WHERE entity_id = ? AND resolved_at IS NULL", task.id()),
                "restoring makes no new conflict");
    }

    @Test
    void aDueDateConflictCanBeRestored() {
        Task task = task("Conflict 3");
        patch(task.id(), Map.of("baseVersion", task.version(), "dueDate", "2027-01-01"));
        patch(task.id(), Map.of("baseVersion", task.version(), "dueDate", "2027-02-02"));
        ConflictRecord open = openConflictOf(task.id());

        API.post("/api/conflicts/" + open.id() + "/resolve", officer,
                new ResolveConflictRequest(ConflictResolution.RESTORE_OTHER)).as(ConflictRecord.class);

        assertEquals("dueDate", open.field());
        assertEquals("2027-02-02", open.currentValue());
        assertEquals("2027-01-01", open.otherValue());
        assertEquals("2027-01-01", task("Conflict 3").dueDate());
    }

    @Test
    void anOfficerEditChangesOnlyTheNamedFieldsAndClearsWithAnEmptyString() {
        Task task = task("Conflict 4");

        Task noted = patch(task.id(),
                Map.of("baseVersion", task.version(), "note", "Call first", "dueDate", "2027-03-01"));
        Task cleared = patch(task.id(), Map.of("baseVersion", noted.version(), "note", ""));

        assertEquals("Call first", noted.note());
        assertEquals("2027-03-01", noted.dueDate());
        assertEquals(task.status(), noted.status());
        assertEquals(task.version() + 1, noted.version(), "one edit, one version");
        assertNull(cleared.note());
        assertEquals("2027-03-01", cleared.dueDate());
        assertEquals("OFFICER", noted.noteByRole(), "a note says who wrote it");
        assertEquals("Officer Testdorp", noted.noteByName());
        assertNotNull(noted.noteAt());
        assertNull(cleared.noteByRole(), "no note, no author");
        assertNull(cleared.noteAt());
    }

    @Test
    void aNoteFromTheFamilysPhoneSaysTheFamilyWroteItAndWhenWithoutAName() {
        Task task = task("Conflict 3");

        assertEquals(MutationOutcome.APPLIED, push(new Mutation(UUID.randomUUID().toString(), MutationType.TASK_SET_NOTE,
                task.id(), task.version(), null, "Afspraak dinsdag")));

        Task noted = task("Conflict 3");
        assertEquals("Afspraak dinsdag", noted.note());
        assertEquals("NEWCOMER", noted.noteByRole());
        assertNull(noted.noteByName(), "the family has no name to show; readers say 'your family'");
        assertNotNull(noted.noteAt());
        assertEquals(task.dueDate(), noted.dueDate(), "only the note changed");
    }

    @Test
    void badEditsAndBadResolutionsAre400Problems() {
        Task task = task("Conflict 4");
        String path = "/api/tasks/" + task.id();

        API.patch(path, officer, Map.of("baseVersion", task.version())).problem(400);
        API.patch(path, officer, Map.of("baseVersion", task.version(), "dueDate", "next Tuesday")).problem(400);
        API.patch(path, officer, Map.of("baseVersion", task.version(), "note", "z".repeat(501))).problem(400);
        API.patch(path, officer, "{\"baseVersion\":1,\"status\":\"MAYBE\"}").problem(400);
        API.patch(path, officer, "{\"baseVersion\":").problem(400);
        assertTrue(API.patch(path, officer, "{\"note\":\"x\"}").problem(400).detail().contains("baseVersion"));
        API.post("/api/conflicts/any/resolve", officer, "{\"resolution\":\"MAYBE\"}").problem(400);
        API.post("/api/conflicts/any/resolve", officer, "{}").problem(400);
        API.post("/api/conflicts/any/resolve", officer, "{\"resolution\":").problem(400);
        assertEquals(task.version(), task("Conflict 4").version());
    }

    @Test
    void otherMunicipalitiesGet404AndOtherRolesGet403() {
        Task task = task("Conflict 1");
        String other = API.login(Fixtures.OTHER_OFFICER);
        String otherHousehold = Fixtures.householdId(API, other, "A-OTHER");
        Task otherTask = API.get("/api/households/" + otherHousehold + "/tasks", other).asListOf(Task.class).get(0);
        API.patch("/api/tasks/" + otherTask.id(), other, Map.of("baseVersion", otherTask.version(), "note", "One"));
        API.patch("/api/tasks/" + otherTask.id(), other, Map.of("baseVersion", otherTask.version(), "note", "Two"));
        ConflictRecord foreign = API.get("/api/conflicts", other).asListOf(ConflictRecord.class).get(0);
        String buddy = API.login(Fixtures.BUDDY);
        String resolve = "/api/conflicts/" + foreign.id() + "/resolve";
        ResolveConflictRequest keep = new ResolveConflictRequest(ConflictResolution.KEEP_CURRENT);

        assertTrue(API.get("/api/conflicts", other).asListOf(ConflictRecord.class).stream()
                .allMatch(record -> record.householdId().equals(otherHousehold)));
        assertTrue(openConflictIds().stream().noneMatch(id -> id.equals(foreign.id())));
        API.post(resolve, officer, keep).problem(404);
        API.patch("/api/tasks/" + otherTask.id(), officer, Map.of("baseVersion", 1, "note", "x")).problem(404);
        API.patch("/api/tasks/" + task.id(), other, Map.of("baseVersion", 1, "note", "x")).problem(404);
        API.get("/api/conflicts", buddy).problem(403);
        API.post(resolve, buddy, keep).problem(403);
        API.patch("/api/tasks/" + task.id(), buddy, Map.of("baseVersion", 1, "note", "x")).problem(403);
        API.get("/api/conflicts", phone.token()).problem(403);
        API.post(resolve, phone.token(), keep).problem(403);
        API.patch("/api/tasks/" + task.id(), phone.token(), Map.of("baseVersion", 1, "note", "x")).problem(403);
        API.get("/api/conflicts", null).problem(401);
    }

    private static MutationOutcome push(Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", phone.token(), new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        return response.as(PushResponse.class).results().get(0).outcome();
    }

    private static long drain(long after) {
        PullResponse page;
        long cursor = after;
        do {
            page = API.get("/api/sync/pull?after=" + cursor + "&limit=1000", phone.token()).as(PullResponse.class);
            cursor = page.cursor();
        } while (page.hasMore());
        return cursor;
    }

    private static ConflictRecord openConflictOf(String taskId) {
        return API.get("/api/conflicts", officer).asListOf(ConflictRecord.class).stream()
                .filter(record -> record.entityId().equals(taskId))
                .findFirst().orElseThrow(() -> new AssertionError("no open conflict for " + taskId));
    }

    private static List<String> openConflictIds() {
        return API.get("/api/conflicts", officer).asListOf(ConflictRecord.class).stream()
                .map(ConflictRecord::id).toList();
    }

    private static Task task(String title) {
        return API.get("/api/households/" + household + "/tasks", officer).asListOf(Task.class).stream()
                .filter(task -> task.titles().get("nl").equals(title))
                .findFirst().orElseThrow();
    }

    private static Task patch(String taskId, Map<String, Object> body) {
        Api.Response response = API.patch("/api/tasks/" + taskId, officer, body);
        assertEquals(200, response.status(), response.body());
        return response.as(Task.class);
    }

    private static long audits(String action) {
        return TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ?",
                action, household);
    }
}
