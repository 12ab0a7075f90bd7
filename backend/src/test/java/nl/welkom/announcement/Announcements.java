package nl.welkom.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.casefile.HouseholdCommand;
import nl.welkom.casefile.MemberCommand;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.household.Household;
import nl.welkom.model.sync.PullResponse;

/**
 * Shortcuts of the announcement tests. Their announcements target stages and languages no fixture
 * household has (PRE_DEPARTURE, TRAVEL, Pashto, Kirundi), so other tests' pulls stay as they were.
 */
final class Announcements {
    private Announcements() {
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(days).toString();
    }

    static AnnouncementCommand command(String title, String kind, String value) {
        return new AnnouncementCommand(title, "Het spreekuur is op donderdag van 9 tot 12 uur.", kind, value,
                inDays(30));
    }

    static AnnouncementView publish(Api api, String officer, AnnouncementCommand command) {
        Api.Response response = api.post("/api/announcements", officer, command);
        assertEquals(201, response.status(), response.body());
        return response.as(AnnouncementView.class);
    }

    static AnnouncementView translate(Api api, String officer, String id, String lang, String state) {
        Api.Response response = api.put("/api/announcements/" + id + "/translations/" + lang, officer,
                new TranslationCommand("Titel in " + lang, "Tekst in " + lang, state));
        assertEquals(200, response.status(), response.body());
        return response.as(AnnouncementView.class);
    }

    /** A new household of the officer's municipality, in {@code stage}, speaking {@code language}. */
    static Household household(Api api, String officer, String stage, String language) {
        Api.Response response = api.post("/api/households", officer, householdCommand(null, stage, language, null));
        assertEquals(201, response.status(), response.body());
        String id = response.as(nl.welkom.casefile.HouseholdDetails.class).id();
        return api.get("/api/households/" + id, officer).as(Household.class);
    }

    static HouseholdCommand householdCommand(String reference, String stage, String language, Long version) {
        return new HouseholdCommand(reference, "Familie " + UUID.randomUUID().toString().substring(0, 6), "AF", null,
                null, null, null, "DIRECT", null, stage, List.of(language), version,
                version == null ? List.of(new MemberCommand("Ouder", 1980, null, null, List.of(language))) : null);
    }

    static PullResponse pull(Api api, String token, long after, String lang) {
        Api.Response response = api.get("/api/sync/pull?after=" + after + (lang == null ? "" : "&lang=" + lang), token);
        assertEquals(200, response.status(), response.body());
        return response.as(PullResponse.class);
    }

    /** Every page from {@code after} until no more; the announcements of all pages, in order, and the last cursor. */
    record Pulled(long cursor, List<Announcement> announcements) {
        Announcement find(String id) {
            return announcements.stream().filter(a -> a.id().equals(id)).reduce((a, b) -> b).orElse(null);
        }
    }

    static Pulled pullAll(Api api, String token, long after, String lang) {
        long cursor = after;
        List<Announcement> all = new ArrayList<>();
        PullResponse page;
        do {
            page = pull(api, token, cursor, lang);
            all.addAll(page.announcements());
            cursor = page.cursor();
        } while (page.hasMore());
        return new Pulled(cursor, all);
    }
}
