package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushResponse;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

class SyncTest extends ServerTestSupport {

    private void withTasks(Task... tasks) {
        activated();
        Shelf.TASKS.put(store, Arrays.asList(tasks));
    }

    private static MockResponse results(MutationResult... results) {
        return json(new PushResponse(Arrays.asList(results)));
    }

    @Test
    void syncPushesTheOutboxAndClearsOnlyConfirmedMutations() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3),
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5));
        welkom.journey().complete(Fixtures.TASK_BANK);
        welkom.journey().reopen(Fixtures.TASK_REGISTER);
        welkom.journey().reopen(Fixtures.TASK_BANK);
        List<Mutation> outbox = store.outbox();
        server.enqueue(results(
                new MutationResult(outbox.get(0).id(), MutationOutcome.APPLIED, null),
                new MutationResult(outbox.get(1).id(), MutationOutcome.APPLIED_WITH_CONFLICT, null)));
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(2, result.pushed());
        assertEquals(1, result.applied());
        assertEquals(1, result.conflicts());
        assertEquals(Collections.singletonList(outbox.get(2)), store.outbox(), "the unanswered one stays");
        RecordedRequest push = take();
        assertEquals("/api/sync/push", push.getPath());
        JsonArray sent = JsonParser.parseString(push.getBody().readUtf8()).getAsJsonObject()
                .getAsJsonArray("mutations");
        assertEquals(3, sent.size());
        JsonObject first = sent.get(0).getAsJsonObject();
        assertEquals("TASK_COMPLETE", first.get("type").getAsString(), "enums travel by name");
        assertEquals(Fixtures.TASK_BANK, first.get("entityId").getAsString());
        assertEquals(3, first.get("baseVersion").getAsLong(), "the base version is the server copy's");
        assertEquals("2026-11-23T13:00:00.123Z", first.get("createdAt").getAsString(), "an ISO instant");
        assertEquals(36, first.get("id").getAsString().length(), "a client UUID");
        assertEquals(TaskStatus.OPEN, welkom.journey().tasks().get(0).status(),
                "the applied complete is folded in and the pending reopen still shows");
    }

    @Test
    void aDroppedConnectionMidPushKeepsTheWholeOutbox() {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.journey().complete(Fixtures.TASK_BANK);
        List<Mutation> before = store.outbox();
        store.saveSyncCursor(7);
        for (int i = 0; i < 3; i++) { // OkHttp may retry once on a fresh connection
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }

        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(before, store.outbox());
        assertEquals(7L, store.syncCursor());
        assertEquals(TaskStatus.DONE, welkom.journey().tasks().get(0).status(), "the local edit still shows");
    }

    @Test
    void aPushWhoseAnswerWasLostIsSettledByTheRetry() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.journey().complete(Fixtures.TASK_BANK);
        String id = store.outbox().get(0).id();
        server.enqueue(results(new MutationResult(id, MutationOutcome.APPLIED, null))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));
        assertEquals(1, welkom.pendingChanges(), "no complete answer, no removal");

        server.enqueue(results(new MutationResult(id, MutationOutcome.ALREADY_APPLIED, null)));
        server.enqueue(json(emptyPage(9)));
        server.enqueue(notModified());
        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(1, result.applied());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(TaskStatus.DONE, welkom.journey().tasks().get(0).status());
    }

    @Test
    void aRejectedMutationLeavesTheOutboxAndItsLocalEffectRollsBack() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.journey().complete(Fixtures.TASK_BANK);
        server.enqueue(results(new MutationResult(store.outbox().get(0).id(), MutationOutcome.REJECTED,
                "not your task")));
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(1, result.rejected());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(TaskStatus.OPEN, welkom.journey().tasks().get(0).status());
    }

    @Test
    void pullAppliesPagesAndAdvancesTheCursor() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 1));
        server.enqueue(json(page(5, true, Fixtures.household(),
                Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 4)),
                Collections.<String>emptyList())));
        server.enqueue(json(page(9, false, null,
                Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 6)),
                Collections.singletonList(Fixtures.TASK_REGISTER))));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(4, result.pulled());
        assertEquals(9L, store.syncCursor());
        assertEquals(Fixtures.household(), welkom.journey().household().get());
        assertEquals(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 6)), welkom.journey().tasks());
        assertEquals("/api/sync/pull?after=0&limit=200", take().getPath());
        assertEquals("/api/sync/pull?after=5&limit=200", take().getPath());
        assertTrue(take().getPath().startsWith("/api/content"));
    }

    @Test
    void aPageThatFailsLeavesTheCursorAtTheLastAppliedPage() {
        activated();
        server.enqueue(json(page(5, true, Fixtures.household(),
                Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 4)),
                Collections.<String>emptyList())));
        server.enqueue(json(emptyPage(9)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(5L, store.syncCursor());
        assertEquals(1, welkom.journey().tasks().size());
    }

    @Test
    void aPulledTaskKeepsTheEditStillWaitingInTheOutbox() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/api/sync/pull")) {
                    // The reader ticks the task while the pull is on its way.
                    welkom.journey().complete(Fixtures.TASK_BANK);
                    return json(page(4, false, null,
                            Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 4)),
                            Collections.<String>emptyList()));
                }
                return notModified();
            }
        });

        welkom.sync(SyncListener.NONE);

        Task shown = welkom.journey().tasks().get(0);
        assertEquals(4L, shown.version(), "the new server copy");
        assertEquals(TaskStatus.DONE, shown.status(), "with the pending edit replayed on top");
        assertEquals(1, welkom.pendingChanges());
    }

    @Test
    void aPageThatClaimsMoreWithoutAdvancingTheCursorStopsTheSync() {
        activated();
        store.saveSyncCursor(5);
        server.enqueue(json(page(5, true, null, Collections.<Task>emptyList(), Collections.<String>emptyList())));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));
        assertTrue(e.problem().detail().contains("cursor"));
    }

    @Test
    void anEmptyPageNeverMovesTheCursorBack() throws Exception {
        activated();
        store.saveSyncCursor(5);
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        assertEquals(5L, store.syncCursor());
    }

    @Test
    void requestsCarryTheBearerTokenAndTheLanguageChain() throws Exception {
        activated();
        welkom.setLanguages(Arrays.asList("ar", "en"));
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        RecordedRequest pull = take();
        assertEquals("Bearer token-abc", pull.getHeader("Authorization"));
        assertEquals("ar,en;q=0.9", pull.getHeader("Accept-Language"));
    }

    @Test
    void aPlainUnauthorizedAnswerKeepsTheStoreAndItsOutbox() {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.journey().complete(Fixtures.TASK_BANK);
        server.enqueue(problem(401, "https://welkom.example/problems/unauthorized", "Not signed in",
                "The token is unknown or expired."));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertTrue(e.isUnauthorized());
        assertFalse(e.isDeviceRevoked());
        assertEquals(1, welkom.pendingChanges());
        assertTrue(Shelf.SESSION.get(store).isPresent(), "the library does not sign out on its own");
        assertEquals(1, Shelf.TASKS.all(store).size());
    }

    @Test
    void aRevokedDeviceWipesTheStoreAndSaysSo() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        Shelf.HOUSEHOLDS.put(store, Collections.singletonList(Fixtures.household()));
        Shelf.LANGUAGES.put(store, Collections.singletonList("ar"));
        Shelf.CONTENT.put(store, Collections.singletonList("ar"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "nl")));
        store.saveSyncCursor(12);
        welkom.journey().complete(Fixtures.TASK_BANK);
        server.enqueue(problem(401, "https://welkom.example/problems/device-revoked", "Device revoked",
                "This phone was disconnected by the municipality."));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertTrue(e.isDeviceRevoked());
        assertTrue(e.isUnauthorized());
        assertFalse(Shelf.SESSION.get(store).isPresent());
        assertEquals(Collections.emptyList(), Shelf.HOUSEHOLDS.all(store));
        assertEquals(Collections.emptyList(), Shelf.TASKS.all(store));
        assertEquals(0, welkom.pendingChanges());
        assertEquals(0L, store.syncCursor());
        assertEquals(Collections.singletonList("ar"), welkom.languages(), "public content and language stay");
        assertTrue(Shelf.CONTENT.get(store).isPresent());
        assertFalse(e.getMessage().contains("token-abc"), "the token is never in a message");
        assertEquals("Bearer token-abc", take().getHeader("Authorization"));
    }

    @Test
    void aRevokedAnswerForAnOldTokenDoesNotWipeTheNewSessionThatReplacedIt() {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        Session fresh = new Session("token-new", Role.NEWCOMER, "m-zwolle", "Gemeente Zwolle", "Familie Haile",
                Fixtures.HOUSEHOLD_ID, "device-2", null);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // The phone is activated again with a new code while the old token's pull is on its way.
                Shelf.SESSION.put(store, fresh);
                return problem(401, "https://welkom.example/problems/device-revoked", "Device revoked", "gone");
            }
        });

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertTrue(e.isDeviceRevoked());
        assertEquals(fresh, Shelf.SESSION.get(store).get());
        assertEquals(1, Shelf.TASKS.all(store).size());
    }

    @Test
    void anUpToDatePhoneWithAnEmptyOutboxMakesExactlyOneRequest() throws Exception {
        activated();
        welkom.setLanguages(Arrays.asList("ar", "en"));
        Shelf.CONTENT.put(store, Arrays.asList("ar", "en"), "\"v3\"", Fixtures.pack("v3", Arrays.asList("ar", "en", "nl")));
        store.saveSyncCursor(40);
        server.enqueue(json(emptyPage(40, "v3")));

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(1, server.getRequestCount());
        assertEquals(1, result.requests());
        assertEquals("/api/sync/pull?after=40&limit=200&lang=ar,en", take().getPath(), "no push, no content");
        assertFalse(result.contentUpdated());
    }

    @Test
    void aNewContentVersionFetchesThePackRevalidatingWithTheStoredEtag() throws Exception {
        activated();
        welkom.setLanguages(Collections.singletonList("ar"));
        Shelf.CONTENT.put(store, Collections.singletonList("ar"), "\"v3\"", Fixtures.pack("v3", Arrays.asList("ar", "nl")));
        server.enqueue(json(emptyPage(1, "v4")));
        server.enqueue(json(Fixtures.pack("v4", Arrays.asList("ar", "nl"))).setHeader("ETag", "\"v4\""));

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertTrue(result.contentUpdated());
        assertEquals(2, result.requests());
        take();
        RecordedRequest content = take();
        assertEquals("/api/content?lang=ar", content.getPath());
        assertEquals("\"v3\"", content.getHeader("If-None-Match"));
        assertEquals("v4", Shelf.CONTENT.version(store, Collections.singletonList("ar")).get());
    }

    @Test
    void aPackStoredForAnotherLanguageChainIsFetchedAgainWhateverTheVersion() throws Exception {
        activated();
        Shelf.CONTENT.put(store, Collections.singletonList("fa"), "\"v3\"", Fixtures.pack("v3", Arrays.asList("fa", "nl")));
        welkom.setLanguages(Collections.singletonList("ar"));
        server.enqueue(json(emptyPage(1, "v3")));
        server.enqueue(json(Fixtures.pack("v3", Arrays.asList("ar", "nl"))).setHeader("ETag", "\"v3\""));

        assertTrue(welkom.sync(SyncListener.NONE).contentUpdated());
        take();
        assertNull(take().getHeader("If-None-Match"));
    }

    @Test
    void aPageWithoutAContentVersionRevalidatesThePack() throws Exception {
        activated();
        Shelf.CONTENT.put(store, Collections.<String>emptyList(), "\"v3\"", Fixtures.pack("v3", Arrays.asList("nl")));
        server.enqueue(json(emptyPage(1)));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(2, result.requests());
        assertEquals("/api/sync/pull?after=0&limit=200", take().getPath(), "no chain, no lang");
        assertEquals("\"v3\"", take().getHeader("If-None-Match"));
    }

    @Test
    void thePullPageSizeComesFromTheBuilder() throws Exception {
        activated();
        Welkom small = Welkom.builder().baseUrl(server.url("/").toString()).store(store).pullPageSize(2).build();
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());

        small.sync(SyncListener.NONE);

        assertEquals("/api/sync/pull?after=0&limit=2", take().getPath());
        assertThrows(IllegalArgumentException.class, () -> Welkom.builder().pullPageSize(0));
        assertThrows(IllegalArgumentException.class, () -> Welkom.builder().pullPageSize(1001));
    }

    @Test
    void aBuddysPullKeepsSeveralHouseholdsWithTheirTasks() throws Exception {
        Shelf.SESSION.put(store, Fixtures.buddySession());
        server.enqueue(json(new PullResponse(8, false, Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()),
                Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1), Fixtures.otherTask(TaskStatus.DONE, 4)),
                Collections.<String>emptyList(), Collections.<String>emptyList(), null, null, null, null, null)));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(4, result.pulled());
        assertEquals(Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()), welkom.journey().households());
        assertFalse(welkom.journey().household().isPresent(), "a buddy has no household of their own");
        assertEquals(Collections.singletonList(Fixtures.otherTask(TaskStatus.DONE, 4)),
                welkom.journey().tasks(Fixtures.OTHER_HOUSEHOLD_ID));
        assertEquals(2, welkom.journey().tasks().size());
    }

    @Test
    void aHouseholdThatLeftTheScopeIsDeletedWithItsTasksAndTheDroppedEditsAreReported() throws Exception {
        Shelf.SESSION.put(store, Fixtures.buddySession());
        Shelf.HOUSEHOLDS.put(store, Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()));
        Shelf.TASKS.put(store, Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1), Fixtures.otherTask(TaskStatus.OPEN, 1)));
        welkom.journey().setNote(Fixtures.TASK_OTHER, "call the school");
        String dropped = store.outbox().get(0).id();
        List<SyncNotice> heard = new ArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/api/sync/push")) {
                    // Only the first edit reached the server before the match ended; the reader made
                    // another one while the push was under way.
                    return results(new MutationResult(dropped, MutationOutcome.REJECTED, "No such task for this device."));
                }
                if (request.getPath().startsWith("/api/sync/pull")) {
                    store.appendToOutbox(Fixtures.mutation("during-pull", Fixtures.TASK_OTHER, MutationType.TASK_COMPLETE, 1));
                    return json(new PullResponse(9, false, Collections.<Household>emptyList(), Collections.<Task>emptyList(),
                            Collections.<String>emptyList(), Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID), null, null, null, null, null));
                }
                return notModified();
            }
        });

        SyncResult result = welkom.sync(new SyncListener() {
            @Override
            public void onProgress(Phase phase, int done, int total, long bytesReceived) {
            }

            @Override
            public void onNotice(SyncNotice notice) {
                heard.add(notice);
            }
        });

        assertEquals(Collections.singletonList(Fixtures.household()), welkom.journey().households());
        assertEquals(Collections.singletonList(Fixtures.TASK_BANK), taskIds(welkom.journey().tasks()));
        assertEquals(0, welkom.pendingChanges());
        assertEquals(Arrays.asList(SyncNotice.Kind.REJECTED, SyncNotice.Kind.DISCARDED), kinds(result.notices()));
        assertEquals(Fixtures.TASK_OTHER, result.notices().get(1).taskId());
        assertEquals("during-pull", result.notices().get(1).id());
        assertEquals(result.notices(), heard, "the listener hears the same notices");
        assertEquals(result.notices(), welkom.notices(), "and they stay in the store until dismissed");
        assertEquals(1, result.rejected());
        assertEquals(1, result.pulled());
    }

    @Test
    void aHouseholdListedBothAsSnapshotAndAsRemovedStaysOnThePhone() throws Exception {
        Shelf.SESSION.put(store, Fixtures.buddySession());
        server.enqueue(json(new PullResponse(9, false, Collections.singletonList(Fixtures.otherHousehold()),
                Collections.singletonList(Fixtures.otherTask(TaskStatus.OPEN, 2)), Collections.<String>emptyList(),
                Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID), null, null, null, null, null)));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        assertEquals(Collections.singletonList(Fixtures.otherHousehold()), welkom.journey().households());
        assertEquals(1, welkom.journey().tasks().size());
    }

    @Test
    void aTaskOfAHouseholdRemovedInTheSamePageIsNotKept() throws Exception {
        Shelf.SESSION.put(store, Fixtures.buddySession());
        server.enqueue(json(new PullResponse(9, false, Collections.<Household>emptyList(),
                Collections.singletonList(Fixtures.otherTask(TaskStatus.OPEN, 2)), Collections.<String>emptyList(),
                Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID), null, null, null, null, null)));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        assertEquals(Collections.emptyList(), welkom.journey().tasks());
    }

    @Test
    void refusedAndConflictingEditsAreReportedWithTheirTasksAndSurviveAFailedPull() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3), Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 5));
        welkom.journey().setNote(Fixtures.TASK_BANK, "Tuesday 10:00");
        welkom.journey().complete(Fixtures.TASK_REGISTER);
        List<Mutation> outbox = store.outbox();
        server.enqueue(results(
                new MutationResult(outbox.get(0).id(), MutationOutcome.APPLIED_WITH_CONFLICT, null),
                new MutationResult(outbox.get(1).id(), MutationOutcome.REJECTED, "No such task for this device.")));
        for (int i = 0; i < 3; i++) { // OkHttp may retry once on a fresh connection
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }

        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));

        List<SyncNotice> notices = welkom.notices();
        assertEquals(Arrays.asList(SyncNotice.Kind.CONFLICT, SyncNotice.Kind.REJECTED), kinds(notices));
        assertEquals(Fixtures.TASK_BANK, notices.get(0).taskId());
        assertEquals("Tuesday 10:00", notices.get(0).mutation().value());
        assertEquals(Fixtures.TASK_REGISTER, notices.get(1).taskId());
        assertEquals("No such task for this device.", notices.get(1).detail());
        assertEquals(0, welkom.pendingChanges());
        assertEquals("Tuesday 10:00", Shelf.TASKS.get(store, Fixtures.TASK_BANK).get().note(), "the winning note is folded in");
        assertEquals(TaskStatus.OPEN, Shelf.TASKS.get(store, Fixtures.TASK_REGISTER).get().status(), "the refused tick rolled back");

        welkom.dismissNotices(Collections.singletonList(notices.get(0).id()));
        assertEquals(Collections.singletonList(notices.get(1)), welkom.notices());
    }

    @Test
    void aNoteTravelsAsTheMutationsValue() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.journey().setNote(Fixtures.TASK_BANK, "موعد الثلاثاء");
        server.enqueue(results(new MutationResult(store.outbox().get(0).id(), MutationOutcome.APPLIED, null)));
        server.enqueue(json(emptyPage(3)));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        JsonObject sent = JsonParser.parseString(take().getBody().readUtf8()).getAsJsonObject()
                .getAsJsonArray("mutations").get(0).getAsJsonObject();
        assertEquals("TASK_SET_NOTE", sent.get("type").getAsString());
        assertEquals("موعد الثلاثاء", sent.get("value").getAsString());
        assertEquals(3, sent.get("baseVersion").getAsLong());
    }

    @Test
    void aSecondSyncWhileOneIsRunningFailsFast() throws Exception {
        activated();
        CountDownLatch pullArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().startsWith("/api/sync/pull")) {
                    pullArrived.countDown();
                    release.await(5, TimeUnit.SECONDS);
                    return json(emptyPage(1));
                }
                return notModified();
            }
        });
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SyncResult> first = executor.submit(() -> welkom.sync(SyncListener.NONE));
            assertTrue(pullArrived.await(5, TimeUnit.SECONDS));

            assertThrows(IllegalStateException.class, () -> welkom.sync(SyncListener.NONE));

            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            assertEquals(2, server.getRequestCount(), "the refused call sent nothing");
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void theListenerReportsEveryPhaseAndTheBytesOnTheWire() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.journey().complete(Fixtures.TASK_BANK);
        server.enqueue(results(new MutationResult(store.outbox().get(0).id(), MutationOutcome.APPLIED, null)));
        server.enqueue(json(page(3, false, Fixtures.household(), Collections.<Task>emptyList(),
                Collections.<String>emptyList())));
        Buffer gzipped = gzip(Api.GSON.toJson(Fixtures.pack("v1", Arrays.asList("nl"))));
        long wireSize = gzipped.size();
        server.enqueue(new MockResponse().setHeader("Content-Encoding", "gzip")
                .setHeader("Content-Type", "application/json").setBody(gzipped));
        List<String> events = new ArrayList<>();
        long[] lastBytes = new long[1];

        SyncResult result = welkom.sync((phase, done, total, bytes) -> {
            events.add(phase + " " + done + "/" + total);
            assertTrue(bytes >= lastBytes[0], "bytes only grow");
            lastBytes[0] = bytes;
        });

        assertEquals(Arrays.asList("PUSH 0/1", "PUSH 1/1", "PULL 0/-1", "PULL 1/-1", "CONTENT 0/1", "CONTENT 1/1",
                "DONE 1/1"), events);
        assertTrue(result.contentUpdated(), "the gzipped pack was decoded transparently");
        assertEquals(result.bytesReceived(), lastBytes[0]);
        assertTrue(result.bytesReceived() >= wireSize, "compressed bytes are counted");
        assertTrue(result.bytesReceived() < wireSize + 1000, "and not the decompressed size");
    }

    @Test
    void syncBeforeActivationIsAnIllegalState() {
        assertThrows(IllegalStateException.class, () -> welkom.sync(SyncListener.NONE));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFullOutboxIsPushedInBatches() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        int count = SyncEngine.PUSH_BATCH + 3;
        for (int i = 0; i < count; i++) {
            store.appendToOutbox(Fixtures.mutation("m-" + i, Fixtures.TASK_BANK,
                    i % 2 == 0 ? MutationType.TASK_COMPLETE : MutationType.TASK_REOPEN, 3));
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().equals("/api/sync/push")) {
                    List<MutationResult> answers = new ArrayList<>();
                    for (Mutation m : Api.GSON.fromJson(request.getBody().readUtf8(),
                            nl.welkom.model.sync.PushRequest.class).mutations()) {
                        answers.add(new MutationResult(m.id(), MutationOutcome.APPLIED, null));
                    }
                    return json(new PushResponse(answers));
                }
                return request.getPath().startsWith("/api/sync/pull") ? json(emptyPage(1)) : notModified();
            }
        });

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(count, result.pushed());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(TaskStatus.DONE, Shelf.TASKS.get(store, Fixtures.TASK_BANK).get().status(), "the last edit wins, in order");
        assertEquals(4, server.getRequestCount(), "two push batches, one pull, one content");
    }

    private static List<SyncNotice.Kind> kinds(List<SyncNotice> notices) {
        List<SyncNotice.Kind> kinds = new ArrayList<>();
        for (SyncNotice n : notices) {
            kinds.add(n.kind());
        }
        return kinds;
    }

    private static List<String> taskIds(List<Task> tasks) {
        List<String> ids = new ArrayList<>();
        for (Task t : tasks) {
            ids.add(t.id());
        }
        return ids;
    }

    private static Buffer gzip(String text) throws java.io.IOException {
        Buffer result = new Buffer();
        try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(result))) {
            sink.writeUtf8(text);
        }
        return result;
    }
}
