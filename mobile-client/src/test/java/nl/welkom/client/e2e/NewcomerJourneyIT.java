package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * The path of issue 2 through every layer, with real parts only: the backend jar started as a
 * process on a real SQLite file, the officer's side through the HTTP API, and the newcomer's
 * phone as the real client library on its real SQLite store. The backend is killed while the
 * phone edits, and the edit reaches the officer after the backend comes back.
 */
class NewcomerJourneyIT {

    @TempDir
    Path tmp;

    private BackendProcess backend;
    private SqliteLocalStore store;

    @BeforeEach
    void startBackend() throws Exception {
        Path data = tmp.resolve("backend-data");
        Files.createDirectories(data);
        backend = new BackendProcess(data);
        backend.start();
    }

    @AfterEach
    void stopEverything() {
        if (store != null) {
            store.close();
        }
        backend.close();
    }

    @Test
    void aFamilysTickOnAnOfficersTaskIsRefusedByTheServerAndComesBackAsANoticeWithTheTaskReopened() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household alKhatib = officer.household("Familie Al-Khatib");
        ActivationCode code = officer.createActivationCode(alKhatib.id());
        File storeFile = tmp.resolve("phone/welkom.db").toFile();
        assertTrue(storeFile.getParentFile().mkdirs());
        store = SqliteLocalStore.open(storeFile);
        Welkom phone = phone(store);
        phone.activate(code.code(), "Telefoon Al-Khatib");
        phone.setLanguages(List.of("ar"));
        phone.sync(SyncListener.NONE);
        Task officers = phone.journey().tasks().stream()
                .filter(t -> t.status() == TaskStatus.OPEN && t.assignee() == TaskAssignee.OFFICER)
                .findFirst().orElseThrow(() -> new AssertionError("the demo family has an open task for the officer"));

        phone.journey().complete(officers.id());
        assertEquals(TaskStatus.DONE, statusOnPhone(phone, officers.id()), "shown done at once, offline-first");
        SyncResult result = phone.sync(SyncListener.NONE);

        assertEquals(1, result.rejected(), "only an officer may tick an officer's task");
        assertEquals(TaskStatus.OPEN, statusOnPhone(phone, officers.id()), "the phone shows the server's state again");
        assertEquals(1, phone.notices().size());
        assertEquals(nl.welkom.client.store.SyncNotice.Kind.REJECTED, phone.notices().get(0).kind());
        assertEquals(officers.id(), phone.notices().get(0).taskId());
        Task onServer = officer.tasks(alKhatib.id()).stream().filter(t -> t.id().equals(officers.id())).findFirst().orElseThrow();
        assertEquals(TaskStatus.OPEN, onServer.status());
        assertEquals(officers.version(), onServer.version(), "nothing was written");
    }

    @Test
    void aTaskTickedOnAnOfflinePhoneReachesTheOfficerAfterTheBackendComesBack() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household alKhatib = officer.household("Familie Al-Khatib");
        ActivationCode code = officer.createActivationCode(alKhatib.id());

        File storeFile = tmp.resolve("phone/welkom.db").toFile();
        assertTrue(storeFile.getParentFile().mkdirs());
        store = SqliteLocalStore.open(storeFile);
        Welkom phone = phone(store);

        // The family types the code as printed, in lower case, and chooses Arabic.
        Session session = phone.activate(code.code().toLowerCase(java.util.Locale.ROOT), "Telefoon Al-Khatib");
        assertEquals(Role.NEWCOMER, session.role());
        assertEquals(alKhatib.id(), session.householdId());
        phone.setLanguages(List.of("ar"));

        SyncResult first = phone.sync(SyncListener.NONE);
        assertTrue(first.pulled() > 0, "the first sync brings the household's journey");
        assertEquals("Familie Al-Khatib", phone.journey().household().orElseThrow().displayName());

        // Orientation lessons are there in Arabic, right to left, honestly marked as machine-drafted.
        List<Topic> topics = phone.lessons().topics();
        assertTrue(topics.size() >= 8, "orientation topics arrive with the first sync");
        Lesson lesson = topics.get(0).lessons().get(0);
        assertEquals("ar", lesson.language());
        assertEquals(TranslationState.MACHINE_DRAFTED, lesson.state());
        assertTrue(lesson.title().codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC),
                "the lesson title is written in Arabic script: " + lesson.title());
        assertEquals(TextDirection.RTL, phone.direction(lesson.language()));
        assertFalse(lesson.sections().isEmpty());

        Task open = phone.journey().tasks().stream()
                .filter(t -> t.status() == TaskStatus.OPEN && t.assignee() == TaskAssignee.FAMILY)
                .findFirst().orElseThrow(() -> new AssertionError("the demo family has an open task of its own"));

        // The network goes away; the family ticks the task anyway.
        backend.stop();
        phone.journey().complete(open.id());
        assertEquals(TaskStatus.DONE, statusOnPhone(phone, open.id()));
        assertEquals(1, phone.pendingChanges());
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));
        assertEquals(1, phone.pendingChanges(), "a failed sync keeps the edit queued");

        // The app is closed and opened again before the network returns: the edit survives on disk.
        store.close();
        store = SqliteLocalStore.open(storeFile);
        Welkom reopened = phone(store);
        assertEquals(1, reopened.pendingChanges());
        assertEquals(TaskStatus.DONE, statusOnPhone(reopened, open.id()));
        assertEquals("ar", reopened.lessons().lesson(lesson.id()).orElseThrow().language(), "lessons read offline from the store");

        backend.start();
        SyncResult second = reopened.sync(SyncListener.NONE);
        assertEquals(1, second.pushed());
        assertEquals(1, second.applied());
        assertEquals(0, reopened.pendingChanges());

        Task seenByOfficer = officer.tasks(alKhatib.id()).stream()
                .filter(t -> t.id().equals(open.id())).findFirst().orElseThrow();
        assertEquals(TaskStatus.DONE, seenByOfficer.status());
        assertTrue(seenByOfficer.version() > open.version());

        // A second sync changes nothing and the spent code cannot activate another phone.
        SyncResult third = reopened.sync(SyncListener.NONE);
        assertEquals(0, third.pushed());
        assertEquals(TaskStatus.DONE, statusOnPhone(reopened, open.id()));
        Welkom stranger = phone(new nl.welkom.client.store.InMemoryLocalStore());
        WelkomApiException refused = assertThrows(WelkomApiException.class, () -> stranger.activate(code.code(), "other"));
        assertEquals(400, refused.status());
    }

    @Test
    void anotherMunicipalitysOfficerCannotSeeOrActivateTheHousehold() throws Exception {
        Officer zwolle = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Officer deventer = Officer.login(backend.baseUrl(), "officer@deventer.demo", "welkom-demo");
        Household haile = zwolle.household("Familie Haile");

        assertTrue(deventer.households().stream().noneMatch(h -> h.id().equals(haile.id())));
        Map<String, Object> problem = deventer.expectProblem("GET", "/api/households/" + haile.id(), 404);
        assertEquals(404.0, problem.get("status"));
        deventer.expectProblem("POST", "/api/households/" + haile.id() + "/activation-codes", 404);
        deventer.expectProblem("GET", "/api/households/" + haile.id() + "/tasks", 404);
    }

    private Welkom phone(nl.welkom.client.store.LocalStore localStore) {
        return Welkom.builder().baseUrl(backend.baseUrl()).store(localStore).build();
    }

    private static TaskStatus statusOnPhone(Welkom phone, String taskId) {
        return phone.journey().tasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow().status();
    }
}
