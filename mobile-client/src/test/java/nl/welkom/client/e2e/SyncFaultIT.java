package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.e2e.FaultProxy.Exchange;
import nl.welkom.client.e2e.FaultProxy.Fault;
import nl.welkom.client.e2e.Phones.OutcomeRecorder;
import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationOutcome;

/**
 * Fault injection with the real backend process and the real client: for each way a link breaks
 * during a sync — before the request, mid-upload, after the server committed but before the answer
 * arrived, mid-download — and for a server killed and restarted in the middle of a multi-page pull,
 * the next clean sync converges: the outbox is empty, every edit is applied on the server exactly
 * once (task versions move by exactly one per edit), and the phone holds exactly what the server
 * gives its token.
 *
 * <p>The phones here do not let OkHttp retry silently, so that each armed fault really breaks the
 * sync it aims at; {@link SyncConvergenceIT} runs with retries on as well.
 */
class SyncFaultIT {

    @TempDir
    static Path tmp;

    private static BackendProcess backend;
    private static FaultProxy proxy;
    private static Officer officer;
    private static Household haile;
    private static int phones;

    private final List<SqliteLocalStore> stores = new ArrayList<>();

    @BeforeAll
    static void startBackend() throws Exception {
        Path data = tmp.resolve("backend-data");
        Files.createDirectories(data);
        backend = new BackendProcess(data);
        backend.start();
        proxy = new FaultProxy(backend.port());
        officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        haile = officer.household("Familie Haile");
    }

