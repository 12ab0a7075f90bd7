package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.welkom.model.content.ContentPack;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.PushResponse;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/**
 * The client library against a hostile or broken server (issue 13, "Bad input"): whatever the
 * answer — cut short, wrong types, 10 MB, HTML with 200, a 500, too slow, a cursor that goes back —
 * a sync ends in one of the documented {@link WelkomException}s, the store (records, documents,
 * outbox, cursor, notices) is exactly as before, and the next good sync works.
 */
class HostileServerTest extends ServerTestSupport {
    private static final String TEN_MB = "a".repeat(10 * 1024 * 1024);

    /** The hostile answers, each with the kind of exception the app must get. */
    static Stream<Arguments> hostileAnswers() {
        return Stream.of(
                Arguments.of("truncated JSON", jsonText("{\"cursor\":12,\"hasMore\":false,\"households\":[{\"id\":\"x\""),
                        WelkomApiException.class),
                Arguments.of("wrong types", jsonText("{\"cursor\":\"twelve\",\"hasMore\":\"maybe\",\"households\":{\"a\":1},"
                        + "\"results\":\"none\",\"tasks\":7}"), WelkomApiException.class),
                Arguments.of("JSON of another shape", jsonText("[1,2,3]"), WelkomApiException.class),
                Arguments.of("the JSON literal null", jsonText("null"), WelkomApiException.class),
                Arguments.of("a 10 MB answer", jsonText("{\"cursor\":12,\"hasMore\":false,\"junk\":\"" + TEN_MB + "\"}"),
                        WelkomApiException.class),
                Arguments.of("a 10 MB answer without a length", new MockResponse().setHeader("Content-Type", "application/json")
                        .setChunkedBody("{\"junk\":\"" + TEN_MB + "\"}", 64 * 1024), WelkomApiException.class),
                Arguments.of("an HTML page with 200", new MockResponse().setHeader("Content-Type", "text/html")
                        .setBody("<html><body><h1>Welcome to Station Wi-Fi</h1><form>Accept</form></body></html>"),
                        WelkomApiException.class),
                Arguments.of("a 500 with an HTML page", new MockResponse().setResponseCode(500)
                        .setHeader("Content-Type", "text/html").setBody("<html><pre>java.lang.NullPointerException\n\tat x</pre></html>"),
                        WelkomApiException.class),
                Arguments.of("a 500 with a broken problem", new MockResponse().setResponseCode(500)
                        .setHeader("Content-Type", "application/problem+json").setBody("{\"status\":\"five\",\"title\":"),
                        WelkomApiException.class),
                Arguments.of("a 200 with no body", new MockResponse().setHeader("Content-Type", "application/json"),
                        WelkomApiException.class),
                Arguments.of("invalid UTF-8", new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody(new Buffer().write(new byte[] {'{', '"', (byte) 0xC3, 0x28, (byte) 0xFF, '"', ':', '1'})),
                        WelkomApiException.class),
                Arguments.of("deep nesting", jsonText("[".repeat(100_000) + "]".repeat(100_000)), WelkomApiException.class),
                Arguments.of("an answer slower than the read timeout", jsonText("{\"cursor\":12,\"hasMore\":false}")
                        .setBodyDelay(3, TimeUnit.SECONDS), WelkomOfflineException.class));
    }

