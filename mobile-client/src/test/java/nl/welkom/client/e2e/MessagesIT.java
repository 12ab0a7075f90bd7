package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import nl.welkom.client.Messages;
import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.e2e.FaultProxy.Fault;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.household.Household;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;
import nl.welkom.model.sync.MutationOutcome;

/**
 * Messages through every layer (issue 11): the real library on its real SQLite store, through a proxy
 * that loses and cuts answers, against the real backend jar with the demo data. A message written
 * offline arrives exactly once; the officer's answer reaches the phone and its read mark reaches the
 * officer; a family friend writes through the same library and never receives what the family told
 * the municipality before the match.
 */
class MessagesIT {
    @TempDir
    Path tmp;

    private BackendProcess backend;
    private FaultProxy proxy;
    private SqliteLocalStore familyStore;
    private SqliteLocalStore buddyStore;

    @BeforeEach
    void startBackend() throws Exception {
        Path data = tmp.resolve("backend-data");
        Files.createDirectories(data);
        backend = new BackendProcess(data);
        backend.start();
        proxy = new FaultProxy(backend.port());
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (SqliteLocalStore store : Arrays.asList(familyStore, buddyStore)) {
            if (store != null) {
                store.close();
            }
        }
        proxy.close();
        backend.close();
    }

    @Test
    void aMessageWrittenOfflineArrivesOnceThroughLostAnswersAndTheOfficersReplyIsReadOnThePhone() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household alKhatib = officer.household("Familie Al-Khatib");
        Phones.OutcomeRecorder heard = new Phones.OutcomeRecorder();
        familyStore = SqliteLocalStore.open(storeFile("family"));
        Welkom phone = Phones.phone(proxy.baseUrl(), familyStore, false, 200, heard);
        ActivationCode code = officer.createActivationCode(alKhatib.id());
        phone.activate(code.code(), "Telefoon Al-Khatib");
        phone.setLanguages(List.of("ar"));
        phone.sync(SyncListener.NONE);

        String text = "Wij hebben een brief van de huisarts gekregen. Moeten wij iets doen?";
        Messages.Entry written = phone.messages().send(alKhatib.id(), text);
        assertTrue(written.pending(), "shown at once, waiting for the next sync");

        // The first push reaches the server but its answer is lost; the second's answer is cut.
        proxy.failNext("POST /api/sync/push", Fault.DROP_RESPONSE);
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));
        proxy.failNext("POST /api/sync/push", Fault.CUT_RESPONSE);
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));
        assertEquals(1, phone.pendingChanges(), "the phone heard no answer: it keeps the message");
        phone.sync(SyncListener.NONE);

        assertEquals(List.of(MutationOutcome.ALREADY_APPLIED), heard.of(written.message().id()),
                "the server had it from the first push and kept it once");
        List<Message> onServer = conversation(officer, alKhatib.id()).stream()
                .filter(m -> m.text().equals(text)).collect(Collectors.toList());
        assertEquals(1, onServer.size(), "arrived exactly once");
        assertEquals(written.message().id(), onServer.get(0).id());
        assertEquals(MessageAuthor.HOUSEHOLD, onServer.get(0).from());
        List<Messages.Entry> shown = phone.messages().conversation(alKhatib.id()).stream()
                .filter(e -> e.message().text().equals(text)).collect(Collectors.toList());
        assertEquals(1, shown.size(), "the phone shows it once");
        assertFalse(shown.get(0).pending());
        assertEquals(0, phone.pendingChanges());

        // The officer answers; the phone shows the answer unread, reads it, and the officer sees it read.
        String reply = "Goedemiddag. Bel de huisarts voor een afspraak. Neem uw zorgpas mee.";
        officer.send("POST", "/api/households/" + alKhatib.id() + "/messages", Map.of("text", reply));
        phone.sync(SyncListener.NONE);
        List<Messages.Entry> after = phone.messages().conversation(alKhatib.id());
        Messages.Entry last = after.get(after.size() - 1);
        assertEquals(reply, last.message().text());
        assertEquals(MessageAuthor.OFFICER, last.message().from());
        assertFalse(last.mine());
        assertEquals(1, phone.messages().unread(alKhatib.id()));

        assertTrue(phone.messages().markRead(alKhatib.id()));
        assertEquals(0, phone.messages().unread(alKhatib.id()), "read at once, before the sync");
        phone.sync(SyncListener.NONE);
        Message replyOnServer = conversation(officer, alKhatib.id()).stream().filter(m -> m.text().equals(reply))
                .findFirst().orElseThrow();
        assertNotNull(replyOnServer.readAt(), "the officer sees that the family read the answer");
    }

    @Test
    void aFamilyFriendWritesThroughTheLibraryAndNeverReceivesWhatWasSaidBeforeTheMatch() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household haile = officer.household("Familie Haile");
        List<Message> beforeMatch = conversation(officer, haile.id());
        assertFalse(beforeMatch.isEmpty(), "the demo family asked the municipality something before their match");

        buddyStore = SqliteLocalStore.open(storeFile("buddy"));
        Welkom buddy = Phones.phone(backend.baseUrl(), buddyStore, true, 200, null);
        buddy.login("buddy@zwolle.demo", "welkom-demo");
        buddy.sync(SyncListener.NONE);
        for (Message earlier : beforeMatch) {
            assertTrue(buddy.messages().conversation(haile.id()).stream()
                    .noneMatch(e -> e.message().id().equals(earlier.id())), "not the family friend's to read: " + earlier.from());
        }

        String text = "Zaterdag om 10 uur kom ik langs, dan gaan we samen naar de markt.";
        buddy.messages().send(haile.id(), text);
        buddy.sync(SyncListener.NONE);

        familyStore = SqliteLocalStore.open(storeFile("family"));
        Welkom family = Phones.phone(backend.baseUrl(), familyStore, true, 200, null);
        family.activate(officer.createActivationCode(haile.id()).code(), "Telefoon Haile");
        family.setLanguages(List.of("ti", "en"));
        family.sync(SyncListener.NONE);
        Messages.Entry fromBuddy = family.messages().conversation(haile.id()).stream()
                .filter(e -> e.message().text().equals(text)).findFirst().orElseThrow();
        assertEquals(MessageAuthor.BUDDY, fromBuddy.message().from());
        assertNotNull(fromBuddy.message().authorName(), "the family sees who wrote it");
        assertEquals(1, family.messages().unread(haile.id()));
    }

    private File storeFile(String name) {
        File file = tmp.resolve(name + "/welkom.db").toFile();
        assertTrue(file.getParentFile().mkdirs());
        return file;
    }

    private static List<Message> conversation(Officer officer, String householdId) throws Exception {
        return Arrays.asList(new Gson().fromJson(officer.get("/api/households/" + householdId + "/messages"), Message[].class));
    }
}
