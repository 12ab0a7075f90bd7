package nl.welkom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

/**
 * Two backend instances on one database, as behind a load balancer (issue 14; docs/postgresql.md): both
 * server contexts share the data folder (so the database — the SQLite file, or in the PostgreSQL pass
 * one PostgreSQL database — and the server secret). A client alternates between them: tokens, devices,
 * dashboard sessions, cursors, retried pushes, concurrent pushes and revocations behave as on one.
 * Nothing that decides these lives only in one instance's memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
    private Path dataDir;
    private TestServer one;
    private TestServer two;
    private Api onOne;
    private Api onTwo;

    @BeforeAll
    void startTwoInstances() throws IOException {
        dataDir = Files.createTempDirectory("welkom-two-instances");
        one = TestServer.startOwn(dataDir);
        two = TestServer.startOwn(dataDir);
        onOne = new Api(one);
        onTwo = new Api(two);
    }

    @AfterAll
    void stop() {
        two.shutdown();
        one.shutdown();
    }

    @Test
    void aTokenFromOneInstanceWorksOnTheOtherAndARevocationThereIsRefusedAtOnce() {
        String officer = onOne.login(Fixtures.OFFICER);
        assertEquals(200, onTwo.get("/api/households", officer).status(), "a staff token from one, on the other");
        String household = Fixtures.householdId(onTwo, officer, "T-ACTIVATION");
        ActivationCode code = Fixtures.newCode(onOne, officer, household);
        Session phone = onTwo.post("/api/activation", null, new ActivationRequest(code.code(), "Telefoon"))
                .as(Session.class);
        assertEquals(200, onOne.get("/api/sync/pull?after=0", phone.token()).status());

        assertEquals(200, onOne.post("/api/devices/" + phone.deviceId() + "/revoke", officer, "").status());

        Problem refused = onTwo.get("/api/sync/pull?after=0", phone.token()).problem(401);
        assertTrue(refused.type().endsWith("/device-revoked"), refused.type());
        onOne.post("/api/auth/logout", officer, "");
        onTwo.get("/api/households", officer).problem(401);
    }

    @Test
    void aPullPagedAcrossBothInstancesSeesEveryTaskOnceAndARetriedPushIsAppliedOnce() {
        Session phone = Fixtures.device(onOne, "T-PAGE");
        Set<String> seen = new HashSet<>();
        int pages = 0;
        long cursor = 0;
        PullResponse page;
        do {
            Api api = pages % 2 == 0 ? onOne : onTwo;
            page = api.get("/api/sync/pull?after=" + cursor + "&limit=2", phone.token()).as(PullResponse.class);
            page.tasks().forEach(task -> assertTrue(seen.add(task.id()), "each task once: " + task.id()));
            cursor = page.cursor();
            pages++;
        } while (page.hasMore());
        assertEquals(5, seen.size());
        assertTrue(pages >= 3);

        Task task = openTask(onTwo, phone);
        Mutation complete = new Mutation(UUID.randomUUID().toString(), MutationType.TASK_COMPLETE, task.id(),
                task.version(), null, null);
        assertEquals(MutationOutcome.APPLIED, push(onOne, phone, complete).outcome());
        assertEquals(MutationOutcome.ALREADY_APPLIED, push(onTwo, phone, complete).outcome(),
                "the retry reached the other instance, which knows the mutation");
        PullResponse after = onTwo.get("/api/sync/pull?after=" + cursor, phone.token()).as(PullResponse.class);
        Task done = after.tasks().stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow();
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(task.version() + 1, done.version(), "applied once");
    }

    @Test
    void twoPhonesPushingTheSameFieldToDifferentInstancesAtOnceLoseNoEdit() throws Exception {
        Session first = Fixtures.device(onOne, "T-PUSH");
        Session second = Fixtures.device(onTwo, "T-PUSH");
        Task task = openTask(onOne, first);
        List<Future<MutationResult>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        for (Object[] side : List.of(new Object[] {onOne, first, "Dinsdag 10 uur gemeente"},
                new Object[] {onTwo, second, "Woensdag 14 uur huisarts"})) {
            results.add(pool.submit(() -> {
                go.await();
                return push((Api) side[0], (Session) side[1], new Mutation(UUID.randomUUID().toString(),
                        MutationType.TASK_SET_NOTE, task.id(), task.version(), null, (String) side[2]));
            }));
        }
        go.countDown();
        MutationOutcome a = results.get(0).get().outcome();
        MutationOutcome b = results.get(1).get().outcome();
        pool.shutdown();

        List<MutationOutcome> outcomes = new ArrayList<>(List.of(a, b));
        outcomes.sort(null);
        assertEquals(List.of(MutationOutcome.APPLIED, MutationOutcome.APPLIED_WITH_CONFLICT), outcomes,
                "one applied first, the other over it with a conflict record");
        String officer = onTwo.login(Fixtures.OFFICER);
        String conflicts = onOne.get("/api/conflicts", officer).body();
        assertTrue(conflicts.contains(task.id()), "the overwritten note is kept in a conflict for the officer");
        assertTrue(conflicts.contains("Dinsdag 10 uur gemeente") || conflicts.contains("Woensdag 14 uur huisarts"));
    }

    @Test
    void theSamePushReachingBothInstancesAtOnceIsAppliedOnceAndBothAnswersSaySo() throws Exception {
        Session phone = Fixtures.device(onOne, "T-PUSH");
        Task task = openTask(onTwo, phone);
        Mutation note = new Mutation(UUID.randomUUID().toString(), MutationType.TASK_SET_NOTE, task.id(),
                task.version(), null, "Vrijdag 9 uur bibliotheek");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MutationResult>> results = new ArrayList<>();
        for (Api api : List.of(onOne, onTwo)) {
            results.add(pool.submit(() -> {
                go.await();
                return push(api, phone, note);
            }));
        }
        go.countDown();
        List<MutationOutcome> outcomes = new ArrayList<>(List.of(results.get(0).get().outcome(),
                results.get(1).get().outcome()));
        pool.shutdown();
        outcomes.sort(null);

        assertEquals(List.of(MutationOutcome.APPLIED, MutationOutcome.ALREADY_APPLIED), outcomes,
                "one instance applied it, the other says it was applied: no 500, no double edit");
        Task after = taskById(onOne, phone, task.id());
        assertEquals(task.version() + 1, after.version(), "applied once");
    }

    @Test
    void aDashboardSessionStartedOnOneInstanceIsSignedInOnTheOther() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(Fixtures.OFFICER, StandardCharsets.UTF_8) + "&password=test-password";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(one.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", one.url(""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        String cookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("WELKOM_SESSION="))
                .findFirst().orElseThrow().split(";")[0];

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(two.url("/dashboard")))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode(), "signed in on the other instance, not sent to /login");
        assertNotEquals(-1, page.body().indexOf("<form"), "the officer's start page");
    }

    @Test
    void aLessonPublishedOnOneInstanceReachesReadersOfTheOtherWithinSeconds() throws Exception {
        String before = onTwo.get("/api/content?lang=nl", null).header("ETag");
        ContentPack pack = onTwo.get("/api/content?lang=nl", null).as(ContentPack.class);
        String lesson = pack.topics().get(0).lessons().get(0).id();
        String editor = onOne.login(Fixtures.EDITOR);
        Map<?, ?> view = onOne.get("/api/editor/lessons/" + lesson, editor).as(Map.class);
        String section = (String) ((List<?>) view.get("sectionIds")).get(0);
        Map<?, ?> draft = onOne.post("/api/editor/lessons/" + lesson + "/revisions/nl", editor, Map.of(
                "title", "De gemeente helpt u", "sections", List.of(Map.of("sectionId", section,
                        "body", "Bel de gemeente of kom langs op het stadskantoor.")),
                "machineDrafted", false, "minorEdit", false)).as(Map.class);
        assertEquals(200, onOne.post("/api/editor/revisions/" + draft.get("id") + "/publish", editor, "").status());

        long deadline = System.nanoTime() + 15_000_000_000L;
        String after = before;
        while (after.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = onTwo.get("/api/content?lang=nl", null).header("ETag");
        }
        assertNotEquals(before, after, "the other instance dropped its cached pack");
        assertTrue(onTwo.get("/api/content?lang=nl", null).body().contains("De gemeente helpt u"));
    }

    private static Task openTask(Api api, Session phone) {
        return api.get("/api/sync/pull?after=0&limit=1000", phone.token()).as(PullResponse.class).tasks().stream()
                .filter(task -> task.status() == TaskStatus.OPEN).findFirst().orElseThrow();
    }

    private static Task taskById(Api api, Session phone, String id) {
        return api.get("/api/sync/pull?after=0&limit=1000", phone.token()).as(PullResponse.class).tasks().stream()
                .filter(task -> task.id().equals(id)).findFirst().orElseThrow();
    }

    private static MutationResult push(Api api, Session phone, Mutation mutation) {
        PushResponse response = api.post("/api/sync/push", phone.token(), new PushRequest(List.of(mutation)))
                .as(PushResponse.class);
        return response.results().get(0);
    }
}
