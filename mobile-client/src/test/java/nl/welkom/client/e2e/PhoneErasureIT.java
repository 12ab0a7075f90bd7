package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;

/**
 * Issue 13, the GDPR's erasure as the phones see it: the family's own phone and its family friend's
 * phone have synced the household, a message each way and a meeting; the officer erases the household;
 * at their next sync both phones drop it. Then every table of both phones' SQLite stores — and the raw
 * bytes of the database files and their write-ahead logs — are searched for canaries (the family's
 * names, its case reference and id, the texts written): 0 hits.
 */
class PhoneErasureIT {

    @RegisterExtension
    final RunningBackend running = new RunningBackend();

    @Test
    void anErasedHouseholdLeavesNoTraceOnTheFamilysPhoneOrTheFamilyFriendsPhone() throws Exception {
        String server = running.get().baseUrl();
        Officer officer = Officer.login(server, "officer@zwolle.demo", "welkom-demo");
        Household haile = officer.household("Familie Haile");
        List<String> canaries = new ArrayList<>(List.of("Haile", haile.reference(), haile.id(),
                "Canary-family-message-4711", "Canary-officer-reply-4712", "Canary-meeting-4713"));
        for (Member member : haile.members()) {
            canaries.add(member.displayName());
        }
        // "Selam" is also Tigrinya for "hello" in the phrasebook every Tigrinya reader gets: not a canary.
        canaries.remove("Selam");

        File familyFile = running.folder().resolve("family-phone.db").toFile();
        File friendFile = running.folder().resolve("friend-phone.db").toFile();
        try (SqliteLocalStore familyStore = SqliteLocalStore.open(familyFile);
             SqliteLocalStore friendStore = SqliteLocalStore.open(friendFile)) {
            Welkom family = Welkom.builder().baseUrl(server).store(familyStore).build();
            family.activate(officer.createActivationCode(haile.id()).code(), "Telefoon Mehret");
            family.setLanguages(List.of("ti", "en"));
            family.sync(SyncListener.NONE);
            family.messages().send(haile.id(), "Canary-family-message-4711: wanneer komt de tolk?");
            family.sync(SyncListener.NONE);
            officer.send("POST", "/api/households/" + haile.id() + "/messages",
                    Map.of("text", "Canary-officer-reply-4712: dinsdag om 10 uur."));
            family.sync(SyncListener.NONE);

            Welkom friend = Welkom.builder().baseUrl(server).store(friendStore).build();
            friend.setLanguages(List.of("nl"));
            friend.login("buddy@zwolle.demo", "welkom-demo");
            friend.sync(SyncListener.NONE);
            friend.meetings().log(haile.id(), friend.meetings().today(), "Canary-meeting-4713: samen naar de bibliotheek",
                    List.of(), null);
            friend.sync(SyncListener.NONE);

            assertTrue(hits(familyFile, canaries).contains("Canary-officer-reply-4712"),
                    "the family's phone holds the conversation before the erasure");
            assertTrue(hits(friendFile, canaries).contains("Canary-meeting-4713"),
                    "the friend's phone holds the meeting before the erasure");
            assertTrue(hits(friendFile, canaries).contains("Canary-family-message-4711"),
                    "the friend's phone holds the family's message before the erasure");

            officer.post("/api/households/" + haile.id() + "/erase", Map.of("confirmReference", haile.reference()));

            WelkomApiException refused = assertThrows(WelkomApiException.class, () -> family.sync(SyncListener.NONE));
            assertTrue(refused.isDeviceRevoked(), "the family's phone is told its household is gone");
            friend.sync(SyncListener.NONE);
            // Scanned while the stores are still open, as on a phone whose app keeps running.
            check(scan(familyFile, canaries), scan(friendFile, canaries), canaries, "open");
        }
        check(scan(familyFile, canaries), scan(friendFile, canaries), canaries, "closed");
    }

    private static void check(Scan family, Scan friend, List<String> canaries, String when) {
        System.out.println("PhoneErasureIT: 2 phone stores, " + (family.tables + friend.tables) + " tables, "
                + (family.rows + friend.rows) + " rows and " + (family.bytes + friend.bytes)
                + " file bytes scanned (stores " + when + ") for " + canaries.size() + " canaries, "
                + (family.hits.size() + friend.hits.size()) + " canary hits");
        assertEquals(List.of(), family.hits, "the family's phone, store " + when);
        assertEquals(List.of(), friend.hits, "the family friend's phone, store " + when);
    }

    private static List<String> hits(File store, List<String> canaries) throws Exception {
        List<String> found = new ArrayList<>();
        for (String hit : scan(store, canaries).hits) {
            found.add(hit.substring(hit.lastIndexOf(' ') + 1));
        }
        return found;
    }

    /** What a scan read and every canary it found, as {@code "<where> <canary>"}. */
    private static final class Scan {
        final List<String> hits = new ArrayList<>();
        int tables;
        long rows;
        long bytes;
    }

    /** Every value of every table, then the raw bytes of the file and its write-ahead log. */
    private static Scan scan(File store, List<String> canaries) throws Exception {
        Scan scan = new Scan();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store.getPath());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                scan.tables++;
                scanTable(connection, table, canaries, scan);
            }
        }
        for (File file : List.of(store, new File(store.getPath() + "-wal"))) {
            if (file.exists()) {
                String text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
                scan.bytes += file.length();
                for (String canary : canaries) {
                    if (text.contains(canary)) {
                        scan.hits.add(file.getName() + " " + canary);
                    }
                }
            }
        }
        return scan;
    }

    private static void scanTable(Connection connection, String table, List<String> canaries, Scan scan)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                scan.rows++;
                for (int c = 1; c <= columns; c++) {
                    String value = rows.getString(c);
                    for (String canary : canaries) {
                        if (value != null && value.contains(canary)) {
                            scan.hits.add(table + "." + rows.getMetaData().getColumnName(c) + " " + canary);
                        }
                    }
                }
            }
        }
    }
}
