package nl.welkom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Push by a household's phone and by its buddy, merged field by field with the officer's edits
 * (docs/sync.md, "Merging and conflicts"), on household T-MERGE (tasks "Merge 1" to "Merge 7").
 */
class PushMergeApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String household;
    private static Session phone;
    private static String buddy;

    @BeforeAll
    static void actors() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-MERGE");
        phone = Fixtures.device(API, "T-MERGE");
        buddy = API.login("helper@testdorp.test");
    }

    @Test
    void editsToDifferentFieldsMerge() {
        Task task = task("Merge 1");

        MutationResult note = push(phone.token(), setNote(task, "Bring the passport"));
        MutationResult done = push(buddy, new Mutation(id(), MutationType.TASK_COMPLETE, task.id(), task.version(),
                null, null));
        Task dated = patch(task.id(), Map.of("baseVersion", task.version(), "dueDate", "2027-01-15"));

        assertEquals(MutationOutcome.APPLIED, note.outcome());
        assertEquals(MutationOutcome.APPLIED, done.outcome());
        Task after = task("Merge 1");
        assertEquals(dated, after);
        assertEquals("Bring the passport", after.note());
        assertEquals(TaskStatus.DONE, after.status());
        assertEquals("2027-01-15", after.dueDate());
        assertEquals(task.version() + 3, after.version());
        assertEquals(0, conflictsOf(task.id()));
    }

    @Test
    void aSameFieldEditAfterAnUnseenChangeWinsAndKeepsTheOverwrittenValue() {
        Task task = task("Merge 2");

        MutationResult first = push(phone.token(), setNote(task, "Tuesday 10:00"));
        MutationResult second = push(buddy, setNote(task, "Wednesday 9:00"));

        assertEquals(MutationOutcome.APPLIED, first.outcome());
        assertEquals(MutationOutcome.APPLIED_WITH_CONFLICT, second.outcome());
        assertEquals("Wednesday 9:00", task("Merge 2").note(), "the edit that arrived last wins");
        ConflictRecord conflict = API.get("/api/conflicts", officer).asListOf(ConflictRecord.class).stream()
                .filter(record -> record.entityId().equals(task.id()))
                .findFirst().orElseThrow();
        assertEquals("note", conflict.field());
        assertEquals("Wednesday 9:00", conflict.currentValue());
        assertEquals("Tuesday 10:00", conflict.otherValue());
        assertEquals(household, conflict.householdId());
        assertEquals("task", conflict.entityType());
        assertNull(conflict.resolution());
    }

    @Test
    void aSameFieldEditWithTheSameValueIsAppliedWithoutConflict() {
        Task task = task("Merge 3");

        MutationResult phoneDone = push(phone.token(), new Mutation(id(), MutationType.TASK_COMPLETE, task.id(),
                task.version(), null, null));
        MutationResult buddyDone = push(buddy, new Mutation(id(), MutationType.TASK_COMPLETE, task.id(),
                task.version(), null, null));

        assertEquals(MutationOutcome.APPLIED, phoneDone.outcome());
        assertEquals(MutationOutcome.APPLIED, buddyDone.outcome());
        assertEquals(task.version() + 1, task("Merge 3").version(), "one write: both sides agreed");
        assertEquals(0, conflictsOf(task.id()));
    }

    @Test
    void aRetriedMutationIsAppliedOnceEvenAfterALaterEdit() {
        Task task = task("Merge 4");
        Mutation note = setNote(task, "First words");

        MutationResult first = push(phone.token(), note);
        Task later = patch(task.id(), Map.of("baseVersion", task.version() + 1, "note", "Officer's words"));
        MutationResult retry = push(phone.token(), note);

        assertEquals(MutationOutcome.APPLIED, first.outcome());
        assertEquals(MutationOutcome.ALREADY_APPLIED, retry.outcome());
        assertEquals(later, task("Merge 4"));
        assertEquals("Officer's words", later.note());
        assertEquals(task.version() + 2, later.version());
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM applied_mutation WHERE mutation_id = ?",
                note.id()));
        assertEquals(MutationOutcome.REJECTED, push(buddy, note).outcome(), "another actor cannot reuse the id");
    }

    @Test
    void aTooLongNoteIsRejectedWhileTheRestOfTheBatchApplies() {
        Task five = task("Merge 5");
        Task six = task("Merge 6");
        Task seven = task("Merge 7");
        Mutation tooLong = setNote(five, "x".repeat(501));
        List<Mutation> batch = List.of(tooLong,
                new Mutation(id(), MutationType.TASK_COMPLETE, six.id(), six.version(), null, null),
                setNote(seven, "y".repeat(500)));

        Api.Response response = API.post("/api/sync/push", phone.token(), new PushRequest(batch));

        assertEquals(200, response.status(), response.body());
        List<MutationResult> results = response.as(PushResponse.class).results();
        assertEquals(List.of(MutationOutcome.REJECTED, MutationOutcome.APPLIED, MutationOutcome.APPLIED),
                results.stream().map(MutationResult::outcome).toList());
        assertTrue(results.get(0).detail().contains("500"), results.get(0).detail());
        assertNull(task("Merge 5").note());
        assertEquals(five.version(), task("Merge 5").version());
        assertEquals(TaskStatus.DONE, task("Merge 6").status());
        assertEquals(500, task("Merge 7").note().length());
        MutationResult retried = push(phone.token(), tooLong);
        assertEquals(MutationOutcome.REJECTED, retried.outcome());
        assertEquals(results.get(0).detail(), retried.detail(), "a retry hears the same reason");
    }

    @Test
    void aBuddyPushesOnlyForMatchedHouseholds() {
        Task matched = task("Merge 6");
        String other = Fixtures.householdId(API, officer, "T-PAGE");
        Task unmatched = API.get("/api/households/" + other + "/tasks", officer).asListOf(Task.class).get(0);

        MutationResult inScope = push(buddy, setNote(matched, "Checked by the family friend"));
        MutationResult outOfScope = push(buddy, setNote(unmatched, "Not mine"));

        assertEquals(MutationOutcome.APPLIED, inScope.outcome());
        assertEquals(MutationOutcome.REJECTED, outOfScope.outcome());
        assertTrue(outOfScope.detail() != null && !outOfScope.detail().isEmpty());
        assertEquals(unmatched.version(), API.get("/api/households/" + other + "/tasks", officer)
                .asListOf(Task.class).get(0).version());
    }

    @Test
    void anUnknownMutationTypeIsABadRequest() {
        API.post("/api/sync/push", phone.token(),
                "{\"mutations\":[{\"id\":\"m\",\"type\":\"TASK_DELETE\",\"entityId\":\"t\",\"baseVersion\":1}]}")
                .problem(400);
        API.post("/api/sync/push", buddy, "{\"mutations\":").problem(400);
    }

    private static Mutation setNote(Task task, String note) {
        return new Mutation(id(), MutationType.TASK_SET_NOTE, task.id(), task.version(), "2026-11-23T10:00:00Z", note);
    }

    private static String id() {
        return UUID.randomUUID().toString();
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

    private static long conflictsOf(String taskId) {
        return TestServer.get().queryLong("SELECT count(*) FROM conflict WHERE entity_id = ?", taskId);
    }

    private static MutationResult push(String token, Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", token, new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        PushResponse push = response.as(PushResponse.class);
        assertEquals(1, push.results().size());
        return push.results().get(0);
    }
}
