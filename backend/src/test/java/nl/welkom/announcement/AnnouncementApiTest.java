package nl.welkom.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.content.TranslationState;

class AnnouncementApiTest {
    private static final Api API = new Api();

    @Test
    void anOfficerPublishesAnAnnouncementTranslatesItAndSeesItWithAllItsLanguages() {
        String officer = API.login(Fixtures.OFFICER);
        AnnouncementView made = Announcements.publish(API, officer,
                Announcements.command("Spreekuur verplaatst", "STAGE", "travel"));
        assertEquals("STAGE", made.targetKind());
        assertEquals("TRAVEL", made.targetValue());
        assertEquals("Spreekuur verplaatst", made.dutch().title());
        assertEquals(TranslationState.UP_TO_DATE, made.dutch().state());
        assertTrue(made.live());

        AnnouncementView drafted = Announcements.translate(API, officer, made.id(), "ar", null);
        assertEquals(TranslationState.MACHINE_DRAFTED, drafted.in("ar").state(), "a new translation is machine-drafted");
        assertEquals(made.version() + 1, drafted.version());
        AnnouncementView reviewed = Announcements.translate(API, officer, made.id(), "ar", "UP_TO_DATE");
        assertEquals(TranslationState.UP_TO_DATE, reviewed.in("ar").state());

        List<AnnouncementView> listed = API.get("/api/announcements", officer).asListOf(AnnouncementView.class);
        AnnouncementView seen = listed.stream().filter(a -> a.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals(List.of("nl", "ar"), seen.translations().stream().map(AnnouncementView.Text::lang).toList());
    }

    @Test
    void anEditRaisesTheVersionAndAWithdrawnAnnouncementIsListedAfterTheLiveOnesAndCannotBeChanged() {
        String officer = API.login(Fixtures.OFFICER);
        AnnouncementView made = Announcements.publish(API, officer,
                Announcements.command("Taalschool gesloten", "LANGUAGE", "rn"));
        Api.Response edited = API.put("/api/announcements/" + made.id(), officer, new AnnouncementCommand(
                "Taalschool dicht op vrijdag", "De taalschool is vrijdag dicht.", null, null, Announcements.inDays(10)));
        assertEquals(200, edited.status(), edited.body());
        AnnouncementView after = edited.as(AnnouncementView.class);
        assertEquals("Taalschool dicht op vrijdag", after.dutch().title());
        assertEquals(Announcements.inDays(10), after.expiresOn());
        assertEquals("LANGUAGE", after.targetKind(), "an edit keeps the target");
        assertEquals(made.version() + 1, after.version());

        Api.Response withdrawn = API.post("/api/announcements/" + made.id() + "/withdraw", officer, "");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertNotNull(withdrawn.as(AnnouncementView.class).withdrawnAt());
        assertFalse(withdrawn.as(AnnouncementView.class).live());
        assertEquals(200, API.post("/api/announcements/" + made.id() + "/withdraw", officer, "").status(),
                "withdrawing twice is harmless");

        List<AnnouncementView> listed = API.get("/api/announcements", officer).asListOf(AnnouncementView.class);
        int position = listed.stream().map(AnnouncementView::id).toList().indexOf(made.id());
        assertTrue(listed.subList(0, position).stream().allMatch(AnnouncementView::live), "live ones first");

        API.put("/api/announcements/" + made.id(), officer, Announcements.command("Nog eens", "ALL", null)).problem(400);
        API.put("/api/announcements/" + made.id() + "/translations/ar", officer,
                new TranslationCommand("t", "t", null)).problem(400);
    }

    @Test
    void badInputIsRefusedWithAClearProblemAndNothingIsStored() {
        String officer = API.login(Fixtures.OFFICER);
        long before = count("announcement");
        List<AnnouncementCommand> bad = List.of(
                new AnnouncementCommand(null, "Tekst", "ALL", null, Announcements.inDays(5)),
                new AnnouncementCommand("x".repeat(121), "Tekst", "ALL", null, Announcements.inDays(5)),
                new AnnouncementCommand("Titel", " ", "ALL", null, Announcements.inDays(5)),
                new AnnouncementCommand("Titel", "x".repeat(2001), "ALL", null, Announcements.inDays(5)),
                new AnnouncementCommand("Titel", "Tekst", "ALL", null, null),
                new AnnouncementCommand("Titel", "Tekst", "ALL", null, "morgen"),
                new AnnouncementCommand("Titel", "Tekst", "ALL", null, Announcements.inDays(-1)),
                new AnnouncementCommand("Titel", "Tekst", "ALL", null, Announcements.inDays(367)),
                new AnnouncementCommand("Titel", "Tekst", "EVERYONE", null, Announcements.inDays(5)),
                new AnnouncementCommand("Titel", "Tekst", "STAGE", "HOLIDAY", Announcements.inDays(5)),
                new AnnouncementCommand("Titel", "Tekst", "LANGUAGE", "xx", Announcements.inDays(5)));
        for (AnnouncementCommand command : bad) {
            String detail = API.post("/api/announcements", officer, command).problem(400).detail();
            assertTrue(detail != null && !detail.isBlank(), command.toString());
        }
        assertEquals(before, count("announcement"));

        AnnouncementView made = Announcements.publish(API, officer, Announcements.command("Nieuw", "LANGUAGE", "rn"));
        long texts = count("announcement_translation");
        for (Map.Entry<String, TranslationCommand> entry : List.of(
                Map.entry("nl", new TranslationCommand("Titel", "Tekst", null)),
                Map.entry("xx", new TranslationCommand("Titel", "Tekst", null)),
                Map.entry("ar", new TranslationCommand("", "Tekst", null)),
                Map.entry("ar", new TranslationCommand("Titel", "x".repeat(2001), null)),
                Map.entry("ar", new TranslationCommand("Titel", "Tekst", "OUTDATED")))) {
            API.put("/api/announcements/" + made.id() + "/translations/" + entry.getKey(), officer, entry.getValue())
                    .problem(400);
        }
        API.put("/api/announcements/" + made.id(), officer,
                new AnnouncementCommand("", "Tekst", null, null, Announcements.inDays(5))).problem(400);
        assertEquals(texts, count("announcement_translation"));
        assertEquals(made, API.get("/api/announcements", officer).asListOf(AnnouncementView.class).stream()
                .filter(a -> a.id().equals(made.id())).findFirst().orElseThrow(), "the refused edits changed nothing");
    }

    @Test
    void anOfficerOfAnotherMunicipalityNeitherSeesNorChangesTheAnnouncement() {
        String officer = API.login(Fixtures.OFFICER);
        AnnouncementView made = Announcements.publish(API, officer, Announcements.command("Alleen Testdorp", "LANGUAGE", "rn"));
        String other = API.login(Fixtures.OTHER_OFFICER);
        assertFalse(API.get("/api/announcements", other).asListOf(AnnouncementView.class).stream()
                .anyMatch(a -> a.id().equals(made.id())));
        API.put("/api/announcements/" + made.id(), other, Announcements.command("Overgenomen", "ALL", null)).problem(404);
        API.put("/api/announcements/" + made.id() + "/translations/ar", other,
                new TranslationCommand("Titel", "Tekst", null)).problem(404);
        API.post("/api/announcements/" + made.id() + "/withdraw", other, "").problem(404);
        API.post("/api/announcements/unknown/withdraw", officer, "").problem(404);
        assertEquals(made, API.get("/api/announcements", officer).asListOf(AnnouncementView.class).stream()
                .filter(a -> a.id().equals(made.id())).findFirst().orElseThrow());
    }

    @Test
    void onlyOfficersMayUseTheAnnouncementsApiAndAnonymousCallersMustLogIn() {
        String officer = API.login(Fixtures.OFFICER);
        AnnouncementView made = Announcements.publish(API, officer, Announcements.command("Voor rollen", "LANGUAGE", "rn"));
        long before = count("announcement");
        List<String> tokens = List.of(API.login(Fixtures.BUDDY), API.login(Fixtures.EDITOR), API.login(Fixtures.ADMIN),
                Fixtures.device(API, "T-UNMATCHED").token());
        for (String token : tokens) {
            calls(token, made.id()).forEach(response -> response.problem(403));
        }
        calls(null, made.id()).forEach(response -> response.problem(401));
        assertEquals(before, count("announcement"));
        assertEquals(made, API.get("/api/announcements", officer).asListOf(AnnouncementView.class).stream()
                .filter(a -> a.id().equals(made.id())).findFirst().orElseThrow());
    }

    private static List<Api.Response> calls(String token, String id) {
        return List.of(
                API.get("/api/announcements", token),
                API.post("/api/announcements", token, Announcements.command("Niet van mij", "ALL", null)),
                API.put("/api/announcements/" + id, token, Announcements.command("Niet van mij", "ALL", null)),
                API.put("/api/announcements/" + id + "/translations/ar", token, new TranslationCommand("a", "b", null)),
                API.post("/api/announcements/" + id + "/withdraw", token, ""));
    }

    private static long count(String table) {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM " + table);
    }
}
