package nl.welkom.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
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

/**
 * An officer makes, edits, reopens and removes tasks through the API ({@code POST /api/households/{id}/tasks},
 * {@code PATCH} and {@code DELETE /api/tasks/{id}}), on household T-TASKS; the family's phone pulls the result.
 */
class TaskApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String household;
    private static Session phone;

    @BeforeAll
    static void actors() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-TASKS");
        phone = Fixtures.device(API, "T-TASKS");
    }

    @Test
    void anOfficerMakesATaskAndTheFamilysPhonePullsItWithItsTitles() {
        long cursor = pull(0).cursor();
        long audited = audits("task.create");

        Api.Response response = API.post("/api/households/" + household + "/tasks", officer, Map.of(
                "titles", Map.of("nl", "Afspraak bij de huisarts", "en", "Appointment with the GP"),
                "assignee", "FAMILY", "dueDate", "2027-01-15", "note", "Neem de verzekeringspas mee"));

        assertEquals(201, response.status(), response.body());
        Task made = response.as(Task.class);
        assertEquals(Map.of("nl", "Afspraak bij de huisarts", "en", "Appointment with the GP"), made.titles());
        assertEquals(JourneyStage.HOUSING_AND_REGISTRATION, made.stage(), "the household's current stage");
        assertEquals(TaskAssignee.FAMILY, made.assignee());
        assertEquals("2027-01-15", made.dueDate());
        assertEquals(TaskStatus.OPEN, made.status());
        assertEquals(1, made.version());
        assertEquals("Neem de verzekeringspas mee", made.note());
        assertEquals("OFFICER", made.noteByRole());
        assertEquals("Officer Testdorp", made.noteByName());
        assertTrue(pull(cursor).tasks().contains(made), "the phone pulls the new task");
        assertEquals(audited + 1, audits("task.create"));
    }

    @Test
    void makingATaskWithBadInputIsRefusedWithADetailAndStoresNothing() {
        long before = liveTasks();
        Map<String, Object> good = new HashMap<>(Map.of("titles", Map.of("nl", "Goed"), "assignee", "FAMILY"));

        assertTrue(refusedCreate(with(good, "titles", Map.of("en", "Only English"))).contains("titles.nl"));
        assertTrue(refusedCreate(with(good, "titles", Map.of("nl", "  "))).contains("titles.nl"));
        assertTrue(refusedCreate(with(good, "titles", Map.of("nl", "x".repeat(201)))).contains("200"));
        assertTrue(refusedCreate(with(good, "titles", Map.of("nl", "Twee\nregels"))).contains("control"));
        assertTrue(refusedCreate(with(good, "titles", Map.of("nl", "Goed", "english!", "x"))).contains("language"));
        assertTrue(refusedCreate(with(good, "dueDate", "1999-12-31")).contains("2000-01-01 and 2100-12-31"));
        assertTrue(refusedCreate(with(good, "dueDate", "2101-01-01")).contains("2000-01-01 and 2100-12-31"));
        assertTrue(refusedCreate(with(good, "dueDate", "next Tuesday")).contains("ISO-8601"));
        assertTrue(refusedCreate(with(good, "note", "n".repeat(501))).contains("500"));
        assertTrue(refusedCreate(with(good, "assignee", null)).contains("assignee"));
        API.post("/api/households/" + household + "/tasks", officer, "{\"titles\":{\"nl\":\"x\"},\"assignee\":\"NOBODY\"}")
                .problem(400);
        API.post("/api/households/" + household + "/tasks", officer, "{not json").problem(400);
        assertEquals(before, liveTasks(), "no refused task was stored");
    }

    @Test
    void anOfficerEditsTitleAndAssigneeAndOtherLanguagesFollowTheDutchTitle() {
        Task task = task("Taken 1");
        assertEquals(Map.of("nl", "Taken 1", "en", "Tasks 1", "ti", "ዕዮ 1"), task.titles());

        Task english = patch(task.id(), Map.of("baseVersion", task.version(), "titles", Map.of("en", "Task one")));
        Task dutch = patch(task.id(), Map.of("baseVersion", english.version(),
                "titles", Map.of("nl", "Taak een", "en", "Task one"), "assignee", "BUDDY"));
        Task unchanged = patch(task.id(), Map.of("baseVersion", dutch.version(), "titles", Map.of("nl", "Taak een")));

        assertEquals(Map.of("nl", "Taken 1", "en", "Task one", "ti", "ዕዮ 1"), english.titles(),
                "the same Dutch title keeps the other translations");
        assertEquals(Map.of("nl", "Taak een", "en", "Task one"), dutch.titles(),
                "a new Dutch title drops the translations of the old one");
        assertEquals(TaskAssignee.BUDDY, dutch.assignee());
        assertEquals(task.version() + 2, dutch.version());
        assertEquals(dutch, unchanged, "sending what is there changes nothing");
        API.patch("/api/tasks/" + task.id(), officer, Map.of("baseVersion", 1, "titles", Map.of("nl", "")))
                .problem(400);
        API.patch("/api/tasks/" + task.id(), officer, "{\"baseVersion\":1,\"assignee\":\"NOBODY\"}").problem(400);
        assertEquals(dutch, task("Taak een"), "refused edits change nothing");
    }

    @Test
    void aStaleTitleOrAssigneeEditLeavesAConflictThatSaysWhoWroteEachSide() {
        Task task = task("Taken 2");
        patch(task.id(), Map.of("baseVersion", task.version(), "titles", Map.of("nl", "Eerste versie"),
                "assignee", "OFFICER"));

        Task stale = patch(task.id(), Map.of("baseVersion", task.version(), "titles", Map.of("nl", "Tweede versie"),
                "assignee", "BUDDY"));
        List<ConflictRecord> conflicts = API.get("/api/conflicts", officer).asListOf(ConflictRecord.class).stream()
                .filter(conflict -> conflict.entityId().equals(task.id())).toList();
        ConflictRecord title = conflicts.stream().filter(c -> c.field().equals("title")).findFirst().orElseThrow();
        ConflictRecord assignee = conflicts.stream().filter(c -> c.field().equals("assignee")).findFirst().orElseThrow();
        long authors = TestServer.get().queryLong("SELECT COUNT(*) FROM conflict WHERE entity_id = ? AND actor_role = 'OFFICER'"
                + " AND actor_name = 'Officer Testdorp' AND other_role = 'OFFICER' AND other_at IS NOT NULL", task.id());

        assertEquals(Map.of("nl", "Tweede versie"), stale.titles(), "the edit that arrived last wins");
        assertEquals("nl:Tweede versie", title.currentValue());
        assertEquals("nl:Eerste versie", title.otherValue());
        assertEquals("BUDDY", assignee.currentValue());
        assertEquals("OFFICER", assignee.otherValue());
        assertEquals(2, authors, "each conflict names who made either change");

        API.post("/api/conflicts/" + title.id() + "/resolve", officer,
                new ResolveConflictRequest(ConflictResolution.RESTORE_OTHER));
        assertEquals(Map.of("nl", "Eerste versie"), task("Eerste versie").titles(), "restoring brings the old title back");
    }

    @Test
    void dueDatesBefore2000OrAfter2100AreRefusedOnTheApiAndOnThePathPhonesUse() {
        Task task = task("Taken 3");

        Api.Response early = API.patch("/api/tasks/" + task.id(), officer,
                Map.of("baseVersion", task.version(), "dueDate", "1999-12-31"));
        Api.Response late = API.patch("/api/tasks/" + task.id(), officer,
                Map.of("baseVersion", task.version(), "dueDate", "2101-01-01"));
        Task first = patch(task.id(), Map.of("baseVersion", task.version(), "dueDate", "2000-01-01"));
        Task last = patch(task.id(), Map.of("baseVersion", first.version(), "dueDate", "2100-12-31"));
        TaskService.Edited pushed = applyAsThePhone(task.id(), Map.of(TaskField.DUE_DATE, "1999-12-31"), last.version());

        assertEquals("dueDate must lie between 2000-01-01 and 2100-12-31.", early.problem(400).detail());
        assertEquals("dueDate must lie between 2000-01-01 and 2100-12-31.", late.problem(400).detail());
        assertEquals("2000-01-01", first.dueDate());
        assertEquals("2100-12-31", last.dueDate());
        assertEquals(MutationOutcome.REJECTED, pushed.outcome());
        assertEquals(TaskField.DUE_OUT_OF_RANGE, pushed.detail());
        assertEquals(last, task("Taken 3"), "a refused date stores nothing");
    }

    @Test
    void anOfficerReopensADoneTask() {
        Task task = made("Heropenen");
        Task done = API.put("/api/tasks/" + task.id() + "/status", officer,
                Map.of("status", "DONE", "baseVersion", task.version())).as(Task.class);

        Task reopened = patch(task.id(), Map.of("baseVersion", done.version(), "status", "OPEN"));

        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(TaskStatus.OPEN, reopened.status());
        assertNull(reopened.completedAt());
    }

    @Test
    void aRemovedTaskIsATombstoneThatPhonesDrop() {
        Task task = made("Weg ermee");
        long cursor = pull(0).cursor();
        long audited = audits("task.delete");

        Api.Response removed = API.send("DELETE", "/api/tasks/" + task.id(), officer, null);

        assertEquals(204, removed.status(), removed.body());
        assertFalse(tasks().stream().anyMatch(t -> t.id().equals(task.id())));
        assertTrue(pull(cursor).deletedTaskIds().contains(task.id()), "the phone learns to drop it");
        assertEquals(audited + 1, audits("task.delete"));
        API.send("DELETE", "/api/tasks/" + task.id(), officer, null).problem(404);
        API.patch("/api/tasks/" + task.id(), officer, Map.of("baseVersion", 9, "note", "x")).problem(404);
        assertEquals(MutationOutcome.REJECTED, push(new Mutation(UUID.randomUUID().toString(),
                MutationType.TASK_COMPLETE, task.id(), task.version(), null, null)));
    }

    @Test
    void onlyTheOfficerOfTheHouseholdsMunicipalityMakesEditsOrRemovesTasks() {
        Task task = task("Taken 3");
        String other = API.login(Fixtures.OTHER_OFFICER);
        String buddy = API.login(Fixtures.BUDDY);
        String editor = API.login(Fixtures.EDITOR);
        String admin = API.login(Fixtures.ADMIN);
        String create = "/api/households/" + household + "/tasks";
        Map<String, Object> body = Map.of("titles", Map.of("nl", "Niet toegestaan"), "assignee", "FAMILY");
        Map<String, Object> edit = Map.of("baseVersion", task.version(), "titles", Map.of("nl", "Niet toegestaan"));
        long before = liveTasks();

        API.post(create, other, body).problem(404);
        API.patch("/api/tasks/" + task.id(), other, edit).problem(404);
        API.send("DELETE", "/api/tasks/" + task.id(), other, null).problem(404);
        for (String forbidden : new String[] {buddy, phone.token(), editor, admin}) {
            API.post(create, forbidden, body).problem(403);
            API.patch("/api/tasks/" + task.id(), forbidden, edit).problem(403);
            API.send("DELETE", "/api/tasks/" + task.id(), forbidden, null).problem(403);
        }
        API.post(create, null, body).problem(401);
        API.patch("/api/tasks/" + task.id(), null, edit).problem(401);
        API.send("DELETE", "/api/tasks/" + task.id(), null, null).problem(401);

        assertEquals(before, liveTasks());
        assertEquals(task, task("Taken 3"));
    }

    /** Applies an edit as the household's phone does when it pushes (TaskService.apply inside a transaction). */
    @SuppressWarnings("unchecked")
    private static TaskService.Edited applyAsThePhone(String taskId, Map<TaskField, String> values, long baseVersion) {
        TaskService service = TestServer.get().context().getBean(TaskService.class);
        TransactionOperations<Connection> transactions = TestServer.get().context()
                .getBean(Argument.of(TransactionOperations.class, Connection.class));
        Caller device = new Caller(Role.NEWCOMER, null, phone.deviceId(), phone.municipalityId(), phone.householdId());
        return transactions.executeWrite(status -> service.apply(device, taskId, values, baseVersion,
                UUID.randomUUID().toString()));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    private static String refusedCreate(Map<String, Object> body) {
        return API.post("/api/households/" + household + "/tasks", officer, body).problem(400).detail();
    }

    private static Task made(String title) {
        Api.Response response = API.post("/api/households/" + household + "/tasks", officer,
                Map.of("titles", Map.of("nl", title), "assignee", "FAMILY"));
        assertEquals(201, response.status(), response.body());
        return response.as(Task.class);
    }

    private static Task patch(String taskId, Map<String, Object> body) {
        Api.Response response = API.patch("/api/tasks/" + taskId, officer, body);
        assertEquals(200, response.status(), response.body());
        return response.as(Task.class);
    }

    private static List<Task> tasks() {
        return API.get("/api/households/" + household + "/tasks", officer).asListOf(Task.class);
    }

    private static Task task(String dutchTitle) {
        return tasks().stream().filter(task -> dutchTitle.equals(task.titles().get("nl"))).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + dutchTitle));
    }

    private static long liveTasks() {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM task WHERE household_id = ? AND deleted = FALSE", household);
    }

    private static PullResponse pull(long after) {
        Api.Response response = API.get("/api/sync/pull?after=" + after + "&limit=1000", phone.token());
        assertEquals(200, response.status(), response.body());
        return response.as(PullResponse.class);
    }

    private static MutationOutcome push(Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", phone.token(), new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        return response.as(PushResponse.class).results().get(0).outcome();
    }

    private static long audits(String action) {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = ? AND household_id = ?",
                action, household);
    }
}
