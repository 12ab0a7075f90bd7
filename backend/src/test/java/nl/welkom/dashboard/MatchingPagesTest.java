package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * The "Familievriend" part of a household's page on the demo data: suggestions with their reasons,
 * "Koppelen", ending with a reason after a confirmation page, the household's wish; officers only.
 */
@MicronautTest(transactional = false)
class MatchingPagesTest extends DemoPagesTest {
    private static final Pattern END_LINK = Pattern.compile("href=\"/dashboard/buddy-matches/([0-9a-f-]+)/end\"");

    private String page(Cookie who, String householdId) {
        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard/households/" + householdId).cookie(who));
        assertEquals(200, response.code(), body(response));
        return body(response);
    }

    @Test
    void anOfficerMatchesASuggestionAndEndsTheMatchWithAReason() {
        String household = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib");
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String before = page(officer, household);
        assertTrue(before.contains("<h2 id=\"family-friend\">Familievriend</h2>"), before);
        assertTrue(before.contains("Joost Bakker"), before);
        assertTrue(before.contains("uur per week beschikbaar"), before);
        assertTrue(before.contains(">Koppelen</button>"), before);
        String buddyUserId = demo.queryString("SELECT user_id FROM volunteer WHERE email = 'buddy@zwolle.demo'");

        HttpResponse<String> matched = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + household
                + "/buddy-matches", Map.of("buddyUserId", buddyUserId))).cookie(officer));

        assertEquals(303, matched.code(), body(matched));
        assertTrue(matched.header(HttpHeaders.LOCATION).endsWith(household + "#family-friend"));
        String after = page(officer, household);
        assertTrue(after.contains("Huidige familievriend") && after.contains("<strong>Joost Bakker</strong>"), after);
        assertFalse(after.contains(">Koppelen</button>"), "no suggestions while matched");
        Matcher end = END_LINK.matcher(after);
        assertTrue(end.find(), after);
        String matchId = end.group(1);
        String form = body(web.send(HttpRequest.GET("/dashboard/buddy-matches/" + matchId + "/end").cookie(officer)));
        assertTrue(form.contains("<h1>Koppeling beëindigen</h1>") && form.contains("Het gezin redt zich"), form);

        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/buddy-matches/" + matchId
                + "/end", Map.of("reason", "", "note", "Belt niet terug"))).cookie(officer));

        assertEquals(400, refused.code());
        assertTrue(body(refused).contains("aria-invalid=\"true\" aria-describedby=\"reason-error\""), body(refused));
        assertTrue(body(refused).contains("Belt niet terug"), "the note is kept");
        assertEquals(1, demo.queryLong("SELECT count(*) FROM buddy_match WHERE id = ? AND ended_at IS NULL", matchId));

        HttpResponse<String> ended = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/buddy-matches/" + matchId
                + "/end", Map.of("reason", "NO_CONTACT", "note", "Belt niet terug"))).cookie(officer));

        assertEquals(303, ended.code(), body(ended));
        assertEquals(1, demo.queryLong("SELECT count(*) FROM buddy_match WHERE id = ? AND end_reason = 'NO_CONTACT'"
                + " AND end_note = 'Belt niet terug'", matchId));
        assertTrue(page(officer, household).contains(">Koppelen</button>"), "suggestions again after the end");
    }

    @Test
    void theWishForAWomanIsSavedAndAFullOrMatchedVolunteerIsShownWithWhyNot() {
        String household = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        assertTrue(page(officer, household).contains("Huidige familievriend"), "Haile is matched with Joost in the demo");

        HttpResponse<String> saved = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + household
                + "/buddy-preference", Map.of("prefers", "WOMAN"))).cookie(officer));

        assertEquals(303, saved.code(), body(saved));
        assertEquals("WOMAN", demo.queryString(
                "SELECT prefers FROM household_buddy_preference WHERE household_id = ?", household));
        assertTrue(page(officer, household).contains("<option value=\"WOMAN\" selected=\"selected\">Een vrouw</option>"));
        HttpResponse<String> bad = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + household
                + "/buddy-preference", Map.of("prefers", "ROBOT"))).cookie(officer));
        assertEquals(400, bad.code());
        assertEquals("WOMAN", demo.queryString(
                "SELECT prefers FROM household_buddy_preference WHERE household_id = ?", household));
    }

    @Test
    void theFamilyFriendPartIsForOfficersOfTheHouseholdOnly() {
        String household = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        String matchId = demo.queryString("SELECT id FROM buddy_match WHERE household_id = ? AND ended_at IS NULL",
                household);

        assertFalse(page(buddy, household).contains("id=\"family-friend\""), "a buddy does not see the part");
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/buddy-matches/" + matchId + "/end").cookie(buddy)).code());
        assertEquals(404, web.send(HttpRequest.GET("/dashboard/buddy-matches/" + matchId + "/end").cookie(deventer)).code());
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/buddy-matches/" + matchId + "/end",
                Map.of("reason", "OTHER"))).cookie(deventer)).code());
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + household
                + "/buddy-preference", Map.of("prefers", "MAN"))).cookie(deventer)).code());
        assertEquals(403, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + household
                + "/buddy-matches", Map.of("buddyUserId", "x"))).cookie(buddy)).code());
        assertEquals(1, demo.queryLong("SELECT count(*) FROM buddy_match WHERE id = ? AND ended_at IS NULL", matchId));
    }
}
