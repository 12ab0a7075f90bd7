package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushResponse;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

class SyncTest extends ServerTestSupport {

    private void withTasks(Task... tasks) {
        activated();
        store.saveTasks(Arrays.asList(tasks));
    }

    private static MockResponse results(MutationResult... results) {
        return json(new PushResponse(Arrays.asList(results)));
    }

    @Test
    void syncPushesTheOutboxAndClearsOnlyConfirmedMutations() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3),
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5));
        welkom.completeTask(Fixtures.TASK_BANK);
        welkom.reopenTask(Fixtures.TASK_REGISTER);
        welkom.reopenTask(Fixtures.TASK_BANK);
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
        assertEquals(TaskStatus.OPEN, welkom.tasks().get(0).status(),
                "the applied complete is folded in and the pending reopen still shows");
    }

    @Test
    void aDroppedConnectionMidPushKeepsTheWholeOutbox() {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.completeTask(Fixtures.TASK_BANK);
        List<Mutation> before = store.outbox();
        store.saveSyncCursor(7);
        for (int i = 0; i < 3; i++) { // OkHttp may retry once on a fresh connection
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }

        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(before, store.outbox());
        assertEquals(7L, store.syncCursor());
        assertEquals(TaskStatus.DONE, welkom.tasks().get(0).status(), "the local edit still shows");
    }

    @Test
    void aPushWhoseAnswerWasLostIsSettledByTheRetry() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.completeTask(Fixtures.TASK_BANK);
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
        assertEquals(TaskStatus.DONE, welkom.tasks().get(0).status());
    }

    @Test
    void aRejectedMutationLeavesTheOutboxAndItsLocalEffectRollsBack() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.completeTask(Fixtures.TASK_BANK);
        server.enqueue(results(new MutationResult(store.outbox().get(0).id(), MutationOutcome.REJECTED,
                "not your task")));
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(1, result.rejected());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(TaskStatus.OPEN, welkom.tasks().get(0).status());
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
        assertEquals(Fixtures.household(), welkom.household().get());
        assertEquals(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 6)), welkom.tasks());
        assertEquals("/api/sync/pull?after=0", take().getPath());
        assertEquals("/api/sync/pull?after=5", take().getPath());
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
        assertEquals(1, welkom.tasks().size());
    }

    @Test
    void aPulledTaskKeepsTheEditStillWaitingInTheOutbox() throws Exception {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/api/sync/pull")) {
                    // The reader ticks the task while the pull is on its way.
                    welkom.completeTask(Fixtures.TASK_BANK);
                    return json(page(4, false, null,
                            Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 4)),
                            Collections.<String>emptyList()));
                }
                return notModified();
            }
        });

        welkom.sync(SyncListener.NONE);

        Task shown = welkom.tasks().get(0);
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
    void aRevokedPhoneIsUnauthorizedAndKeepsItsOutbox() {
        withTasks(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3));
        welkom.completeTask(Fixtures.TASK_BANK);
        server.enqueue(problem(401, "https://welkom.example/problems/unauthorized", "Not signed in",
                "The token is unknown, expired or revoked."));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertTrue(e.isUnauthorized());
        assertEquals(1, welkom.pendingChanges());
        assertTrue(store.session().isPresent(), "the library does not sign out on its own");
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
        welkom.completeTask(Fixtures.TASK_BANK);
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
        assertEquals(TaskStatus.DONE, store.task(Fixtures.TASK_BANK).get().status(), "the last edit wins, in order");
        assertEquals(4, server.getRequestCount(), "two push batches, one pull, one content");
    }

    private static Buffer gzip(String text) throws java.io.IOException {
        Buffer result = new Buffer();
        try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(result))) {
            sink.writeUtf8(text);
        }
        return result;
    }
}
