package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The family friend's space, the meeting form and the coordinator's attention page, over plain HTTP on the demo data. */
@MicronautTest(transactional = false)
class MeetingPagesTest extends DemoPagesTest {
    private static final Pattern TASK_BOX = Pattern.compile("name=\"task\\.([0-9a-f-]{36})\"");
    private static final String[] HIDDEN = {"WLK-2026-0001", "Eritrea", "Alemwach", "1991"};

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    }

    private HttpResponse<String> post(String path, Map<String, String> form, Cookie session) {
        return web.send(web.sameOrigin(HttpRequest.POST(path, form).cookie(session)));
    }

    @Test
    void theFriendsSpaceShowsTheirFamilyWithOnlyWhatAFriendNeedsAndWhatTheFamilyLearns() {
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard/mijn-gezinnen").cookie(buddy));
        assertEquals(200, response.code());
        DashboardClient.assertHtml(response);
        String page = body(response);
        assertTrue(page.contains("Mijn gezinnen") && page.contains("Familie Haile"), page);
        assertTrue(page.contains("Open taken") && page.contains("Wat het gezin leert"));
        assertTrue(page.contains("/api/content?lang=nl") && page.contains("/api/phrasebook?lang=nl"));
        assertFalse(page.contains("Familie Al-Khatib"), "only their own households");
        for (String hidden : HIDDEN) {
            assertFalse(page.contains(hidden), "a friend sees minimal fields: " + hidden);
        }
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        String json = http.toBlocking().retrieve(HttpRequest.GET("/api/households/" + haile)
                .bearerAuth(web.apiToken(DemoData.ZWOLLE_BUDDY)));
        for (String hidden : HIDDEN) {
            assertFalse(json.contains(hidden), "the API gives a friend minimal fields: " + hidden);
        }
        assertFalse(json.contains("specialNeeds\":[{"), "no special needs for a friend");
    }

    @Test
    void theFriendLogsAMeetingThatTicksATaskAndTheOfficerReadsItWithTheNote() {
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(buddy)));
        assertTrue(page.contains("Een ontmoeting vastleggen"), "the friend gets the form");
        Matcher box = TASK_BOX.matcher(page);
        assertTrue(box.find(), "an open task the friend may tick");
        String task = box.group(1);

        Map<String, String> form = new HashMap<>();
        form.put("date", today());
        form.put("what", "Samen naar de bibliotheek geweest en een pas aangevraagd.");
        form.put("note", "Tesfay zoekt werk in de techniek.");
        form.put("task." + task, "on");
        HttpResponse<String> saved = post("/dashboard/households/" + haile + "/meetings", form, buddy);
        assertEquals(303, saved.code(), body(saved));
        assertEquals("/dashboard/households/" + haile + "#ontmoetingen", saved.header(HttpHeaders.LOCATION));

        String after = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(buddy)));
        assertTrue(after.contains("Samen naar de bibliotheek geweest"));
        assertFalse(after.contains("name=\"task." + task + "\""), "the ticked task is done and no longer offered");
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String officerPage = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(officer)));
        assertTrue(officerPage.contains("Tesfay zoekt werk in de techniek."), "the coordinator reads the note");
        assertFalse(officerPage.contains("Een ontmoeting vastleggen"), "officers do not log meetings");
        String space = body(web.send(HttpRequest.GET("/dashboard/mijn-gezinnen").cookie(buddy)));
        assertTrue(space.contains("Laatste ontmoeting"), space);
    }

    @Test
    void aRefusedMeetingComesBackWithTheValuesKeptAndTheErrorBesideTheField() {
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Map<String, String> form = new HashMap<>();
        form.put("date", LocalDate.parse(today()).plusDays(3).toString());
        form.put("what", "Kookles gepland");
        form.put("note", "");
        HttpResponse<String> refused = post("/dashboard/households/" + haile + "/meetings", form, buddy);
        assertEquals(400, refused.code());
        String page = body(refused);
        assertTrue(page.contains("De datum ligt in de toekomst"), page);
        assertTrue(page.contains("aria-invalid=\"true\""));
        assertTrue(page.contains("Kookles gepland"), "the text is kept");
        form.put("date", today());
        form.put("what", " ");
        String empty = body(post("/dashboard/households/" + haile + "/meetings", form, buddy));
        assertTrue(empty.contains("Schrijf op wat u samen hebt gedaan."));
        String list = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(buddy)));
        assertFalse(list.contains("Kookles gepland"), "nothing was stored");
    }

    @Test
    void everyNewPageRefusesWhoMayNotUseIt() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Map<String, String> form = Map.of("date", today(), "what", "Koffie");
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        Cookie admin = web.session(DemoData.ADMIN);

        assertEquals(403, post("/dashboard/households/" + haile + "/meetings", form, officer).code());
        assertEquals(404, post("/dashboard/households/" + haile + "/meetings", form, deventer).code());
        assertEquals(403, post("/dashboard/households/" + haile + "/meetings", form, admin).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/mijn-gezinnen").cookie(officer)).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/mijn-gezinnen").cookie(admin)).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/volunteers/attention").cookie(buddy)).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/volunteers/attention").cookie(admin)).code());
        assertEquals("/login", web.send(HttpRequest.GET("/dashboard/mijn-gezinnen")).header(HttpHeaders.LOCATION));
        assertEquals("/login", web.send(HttpRequest.GET("/dashboard/volunteers/attention")).header(HttpHeaders.LOCATION));
        HttpResponse<String> attention = web.send(HttpRequest.GET("/dashboard/volunteers/attention").cookie(officer));
        assertEquals(200, attention.code());
        assertTrue(body(attention).contains("Koppelingen zonder contact"));
    }
}
