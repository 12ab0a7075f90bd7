package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.TaskStatus;

/**
 * A family friend uses the companion against the real backend: signs in without the password ever
 * appearing on screen, finds the family they support, reads the question the family asked on its
 * own phone — once — and signs out, leaving nothing about the family on the phone.
 */
class FamilyFriendCompanionIT {

    @TempDir
    Path tmp;

    @RegisterExtension
    final RunningBackend running = new RunningBackend();

    @Test
    void aFamilyFriendSignsInReadsTheFamilysQuestionLogsAMeetingThatTicksATaskAndSignsOutLeavingNothing()
            throws Exception {
        Officer officer = Officer.login(running.get().baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household haile = officer.household("Familie Haile");
        ActivationCode code = officer.createActivationCode(haile.id());
        String question = "Kan de familievriend mee naar de huisarts op dinsdag?";
        try (SqliteLocalStore familyStore = SqliteLocalStore.open(tmp.resolve("family/welkom.db").toFile())) {
            Welkom family = Welkom.builder().baseUrl(running.get().baseUrl()).store(familyStore).build();
            family.activate(code.code(), "Telefoon Haile");
            family.setLanguages(List.of("ti"));
            family.lessons().ask(null, question);
            family.sync(SyncListener.NONE);
        }

        Path phone = tmp.resolve("buddy-phone");
        Files.createDirectories(phone);
        String out = CompanionRun.run(phone, running.get().baseUrl(), List.of(
                "11", "",                                   // English
                "6", "buddy@zwolle.demo", "welkom-demo",    // sign in as a family friend
                "1", "", "",                                // my families → the one family's journey → back
                "2", "1", "", "",                           // messages → the family's conversation → back, back
                "5", "1", "",                               // meeting log → log one, today
                "Samen naar de bibliotheek",                // what they did
                "1",                                        // the first open task (one the friend helps with first)
                "Mehret wil vaker mee",                     // note for the coordinator
                "",                                         // back
                "8",                                        // sync
                "10", "y",                                  // sign out
                "0"));

        assertFalse(out.contains("welkom-demo"), "the password never appears on screen");
        assertTrue(out.contains("Signed in as \u2068Joost Bakker\u2069"), out);
        assertTrue(out.contains("Journey · \u2068Familie Haile\u2069"), out);
        assertEquals(1, CompanionRun.count(out, question), "the family's question, once:\n" + out);
        assertTrue(out.contains("Saved on this phone. It is sent with the next sync"), out);
        assertTrue(out.contains("Up to date."), "the meeting went with the sync:\n" + out);
        assertTrue(out.contains("Signed out. Nothing about the families is left on this phone."), out);

        JsonArray meetings = JsonParser.parseString(officer.get("/api/households/" + haile.id() + "/meetings"))
                .getAsJsonArray();
        List<JsonObject> logged = new ArrayList<>();
        meetings.forEach(row -> {
            if ("Samen naar de bibliotheek".equals(row.getAsJsonObject().get("what").getAsString())) {
                logged.add(row.getAsJsonObject());
            }
        });
        assertEquals(1, logged.size(), "the coordinator sees the meeting once (besides the demo's): " + meetings);
        JsonObject meeting = logged.get(0);
        assertEquals("Samen naar de bibliotheek", meeting.get("what").getAsString());
        assertEquals("Mehret wil vaker mee", meeting.get("note").getAsString());
        JsonArray ticked = meeting.getAsJsonArray("taskIds");
        assertEquals(1, ticked.size(), meeting.toString());
        assertEquals(TaskStatus.DONE, officer.task(haile.id(), ticked.get(0).getAsString()).status(),
                "the task the meeting moved forward is done for the officer too");
        try (SqliteLocalStore store = SqliteLocalStore.open(phone.resolve("welkom.db").toFile())) {
            assertEquals(List.of(), store.records("household"));
            assertEquals(List.of(), store.records("task"));
            assertEquals(List.of(), store.records("message"), "the family's messages are gone too");
            assertFalse(store.document("session", "").isPresent());
        }
    }

}
