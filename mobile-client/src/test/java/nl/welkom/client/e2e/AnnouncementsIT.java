package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import nl.welkom.client.Announcements;
import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.household.Household;

/**
 * Announcements through every layer (issue 11): an officer publishes two for the whole municipality
 * over the API — one with a machine-drafted Arabic translation, one in Dutch only — and an Arabic
 * reader's phone (the real library on its real SQLite store) receives the first in Arabic, marked
 * as machine-drafted, and the second in Dutch as the fallback; each is new once, and a withdrawn one
 * leaves the phone.
 */
class AnnouncementsIT {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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
    void anArabicReaderGetsTheArabicDraftMarkedAndTheDutchTextWhereNoTranslationExists() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household alKhatib = officer.household("Familie Al-Khatib");
        String expires = LocalDate.now(AMSTERDAM).plusDays(14).toString();
        String translated = publish(officer, "Zwembad gratis voor kinderen",
                "In de herfstvakantie kunnen kinderen gratis zwemmen in De Vrolijkheid.", expires);
        Map<String, Object> arabic = new HashMap<>();
        arabic.put("title", "مسبح مجاني للأطفال");
        arabic.put("text", "في عطلة الخريف يمكن للأطفال السباحة مجانًا في مسبح دي فرولايكهايد.");
        arabic.put("state", "MACHINE_DRAFTED");
        officer.send("PUT", "/api/announcements/" + translated + "/translations/ar", arabic);
        String dutchOnly = publish(officer, "Gemeentehuis dicht op 24 december",
                "Op 24 december is het gemeentehuis de hele dag gesloten.", expires);

        File file = tmp.resolve("phone/welkom.db").toFile();
        assertTrue(file.getParentFile().mkdirs());
        store = SqliteLocalStore.open(file);
        Welkom phone = Welkom.builder().baseUrl(backend.baseUrl()).store(store).build();
        phone.activate(officer.createActivationCode(alKhatib.id()).code(), "Telefoon Al-Khatib");
        phone.setLanguages(List.of("ar"));
        phone.sync(SyncListener.NONE);

        Announcements announcements = phone.announcements();
        Announcements.Item arabicItem = find(announcements.fresh(), translated).orElseThrow();
        assertEquals("ar", arabicItem.announcement().lang());
        assertEquals("مسبح مجاني للأطفال", arabicItem.announcement().title());
        assertTrue(arabicItem.machineDrafted(), "shown as translated by a computer, not checked");
        Announcements.Item dutchItem = find(announcements.fresh(), dutchOnly).orElseThrow();
        assertEquals("nl", dutchItem.announcement().lang(), "no Arabic text: the Dutch one, the end of every chain");
        assertEquals(TranslationState.MISSING, dutchItem.announcement().state());
        assertEquals("Gemeentehuis dicht op 24 december", dutchItem.announcement().title());

        // Each is new once; they stay until they expire; a withdrawn one leaves the phone.
        announcements.markShown(translated);
        announcements.markShown(dutchOnly);
        phone.sync(SyncListener.NONE);
        assertFalse(find(announcements.fresh(), translated).isPresent());
        assertTrue(find(announcements.live(), translated).isPresent());
        assertFalse(find(announcements.live(LocalDate.parse(expires).plusDays(1)), translated).isPresent(),
                "gone the day after it expires");
        officer.send("POST", "/api/announcements/" + dutchOnly + "/withdraw", Map.of());
        phone.sync(SyncListener.NONE);
        assertFalse(find(announcements.live(), dutchOnly).isPresent(), "withdrawn by the municipality");
        assertTrue(find(announcements.live(), translated).isPresent());
    }

    private static String publish(Officer officer, String title, String text, String expiresOn) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("text", text);
        body.put("targetKind", "ALL");
        body.put("expiresOn", expiresOn);
        return new Gson().fromJson(officer.send("POST", "/api/announcements", body), JsonObject.class).get("id").getAsString();
    }

    private static Optional<Announcements.Item> find(List<Announcements.Item> items, String id) {
        return items.stream().filter(i -> i.announcement().id().equals(id)).findFirst();
    }
}