    private static MockResponse jsonText(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A phone with a household, two tasks, a stored pack, cursor 7 and one edit waiting in the outbox. */
    private void seeded(boolean withEdit) {
        welkom = Welkom.builder().baseUrl(server.url("/").toString()).store(store).clock(CLOCK)
                .okHttpClient(new OkHttpClient.Builder().readTimeout(1, TimeUnit.SECONDS).build()).build();
        activated();
        Shelf.HOUSEHOLDS.put(store, Collections.singletonList(Fixtures.household()));
        Shelf.TASKS.put(store, Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3),
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5)));
        Shelf.CONTENT.put(store, Collections.singletonList("en"), "\"v1\"", pack("v1", "en"));
        store.saveSyncCursor(7);
        if (withEdit) {
            welkom.journey().complete(Fixtures.TASK_BANK);
        }
    }

    private static ContentPack pack(String version, String language) {
        return new ContentPack(Collections.singletonList(language), version, Collections.emptyList(), Collections.emptyList());
    }

    /** Everything the store holds that a failed sync must not change. */
    private Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String kind : Arrays.asList("household", "task", "message", "appointment", "meeting", "course-progress",
                "appointment-seen", "message-read", "household-arrival")) {
            all.put("records " + kind, store.records(kind));
        }
        for (String kind : Arrays.asList("session", "languages", "content", "course", "phrasebook", "places",
                "reading-version", "announcements")) {
            List<Object> documents = new ArrayList<>();
            for (String key : Arrays.asList("", "en", "nl", "ar")) {
                store.document(kind, key).ifPresent(documents::add);
            }
            all.put("documents " + kind, documents);
        }
        all.put("outbox", store.outbox());
        all.put("cursor", store.syncCursor());
        all.put("notices", store.notices());
        return all;
    }

    @ParameterizedTest(name = "{0} to the push")
    @MethodSource("hostileAnswers")
    void aHostileAnswerToThePushLeavesTheStoreAsItWasAndTheNextSyncWorks(String name, MockResponse answer,
            Class<? extends WelkomException> expected) throws Exception {
        seeded(true);
        Map<String, Object> before = snapshot();
        server.enqueue(answer);

        Throwable thrown = assertThrows(Throwable.class, () -> welkom.sync(SyncListener.NONE));

        assertInstanceOf(expected, thrown, name + ": only a documented exception reaches the app");
        assertEquals(before, snapshot(), name + ": the store is unchanged");
        aGoodSyncWorks();
    }

    @ParameterizedTest(name = "{0} to the pull")
    @MethodSource("hostileAnswers")
    void aHostileAnswerToThePullLeavesTheStoreAsItWasAndTheNextSyncWorks(String name, MockResponse answer,
            Class<? extends WelkomException> expected) throws Exception {
        seeded(false);
        Map<String, Object> before = snapshot();
        server.enqueue(answer);

        Throwable thrown = assertThrows(Throwable.class, () -> welkom.sync(SyncListener.NONE));

        assertInstanceOf(expected, thrown, name + ": only a documented exception reaches the app");
        assertEquals(before, snapshot(), name + ": the store is unchanged");
        aGoodSyncWorks();
    }

    @ParameterizedTest(name = "{0} to a content refresh")
    @MethodSource("hostileAnswers")
    void aHostileAnswerToAContentRefreshKeepsTheStoredPack(String name, MockResponse answer,
            Class<? extends WelkomException> expected) {
        seeded(false);
        welkom.setLanguages(Collections.singletonList("en"));
        Map<String, Object> before = snapshot();
        server.enqueue(answer);

        Throwable thrown = assertThrows(Throwable.class, () -> welkom.refreshContent());

        assertInstanceOf(expected, thrown, name + ": only a documented exception reaches the app");
        assertEquals(before, snapshot(), name + ": the stored pack stays");
    }

    @Test
    void aContentPackInAnotherLanguageThanAskedIsRefusedAndTheStoredOneStays() throws Exception {
        seeded(false);
        welkom.setLanguages(Collections.singletonList("en"));
        Map<String, Object> before = snapshot();
        server.enqueue(json(pack("v2", "fr")).setHeader("ETag", "\"v2\""));

        assertThrows(WelkomApiException.class, () -> welkom.refreshContent());

        assertEquals(before, snapshot());
        server.enqueue(json(pack("v3", "en")).setHeader("ETag", "\"v3\""));
        assertTrue(welkom.refreshContent(), "a pack in the asked language is stored afterwards");
        assertEquals("v3", Shelf.CONTENT.get(store).map(ContentPack::version).orElse(null));
    }

    @Test
    void aCursorThatGoesBackwardsNeverMovesThePhonesCursorBack() throws Exception {
        seeded(false);
        server.enqueue(json(emptyPage(3)));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        assertEquals(7L, store.syncCursor(), "a last page that answers an older cursor leaves it where it was");
        Map<String, Object> before = snapshot();
        server.enqueue(json(new nl.welkom.model.sync.PullResponse(2, true, Collections.emptyList(), Collections.emptyList(),
                Collections.emptyList(), Collections.emptyList(), null, null, null, null, null)));

        assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE),
                "a page that says 'more' without moving forward would loop for ever: refused");
        assertEquals(before, snapshot());
        aGoodSyncWorks();
    }

    @Test
    void theResponseCapIsBelowTenMegabytesAndAboveAnyRealAnswer() {
        assertTrue(Api.MAX_BODY_BYTES < TEN_MB.length());
        assertTrue(Api.MAX_BODY_BYTES >= 4 * 1024 * 1024);
        assertFalse(Api.MAX_BODY_BYTES <= 0);
    }

    /** A well-behaved server afterwards: the outbox is pushed, a page applied, the cursor moves on. */
    private void aGoodSyncWorks() throws Exception {
        while (server.getRequestCount() > 0 && server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // drain what the failed sync sent
        }
        List<MutationResult> results = new ArrayList<>();
        for (nl.welkom.model.sync.Mutation m : store.outbox()) {
            results.add(new MutationResult(m.id(), MutationOutcome.APPLIED, null));
        }
        boolean push = !results.isEmpty();
        if (push) {
            server.enqueue(json(new PushResponse(results)));
        }
        server.enqueue(json(page(20, false, Fixtures.household(),
                Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 4)), Collections.emptyList())));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(push ? 1 : 0, result.applied());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(20L, store.syncCursor());
        assertEquals(TaskStatus.DONE, welkom.journey().tasks().stream()
                .filter(t -> t.id().equals(Fixtures.TASK_BANK)).findFirst().orElseThrow().status());
    }
}
