package nl.welkom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static Session pushDevice;
    private static Session pageDevice;

    @BeforeAll
    static void devices() {
        officer = API.login(Fixtures.OFFICER);
        pushDevice = Fixtures.device(API, "T-PUSH");
        pageDevice = Fixtures.device(API, "T-PAGE");
    }

    @Test
    void aFirstPullBringsTheHouseholdAndAllItsTasks() {
        PullResponse pull = pull(pageDevice, 0, 200);

        assertEquals(1, pull.households().size());
        assertEquals(pageDevice.householdId(), pull.households().get(0).id());
        assertNull(pull.households().get(0).reference(), "a phone that is lost carries no case reference");
        assertNull(pull.households().get(0).campOfOrigin());
        assertEquals(5, pull.tasks().size());
        assertFalse(pull.hasMore());
        assertTrue(pull.cursor() > 0);
        assertEquals(pull.cursor(), pull(pageDevice, pull.cursor(), 200).cursor(), "nothing new: cursor stays");
    }

    @Test
    void anEmptyPullStillListsTasksAndTombstones() {
        long cursor = pull(pageDevice, 0, 1000).cursor();

        String body = API.get("/api/sync/pull?after=" + cursor, pageDevice.token()).body();

        assertEquals("{\"cursor\":" + cursor + ",\"hasMore\":false,\"households\":[],\"tasks\":[],"
                + "\"deletedTaskIds\":[],\"removedHouseholdIds\":[],\"appointments\":[],\"messages\":[],\"announcements\":[],\"meetings\":[]}", body);
    }

    @Test
    void pullPagesInSequenceOrderWithACursor() {
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        boolean householdSeen = false;
        PullResponse page;
        do {
            page = pull(pageDevice, cursor, 2);
            assertTrue(page.tasks().size() + page.households().size() <= 2);
            householdSeen |= !page.households().isEmpty();
            page.tasks().forEach(task -> seen.add(task.id()));
            assertTrue(page.cursor() > cursor, "the cursor advances");
            cursor = page.cursor();
            pages++;
        } while (page.hasMore());

        assertTrue(householdSeen);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());
        assertEquals(3, pages, "six changes in pages of two");
    }

    @Test
    void theSameMutationPushedTwiceIsAppliedOnce() {
        Task task = openTask(pushDevice, 0);
        Mutation complete = new Mutation(UUID.randomUUID().toString(), MutationType.TASK_COMPLETE, task.id(),
                task.version(), "2026-11-23T10:00:00Z", null);

        MutationResult first = push(pushDevice, complete);
        MutationResult retry = push(pushDevice, complete);

        assertEquals(MutationOutcome.APPLIED, first.outcome());
        assertEquals(MutationOutcome.ALREADY_APPLIED, retry.outcome());
        Task after = taskOf(pushDevice, task.id());
        assertEquals(TaskStatus.DONE, after.status());
        assertEquals(task.version() + 1, after.version(), "version bumped once");
        assertNotNull(after.completedAt());
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM applied_mutation WHERE mutation_id = ?",
                complete.id()));
    }

    @Test
    void anOfficerSeesATaskTheDeviceCompleted() {
        Task task = openTask(pushDevice, 1);
        push(pushDevice, new Mutation(UUID.randomUUID().toString(), MutationType.TASK_COMPLETE, task.id(),
                task.version(), null, null));

        List<Task> officerView = API.get("/api/households/" + pushDevice.householdId() + "/tasks", officer)
                .asListOf(Task.class);

        Task seen = officerView.stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow();
        assertEquals(TaskStatus.DONE, seen.status());
    }

    @Test
    void aPushOverAnUnseenStatusChangeIsAppliedAndLeavesAConflict() {
        Task task = openTask(pushDevice, 2);
        long base = task.version();
        setStatusAsOfficer(task.id(), TaskStatus.DONE, base);
        setStatusAsOfficer(task.id(), TaskStatus.OPEN, base + 1);

        MutationResult result = push(pushDevice, new Mutation(UUID.randomUUID().toString(),
                MutationType.TASK_COMPLETE, task.id(), base, null, null));

        assertEquals(MutationOutcome.APPLIED_WITH_CONFLICT, result.outcome());
        Task after = taskOf(pushDevice, task.id());
        assertEquals(TaskStatus.DONE, after.status());
        assertEquals(base + 3, after.version());
        assertEquals(1, TestServer.get().queryLong(
                "SELECT count(*) FROM conflict WHERE entity_id = ? AND base_version = ? AND server_version = ?"
                        + " AND server_value LIKE '%OPEN%' AND client_value LIKE '%DONE%'",
                task.id(), base, base + 2));
    }

    @Test
    void officerEditsReachThePhoneByPull() {
        PullResponse before = pull(pageDevice, 0, 1000);
        Task task = before.tasks().get(0);

        Task edited = setStatusAsOfficer(task.id(), task.status() == TaskStatus.DONE ? TaskStatus.OPEN : TaskStatus.DONE,
                task.version());

        PullResponse after = pull(pageDevice, before.cursor(), 1000);
        assertEquals(List.of(task.id()), after.tasks().stream().map(Task::id).toList());
        assertEquals(edited.version(), after.tasks().get(0).version());
        assertTrue(after.households().isEmpty());
    }

    @Test
    void aPhoneBehindAMovingHeadGetsAnEmptyPageAtTheHeadAndStillItsOwnNextChange() {
        PullResponse upToDate = pull(pageDevice, 0, 1000);
        Task elsewhere = pull(pushDevice, 0, 1000).tasks().get(0);
        setStatusAsOfficer(elsewhere.id(), elsewhere.status() == TaskStatus.DONE ? TaskStatus.OPEN : TaskStatus.DONE,
                elsewhere.version());

        PullResponse nothing = pull(pageDevice, upToDate.cursor(), 1000);
        assertTrue(nothing.households().isEmpty() && nothing.tasks().isEmpty() && nothing.messages().isEmpty(),
                "another household's change is not this phone's");
        assertTrue(nothing.cursor() > upToDate.cursor(), "the cursor moves to the head it was read up to");
        assertFalse(nothing.hasMore());

        Task own = upToDate.tasks().get(0);
        Task edited = setStatusAsOfficer(own.id(), own.status() == TaskStatus.DONE ? TaskStatus.OPEN : TaskStatus.DONE,
                own.version());
        PullResponse next = pull(pageDevice, nothing.cursor(), 1000);
        assertEquals(List.of(own.id()), next.tasks().stream().map(Task::id).toList());
        assertEquals(edited.version(), next.tasks().get(0).version());
    }

    @Test
    void aMutationOnAnotherHouseholdsTaskIsRejected() {
        Task foreign = pull(pageDevice, 0, 1000).tasks().get(0);

        MutationResult result = push(pushDevice, new Mutation(UUID.randomUUID().toString(),
                MutationType.TASK_COMPLETE, foreign.id(), foreign.version(), null, null));

        assertEquals(MutationOutcome.REJECTED, result.outcome());
        assertNotNull(result.detail());
        assertEquals(foreign.version(), taskOf(pageDevice, foreign.id()).version());
    }

    @Test
    void concurrentPushesAndReadsAllSucceed() throws Exception {
        List<Task> tasks = pull(pageDevice, 0, 1000).tasks();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Task task : tasks) {
                    MutationType type = round % 2 == 0 ? MutationType.TASK_COMPLETE : MutationType.TASK_REOPEN;
                    Mutation mutation = new Mutation(UUID.randomUUID().toString(), type, task.id(), task.version(),
                            null, null);
                    statuses.add(pool.submit(() -> API.post("/api/sync/push", pageDevice.token(),
                            new PushRequest(List.of(mutation))).status()));
                    statuses.add(pool.submit(() -> API.get("/api/households/" + pageDevice.householdId() + "/tasks",
                            officer).status()));
                }
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMutationWithoutAnIdIsABadRequest() {
        API.post("/api/sync/push", pushDevice.token(), new PushRequest(List.of(
                new Mutation(null, MutationType.TASK_COMPLETE, "x", 1, null, null)))).problem(400);
        API.get("/api/sync/pull?after=-1", pushDevice.token()).problem(400);
    }

    private static Task setStatusAsOfficer(String taskId, TaskStatus status, long baseVersion) {
        Api.Response response = API.put("/api/tasks/" + taskId + "/status", officer,
                Map.of("status", status.name(), "baseVersion", baseVersion));
        assertEquals(200, response.status(), response.body());
        return response.as(Task.class);
    }

    private static Task openTask(Session device, int index) {
        List<Task> tasks = pull(device, 0, 1000).tasks();
        Task task = tasks.stream().sorted((a, b) -> a.titles().get("nl").compareTo(b.titles().get("nl")))
                .toList().get(index);
        assertEquals(TaskStatus.OPEN, task.status());
        return task;
    }

    private static Task taskOf(Session device, String taskId) {
        return pull(device, 0, 1000).tasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
    }

    private static PullResponse pull(Session device, long after, int limit) {
        Api.Response response = API.get("/api/sync/pull?after=" + after + "&limit=" + limit, device.token());
        assertEquals(200, response.status(), response.body());
        return response.as(PullResponse.class);
    }

    private static MutationResult push(Session device, Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", device.token(), new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        PushResponse push = response.as(PushResponse.class);
        assertEquals(1, push.results().size());
        assertEquals(mutation.id(), push.results().get(0).mutationId());
        return push.results().get(0);
    }
}
