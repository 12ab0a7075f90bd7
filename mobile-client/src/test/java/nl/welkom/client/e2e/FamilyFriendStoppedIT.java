package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.household.Household;

/**
 * Issue 12: ending a match removes the household from the family friend's phone — also when the
 * coordinator stops the volunteer, which ends the account too. The phone's next sync is answered
 * {@code device-revoked}, the library forgets the families, and the companion says so in the words
 * of a family friend.
 */
class FamilyFriendStoppedIT {

    @TempDir
    Path tmp;

    @RegisterExtension
    final RunningBackend running = new RunningBackend();

    @Test
    void whenTheCoordinatorStopsTheVolunteerTheFriendsPhoneForgetsTheFamiliesAtItsNextSync() throws Exception {
        String server = running.get().baseUrl();
        Officer officer = Officer.login(server, "officer@zwolle.demo", "welkom-demo");
        Household haile = officer.household("Familie Haile");
        Path phone = tmp.resolve("buddy-phone");
        Files.createDirectories(phone);
        try (SqliteLocalStore store = SqliteLocalStore.open(phone.resolve("welkom.db").toFile())) {
            Welkom friend = Welkom.builder().baseUrl(server).store(store).build();
            friend.setLanguages(List.of("en"));
            friend.login("buddy@zwolle.demo", "welkom-demo");
            friend.sync(SyncListener.NONE);
            friend.meetings().log(haile.id(), friend.meetings().today(), "Samen boodschappen gedaan", List.of(), null);
            friend.sync(SyncListener.NONE);
            assertFalse(store.records("household").isEmpty(), "the family is on the phone");
            assertFalse(store.records("task").isEmpty());
            assertFalse(store.records("meeting").isEmpty(), "the meeting is on the phone");
        }

        String volunteer = null;
        for (JsonElement v : JsonParser.parseString(officer.get("/api/volunteers?state=ACTIVE")).getAsJsonArray()) {
            JsonObject o = v.getAsJsonObject();
            if ("Joost".equals(o.get("firstName").getAsString()) && "Bakker".equals(o.get("lastName").getAsString())) {
                volunteer = o.get("id").getAsString();
            }
        }
        assertTrue(volunteer != null, "the demo family friend is an active volunteer");
        officer.post("/api/volunteers/" + volunteer + "/transitions", Map.of("to", "STOPPED", "note", "Verhuisd"));

        String out = CompanionRun.run(phone, server, List.of("8", "0"));

        assertTrue(out.contains("Your family-friend account has ended. The families' information was removed from this phone."),
                out);
        assertFalse(out.contains("your family's data"), "not the family's wording:\n" + out);
        try (SqliteLocalStore store = SqliteLocalStore.open(phone.resolve("welkom.db").toFile())) {
            assertEquals(List.of(), store.records("household"));
            assertEquals(List.of(), store.records("task"));
            assertEquals(List.of(), store.records("message"));
            assertEquals(List.of(), store.records("meeting"));
            assertEquals(List.of(), store.outbox());
            assertFalse(store.document("session", "").isPresent(), "signed out");
        }
    }
}