    @AfterAll
    static void stopBackend() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void cleanProxy() {
        proxy.clearPlans();
        proxy.clearLog();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SqliteLocalStore::close);
    }

    /** A newly activated phone of the Haile family (its own device), synced once, reading Arabic. */
    private Welkom activatedPhone(int pageSize, OutcomeRecorder recorder) throws Exception {
        SqliteLocalStore store = SqliteLocalStore.open(tmp.resolve("phone-" + (++phones)).resolve("welkom.db").toFile());
        stores.add(store);
        Welkom phone = Phones.phone(proxy.baseUrl(), store, false, pageSize, recorder);
        storeOf.put(phone, store);
        phone.activate(officer.createActivationCode(haile.id()).code(), "Phone " + phones);
        phone.setLanguages(List.of("ar"));
        phone.sync(SyncListener.NONE);
        return phone;
    }

    /** Each phone's store, for what the public API does not show (cursor, outbox ids). */
    private final Map<Welkom, SqliteLocalStore> storeOf = new HashMap<>();

    private long cursorOf(Welkom phone) {
        return storeOf.get(phone).syncCursor();
    }

    private List<String> outboxIds(Welkom phone) {
        return storeOf.get(phone).outbox().stream().map(m -> m.id()).collect(Collectors.toList());
    }

    private static Map<String, Long> serverVersions() throws Exception {
        return officer.tasks(haile.id()).stream().collect(Collectors.toMap(Task::id, Task::version));
    }

    /** Two real changes on two tasks: a tick (or untick) and a fresh note. Returns their task ids. */
    private static List<String> twoEdits(Welkom phone, String note) {
        List<Task> tasks = phone.journey().tasks(haile.id());
        Task first = tasks.get(0);
        Task second = tasks.get(1);
        if (first.status() == TaskStatus.OPEN) {
            phone.journey().complete(first.id());
        } else {
            phone.journey().reopen(first.id());
        }
        phone.journey().setNote(second.id(), note);
        assertEquals(2, phone.pendingChanges());
        return List.of(first.id(), second.id());
    }

    /** Versions moved by exactly {@code bump} for the edited tasks and by 0 for every other task. */
    private static void assertBumped(Map<String, Long> before, List<String> edited, int bump) throws Exception {
        Map<String, Long> after = serverVersions();
        for (Map.Entry<String, Long> e : before.entrySet()) {
            long expected = e.getValue() + (edited.contains(e.getKey()) ? bump : 0);
            assertEquals(expected, (long) after.get(e.getKey()), "version of task " + e.getKey());
        }
    }

    private void cleanSyncConverges(Welkom phone) throws Exception {
        phone.sync(SyncListener.NONE);
        ServerView.assertPhoneEqualsServer("phone", phone, backend.baseUrl());
    }

    @Test
    void aPushRefusedBeforeAnyByteLeavesTheServerUntouchedAndTheRetryAppliesEachEditOnce() throws Exception {
        Welkom phone = activatedPhone(200, null);
        Map<String, Long> before = serverVersions();
        List<String> edited = twoEdits(phone, "refused-" + System.nanoTime());
        proxy.refuseNextConnections(1);

        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(2, phone.pendingChanges(), "nothing confirmed, nothing dropped");
        assertBumped(before, edited, 0);
        SyncResult retry = phone.sync(SyncListener.NONE);
        assertEquals(2, retry.applied());
        assertBumped(before, edited, 1);
        ServerView.assertPhoneEqualsServer("phone", phone, backend.baseUrl());
    }

    @Test
    void aPushCutMidUploadIsNotAppliedAndTheRetryAppliesEachEditOnce() throws Exception {
        Welkom phone = activatedPhone(200, null);
        Map<String, Long> before = serverVersions();
        List<String> edited = twoEdits(phone, "cut-upload-" + System.nanoTime());
        proxy.failNext("POST /api/sync/push", Fault.CUT_REQUEST);

        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(2, phone.pendingChanges());
        assertBumped(before, edited, 0);
        Exchange cut = proxy.log().get(proxy.log().size() - 1);
        assertEquals("POST /api/sync/push HTTP/1.1", cut.requestLine);
        assertEquals(Fault.CUT_REQUEST, cut.fault);
        assertFalse(cut.reachedServer);
        phone.sync(SyncListener.NONE);
        assertBumped(before, edited, 1);
        ServerView.assertPhoneEqualsServer("phone", phone, backend.baseUrl());
    }

    @Test
    void aPushWhoseAnswerIsLostAfterTheServerCommittedIsNotAppliedTwice() throws Exception {
        OutcomeRecorder heard = new OutcomeRecorder();
        Welkom phone = activatedPhone(200, heard);
        Map<String, Long> before = serverVersions();
        List<String> edited = twoEdits(phone, "lost-answer-" + System.nanoTime());
        List<String> ids = outboxIds(phone);
        proxy.failNext("POST /api/sync/push", Fault.DROP_RESPONSE);

        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(2, phone.pendingChanges(), "the phone never heard the answer: it keeps both edits");
        assertBumped(before, edited, 1);
        SyncResult retry = phone.sync(SyncListener.NONE);
        assertEquals(2, retry.applied());
        assertEquals(0, retry.conflicts());
        for (String id : ids) {
            assertEquals(List.of(MutationOutcome.ALREADY_APPLIED), heard.of(id), "the retry of " + id);
        }
        assertBumped(before, edited, 1);
        ServerView.assertPhoneEqualsServer("phone", phone, backend.baseUrl());
    }

    @Test
    void aPushAnswerCutMidDownloadIsNotAppliedTwice() throws Exception {
        Welkom phone = activatedPhone(200, null);
        Map<String, Long> before = serverVersions();
        List<String> edited = twoEdits(phone, "cut-answer-" + System.nanoTime());
        proxy.failNext("POST /api/sync/push", Fault.CUT_RESPONSE);

        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(2, phone.pendingChanges());
        assertBumped(before, edited, 1);
        phone.sync(SyncListener.NONE);
        assertBumped(before, edited, 1);
        ServerView.assertPhoneEqualsServer("phone", phone, backend.baseUrl());
    }

    @Test
    void aPullCutMidDownloadKeepsTheCursorAndTheNextSyncBringsTheChange() throws Exception {
        Welkom phone = activatedPhone(200, null);
        Task task = officer.tasks(haile.id()).get(2);
        Task changed = officer.editTask(task.id(), task.version(), Map.of("note", "from the officer " + System.nanoTime()));
        long cursor = cursorOf(phone);
        proxy.failNext("GET /api/sync/pull", Fault.CUT_RESPONSE);

        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(cursor, cursorOf(phone), "a page that did not arrive whole is not applied");
        assertEquals(task.note(), find(phone, task.id()).note());
        cleanSyncConverges(phone);
        assertEquals(changed.note(), find(phone, task.id()).note());
    }

    @Test
    void aPullAnswerDroppedOrRefusedChangesNothingOnThePhone() throws Exception {
        Welkom phone = activatedPhone(200, null);
        Task task = officer.tasks(haile.id()).get(3);
        officer.editTask(task.id(), task.version(), Map.of("dueDate", "2027-0" + (1 + (phones % 9)) + "-15"));
        long cursor = cursorOf(phone);
        proxy.failNext("GET /api/sync/pull", Fault.DROP_RESPONSE);
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));
        proxy.failNext("GET /api/sync/pull", Fault.CUT_REQUEST);
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(cursor, cursorOf(phone));
        cleanSyncConverges(phone);
    }

    @Test
    void aContentPackCutMidDownloadKeepsTheOldPackAndTheNextSyncFetchesIt() throws Exception {
        Welkom phone = activatedPhone(200, null);
        String arabicTitle = phone.lessons().topics().get(0).title();
        phone.setLanguages(List.of("en"));
        proxy.failNext("GET /api/content", Fault.CUT_RESPONSE);

        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        assertEquals(arabicTitle, phone.lessons().topics().get(0).title(), "the stored pack stays readable");
        SyncResult next = phone.sync(SyncListener.NONE);
        assertTrue(next.contentUpdated());
        assertEquals("en", phone.lessons().topics().get(0).language());
        ServerView.assertPhoneEqualsServer("phone", phone, backend.baseUrl());
    }

    @Test
    void anUpToDatePhoneWithAnEmptyOutboxMakesExactlyOneRequest() throws Exception {
        Welkom phone = activatedPhone(200, null);
        phone.sync(SyncListener.NONE);
        proxy.clearLog();

        SyncResult result = phone.sync(SyncListener.NONE);

        assertEquals(1, result.requests(), proxy.log().toString());
        List<Exchange> log = proxy.log();
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).target().startsWith("/api/sync/pull?after="), log.toString());
        assertTrue(log.get(0).target().endsWith("&lang=ar"), "the pull names the chain: " + log);
        assertTrue(result.bytesReceived() < 400, "an empty page costs a few hundred bytes: " + result.bytesReceived());
    }

    @Test
    void theServerKilledAndRestartedInTheMiddleOfAMultiPagePullResumesFromTheLastPage() throws Exception {
        // A phone that already holds the journey ticks a task; meanwhile the officer changes several
        // tasks, so the next pull takes several one-item pages.
        Welkom phone = activatedPhone(1, null);
        Map<String, Long> before = serverVersions();
        // A task the family may tick (an officer's task is the officer's alone: docs/sync.md).
        Task mine = phone.journey().tasks(haile.id()).stream()
                .filter(t -> t.assignee() != nl.welkom.model.journey.TaskAssignee.OFFICER).skip(3).findFirst().orElseThrow();
        if (mine.status() == TaskStatus.OPEN) {
            phone.journey().complete(mine.id());
        } else {
            phone.journey().reopen(mine.id());
        }
        List<Task> officers = officer.tasks(haile.id());
        List<String> edited = new ArrayList<>(List.of(mine.id()));
        for (int i = 0; i < 4; i++) {
            Task t = officers.get(i);
            if (t.id().equals(mine.id())) {
                continue;
            }
            officer.editTask(t.id(), t.version(), Map.of("note", "restart " + i + " " + System.nanoTime()));
            edited.add(t.id());
        }
        long cursorBefore = cursorOf(phone);
        AtomicInteger pages = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        SyncListener killer = (phase, done, total, bytes) -> {
            if (phase == SyncListener.Phase.PULL && done > 0 && pages.incrementAndGet() == 2 && !killed.getAndSet(true)) {
                try {
                    backend.stop(); // between two pages: the second page is committed, the third never comes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        assertThrows(WelkomOfflineException.class, () -> phone.sync(killer));

        assertTrue(killed.get());
        assertEquals(0, phone.pendingChanges(), "the push had finished before the pull began");
        long cursorAtKill = cursorOf(phone);
        assertTrue(cursorAtKill > cursorBefore, "the pages before the kill are kept");
        backend.start();
        proxy.clearLog();
        cleanSyncConverges(phone);
        Exchange resumed = proxy.log().stream().filter(e -> e.target().startsWith("/api/sync/pull")).findFirst().orElseThrow();
        assertTrue(resumed.target().startsWith("/api/sync/pull?after=" + cursorAtKill + "&limit=1"),
                "the pull resumes from the last applied page: " + resumed);
        assertBumped(before, edited, 1);
    }

    @Test
    void aBuddyMatchThatStartsAndEndsBringsAndTakesTheHouseholdAndNoEditVanishesSilently() throws Exception {
        Welkom buddy = Phones.phone(proxy.baseUrl(), new InMemoryLocalStore(), true, 200, null);
        buddy.login("buddy@zwolle.demo", "welkom-demo");
        buddy.sync(SyncListener.NONE);
        Household alKhatib = officer.household("Familie Al-Khatib");
        assertFalse(buddy.journey().households().stream().anyMatch(h -> h.id().equals(alKhatib.id())));
        String buddyId = (String) officer.buddies().stream()
                .filter(b -> "Joost Bakker".equals(b.get("displayName"))).findFirst().orElseThrow().get("id");

        String match = officer.startBuddyMatch(alKhatib.id(), buddyId);
        buddy.sync(SyncListener.NONE);

        assertEquals(officer.tasks(alKhatib.id()).size(), buddy.journey().tasks(alKhatib.id()).size(),
                "a household that enters the scope comes with all its live tasks");
        ServerView.assertPhoneEqualsServer("buddy", buddy, backend.baseUrl());
        Household seen = buddy.journey().households().stream().filter(h -> h.id().equals(alKhatib.id())).findFirst().orElseThrow();
        assertEquals(null, seen.reference(), "a buddy gets the minimal fields only");

        // The buddy writes a note offline; before the next sync the match ends.
        String taskId = buddy.journey().tasks(alKhatib.id()).get(0).id();
        buddy.journey().setNote(taskId, "asked the school about Lina");
        officer.endBuddyMatch(match);
        SyncResult result = buddy.sync(SyncListener.NONE);

        assertTrue(buddy.journey().tasks(alKhatib.id()).isEmpty());
        assertFalse(buddy.journey().households().stream().anyMatch(h -> h.id().equals(alKhatib.id())));
        assertEquals(1, result.notices().size(), "the refused note is reported, not silently gone");
        assertEquals(taskId, result.notices().get(0).taskId());
        assertEquals(SyncNotice.Kind.REJECTED, result.notices().get(0).kind());
        assertEquals(result.notices(), buddy.notices());
        ServerView.assertPhoneEqualsServer("buddy", buddy, backend.baseUrl());
    }

    @Test
    void aRevokedPhoneIsWipedOnItsNextSyncWhileTheFamilysOtherPhoneKeepsWorking() throws Exception {
        Welkom lost = activatedPhone(200, null);
        Welkom other = activatedPhone(200, null);
        lost.journey().setNote(lost.journey().tasks(haile.id()).get(0).id(), "written on the lost phone");
        String deviceId = lost.session().orElseThrow().deviceId();
        DeviceInfo revoked = officer.revokeDevice(deviceId);
        assertTrue(revoked.revokedAt() != null);
        assertTrue(officer.devices(haile.id()).stream().anyMatch(d -> d.id().equals(deviceId) && d.revokedAt() != null));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> lost.sync(SyncListener.NONE));

        assertTrue(e.isDeviceRevoked(), e.problem().type());
        assertFalse(lost.session().isPresent());
        assertTrue(lost.journey().households().isEmpty());
        assertTrue(lost.journey().tasks().isEmpty());
        assertEquals(0, lost.pendingChanges());
        assertFalse(lost.lessons().topics().isEmpty(), "public lessons stay");
        cleanSyncConverges(other);
    }

    private static Task find(Welkom phone, String taskId) {
        return phone.journey().tasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
    }
}
