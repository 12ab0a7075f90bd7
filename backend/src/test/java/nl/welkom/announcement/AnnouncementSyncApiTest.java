package nl.welkom.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.household.Household;
import nl.welkom.model.sync.PullResponse;

/** Announcements reaching a newcomer's phone through the real pull. */
class AnnouncementSyncApiTest {
    private static final Api API = new Api();

    @Test
    void aPhoneReceivesTheAnnouncementsForItsStageAndLanguageButNotThoseForOthers() {
        String officer = API.login(Fixtures.OFFICER);
        Household family = Announcements.household(API, officer, "PRE_DEPARTURE", "ps");
        AnnouncementView forLanguage = Announcements.publish(API, officer,
                Announcements.command("Voor Pashto-sprekers", "LANGUAGE", "ps"));
        AnnouncementView forStage = Announcements.publish(API, officer,
                Announcements.command("Voor vertrek", "STAGE", "PRE_DEPARTURE"));
        AnnouncementView otherStage = Announcements.publish(API, officer,
                Announcements.command("Na de reis", "STAGE", "TRAVEL"));
        AnnouncementView otherLanguage = Announcements.publish(API, officer,
                Announcements.command("Voor Kirundi-sprekers", "LANGUAGE", "rn"));
        String phone = Fixtures.device(API, family.reference()).token();

        Announcements.Pulled pulled = Announcements.pullAll(API, phone, 0, "nl");
        assertNotNull(pulled.find(forLanguage.id()));
        assertNotNull(pulled.find(forStage.id()));
        assertNull(pulled.find(otherStage.id()));
        assertNull(pulled.find(otherLanguage.id()));
        Announcement seen = pulled.find(forStage.id());
        assertEquals("Voor vertrek", seen.title());
        assertEquals("nl", seen.lang());
        assertEquals(TranslationState.UP_TO_DATE, seen.state(), "a Dutch reader reads the source");
        assertEquals(forStage.expiresOn(), seen.expiresOn());
        assertFalse(seen.withdrawn());

        PullResponse upToDate = Announcements.pull(API, phone, pulled.cursor(), "nl");
        assertTrue(upToDate.announcements().isEmpty(), "an up-to-date pull brings nothing");
        assertFalse(upToDate.hasMore());
        assertEquals(pulled.cursor(), upToDate.cursor());
    }

    @Test
    void anArabicReaderGetsDutchMarkedMissingUntilAMachineDraftedArabicTranslationArrives() {
        String officer = API.login(Fixtures.OFFICER);
        Household family = Announcements.household(API, officer, "PRE_DEPARTURE", "ps");
        String phone = Fixtures.device(API, family.reference()).token();
        long cursor = Announcements.pullAll(API, phone, 0, "ar,en").cursor();

        AnnouncementView made = Announcements.publish(API, officer,
                Announcements.command("Spreekuur verplaatst", "LANGUAGE", "ps"));
        Announcements.Pulled dutch = Announcements.pullAll(API, phone, cursor, "ar,en");
        Announcement fallback = dutch.find(made.id());
        assertEquals("nl", fallback.lang());
        assertEquals("Spreekuur verplaatst", fallback.title());
        assertEquals(TranslationState.MISSING, fallback.state());

        Announcements.translate(API, officer, made.id(), "ar", "MACHINE_DRAFTED");
        Announcements.Pulled arabic = Announcements.pullAll(API, phone, dutch.cursor(), "ar,en");
        Announcement translated = arabic.find(made.id());
        assertEquals("ar", translated.lang());
        assertEquals("Titel in ar", translated.title());
        assertEquals(TranslationState.MACHINE_DRAFTED, translated.state());
        assertEquals(fallback.version() + 1, translated.version());
    }

    @Test
    void aWithdrawnAnnouncementReachesThePhoneAsWithdrawnAndAnExpiredOneIsNotSent() {
        String officer = API.login(Fixtures.OFFICER);
        Household family = Announcements.household(API, officer, "PRE_DEPARTURE", "ps");
        AnnouncementView expiring = Announcements.publish(API, officer,
                Announcements.command("Was tot gisteren", "LANGUAGE", "ps"));
        // an announcement whose last day has passed: the API only accepts days from today on
        TestServer.get().update("UPDATE announcement SET expires_on = ? WHERE id = ?", Announcements.inDays(-1),
                expiring.id());
        AnnouncementView standing = Announcements.publish(API, officer,
                Announcements.command("Wordt ingetrokken", "LANGUAGE", "ps"));
        String phone = Fixtures.device(API, family.reference()).token();

        Announcements.Pulled first = Announcements.pullAll(API, phone, 0, "ps");
        assertNull(first.find(expiring.id()), "expired");
        assertFalse(first.find(standing.id()).withdrawn());

        assertEquals(200, API.post("/api/announcements/" + standing.id() + "/withdraw", officer, "").status());
        Announcements.Pulled second = Announcements.pullAll(API, phone, first.cursor(), "ps");
        assertTrue(second.find(standing.id()).withdrawn(), "the phone is told to drop it");

        Announcements.Pulled fresh = Announcements.pullAll(API, phone, 0, "ps");
        assertNull(fresh.find(expiring.id()));
        assertTrue(fresh.find(standing.id()).withdrawn(), "a new phone is told too (harmless)");
    }

    @Test
    void aHouseholdWhoseStageMovesGetsTheLiveAnnouncementOfItsNewStage() {
        String officer = API.login(Fixtures.OFFICER);
        Household family = Announcements.household(API, officer, "PRE_DEPARTURE", "ps");
        AnnouncementView forTravel = Announcements.publish(API, officer,
                Announcements.command("Reisdocumenten klaarleggen", "STAGE", "TRAVEL"));
        String phone = Fixtures.device(API, family.reference()).token();
        Announcements.Pulled before = Announcements.pullAll(API, phone, 0, "nl");
        assertNull(before.find(forTravel.id()));

        Api.Response moved = API.put("/api/households/" + family.id() + "/details", officer,
                Announcements.householdCommand(family.reference(), "TRAVEL", "ps", family.version()));
        assertEquals(200, moved.status(), moved.body());
        Announcements.Pulled after = Announcements.pullAll(API, phone, before.cursor(), "nl");
        assertEquals("Reisdocumenten klaarleggen", after.find(forTravel.id()).title());
    }

    @Test
    void aFamilyFriendsPullCarriesNoAnnouncements() {
        String officer = API.login(Fixtures.OFFICER);
        Announcements.publish(API, officer, Announcements.command("Alleen voor gezinnen", "LANGUAGE", "ps"));
        PullResponse pulled = Announcements.pull(API, API.login(Fixtures.BUDDY), 0, "nl");
        assertFalse(pulled.households().isEmpty(), "the friend sees its matched family");
        assertTrue(pulled.announcements().isEmpty());
    }
}
