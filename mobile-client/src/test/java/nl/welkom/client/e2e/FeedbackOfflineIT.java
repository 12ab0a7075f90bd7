package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.SearchHit;
import nl.welkom.model.household.Household;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's reader side with real parts: a phone with the backend down searches its stored
 * lessons, says a lesson helped and asks a question; both reach the server in the next sync, and
 * the officer sees the question.
 */
class FeedbackOfflineIT {

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
    void aVoteAndAQuestionMadeOfflineReachTheServerAfterTheBackendComesBack() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household household = officer.household("Familie Al-Khatib");
        ActivationCode code = officer.createActivationCode(household.id());
        File storeFile = tmp.resolve("phone/welkom.db").toFile();
        assertTrue(storeFile.getParentFile().mkdirs());
        store = SqliteLocalStore.open(storeFile);
        Welkom phone = Welkom.builder().baseUrl(backend.baseUrl()).store(store).build();
        phone.activate(code.code(), "Telefoon Al-Khatib");
        phone.setLanguages(List.of("ar"));
        phone.sync(SyncListener.NONE);
        Lesson lesson = phone.lessons().topics().get(0).lessons().get(0);

        backend.stop();
        String word = lesson.title().split(" ")[0];
        List<SearchHit> hits = phone.lessons().search(word);
        assertFalse(hits.isEmpty(), "the stored lessons are searchable offline: " + word);
        phone.lessons().rate(lesson.id(), true);
        String questionId = phone.lessons().ask(lesson.id(), "Waar vind ik dit formulier?");
        assertEquals(2, phone.pendingChanges());
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        backend.start();
        SyncResult result = phone.sync(SyncListener.NONE);
        assertEquals(2, result.pushed());
        assertEquals(2, result.applied());
        assertEquals(0, phone.pendingChanges());

        String questions = officer.get("/api/questions?householdId=" + household.id());
        assertTrue(questions.contains(questionId) && questions.contains("Waar vind ik dit formulier?"), questions);
    }
}
