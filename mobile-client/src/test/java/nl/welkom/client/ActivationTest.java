package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationType;
import okhttp3.mockwebserver.RecordedRequest;

class ActivationTest extends ServerTestSupport {

    @Test
    void activationStoresTheSessionAndSendsTheCodeWithoutAToken() throws Exception {
        Shelf.SESSION.put(store, new Session("old-revoked-token", Role.NEWCOMER, "m", "M", "F",
                Fixtures.HOUSEHOLD_ID, "d", null));
        server.enqueue(json(Fixtures.session()));

        Session session = welkom.activate("  K7QD-9XM2-PW4T-HN6C ", "Amina's phone");

        assertEquals(Fixtures.session(), session);
        assertEquals(Fixtures.session(), Shelf.SESSION.get(store).get());
        assertEquals("Gemeente Zwolle", welkom.session().get().municipalityName());
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/activation", request.getPath());
        assertEquals("{\"code\":\"K7QD-9XM2-PW4T-HN6C\",\"deviceName\":\"Amina's phone\"}",
                request.getBody().readUtf8());
        assertNull(request.getHeader("Authorization"), "a stale token must not spoil redeeming a code");
    }

    @Test
    void aRefusedCodeCarriesTheServersProblemAndStoresNothing() {
        server.enqueue(problem(400, "https://welkom.example/problems/activation-code-invalid",
                "Activation code not valid", "The code is unknown, used or expired."));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.activate("WRONG", "phone"));

        assertEquals(400, e.status());
        assertEquals("https://welkom.example/problems/activation-code-invalid", e.problem().type());
        assertEquals("The code is unknown, used or expired.", e.problem().detail());
        assertFalse(e.isUnauthorized());
        assertFalse(Shelf.SESSION.get(store).isPresent());
    }

    @Test
    void activatingForAnotherHouseholdForgetsTheOldHouseholdsData() throws Exception {
        Shelf.SESSION.put(store, new Session("t", Role.NEWCOMER, "m", "M", "F", "other-household", "d", null));
        Shelf.HOUSEHOLDS.put(store, Collections.singletonList(Fixtures.household()));
        Shelf.TASKS.put(store, Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));
        store.saveSyncCursor(12);
        server.enqueue(json(Fixtures.session()));

        welkom.activate("CODE", "phone");

        assertFalse(welkom.journey().household().isPresent());
        assertTrue(welkom.journey().tasks().isEmpty());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(0L, store.syncCursor());
    }

    @Test
    void activatingAgainForTheSameHouseholdKeepsTheOutbox() throws Exception {
        activated();
        Shelf.TASKS.put(store, Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        welkom.journey().complete(Fixtures.TASK_BANK);
        server.enqueue(json(Fixtures.session()));

        welkom.activate("NEW-CODE", "phone");

        assertEquals(1, welkom.pendingChanges());
        assertEquals(TaskStatus.DONE, welkom.journey().tasks().get(0).status());
    }

    @Test
    void anActivationAnswerWithoutATokenIsAnApiException() {
        server.enqueue(json(new Session(null, Role.NEWCOMER, "m", "M", "F", "h", "d", null)));

        assertThrows(WelkomApiException.class, () -> welkom.activate("CODE", "phone"));
        assertFalse(Shelf.SESSION.get(store).isPresent());
    }

    @Test
    void aBuddySignsInWithAPasswordAndNoStaleToken() throws Exception {
        Shelf.SESSION.put(store, new Session("old-token", Role.BUDDY, "m-zwolle", "Gemeente Zwolle", "Joost Bakker", null, null, null));
        server.enqueue(json(Fixtures.buddySession()));

        Session session = welkom.login(" buddy@zwolle.demo ", "welkom-demo");

        assertEquals(Fixtures.buddySession(), session);
        assertEquals(Fixtures.buddySession(), Shelf.SESSION.get(store).get());
        RecordedRequest request = take();
        assertEquals("/api/auth/login", request.getPath());
        assertEquals("{\"username\":\"buddy@zwolle.demo\",\"password\":\"welkom-demo\"}", request.getBody().readUtf8());
        assertNull(request.getHeader("Authorization"));
    }

    @Test
    void signingInAgainAsTheSameBuddyKeepsTheOutbox() throws Exception {
        Shelf.SESSION.put(store, Fixtures.buddySession());
        Shelf.TASKS.put(store, Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        welkom.journey().complete(Fixtures.TASK_BANK);
        server.enqueue(json(Fixtures.buddySession()));

        welkom.login("buddy@zwolle.demo", "welkom-demo");

        assertEquals(1, welkom.pendingChanges());
    }

    @Test
    void aBuddySigningInOnAHouseholdsPhoneForgetsTheHouseholdsData() throws Exception {
        activated();
        Shelf.HOUSEHOLDS.put(store, Collections.singletonList(Fixtures.household()));
        Shelf.TASKS.put(store, Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        welkom.journey().complete(Fixtures.TASK_BANK);
        store.saveSyncCursor(5);
        server.enqueue(json(Fixtures.buddySession()));

        welkom.login("buddy@zwolle.demo", "welkom-demo");

        assertTrue(welkom.journey().households().isEmpty());
        assertTrue(welkom.journey().tasks().isEmpty());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(0L, store.syncCursor());
    }

    @Test
    void anOfficerAccountIsRefusedAndNothingIsStored() {
        server.enqueue(json(new Session("t", Role.OFFICER, "m", "M", "Sanne", null, null, null)));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.login("officer@zwolle.demo", "pw"));

        assertEquals(403, e.status());
        assertFalse(Shelf.SESSION.get(store).isPresent());
    }

    @Test
    void aWrongPasswordIsUnauthorizedButNotARevokedDevice() {
        server.enqueue(problem(401, "https://welkom.example/problems/login-failed", "Sign-in failed", "Wrong user name or password."));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.login("buddy@zwolle.demo", "nope"));

        assertTrue(e.isUnauthorized());
        assertFalse(e.isDeviceRevoked());
        assertThrows(IllegalArgumentException.class, () -> welkom.login("buddy@zwolle.demo", ""));
    }

    @Test
    void emptyCodesAreRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> welkom.activate("   ", "phone"));
        assertEquals(0, server.getRequestCount());
    }
}
