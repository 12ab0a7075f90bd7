package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The family-friend programme as the demo shows it (demo/volunteers.yaml, demo/meetings.yaml): enough
 * family friends to choose from, with a shared language first; Joost's meetings with Familie Haile and
 * his gentle prompt after three weeks without one; the volunteer whose VOG is too old on the attention list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeDemoTest implements TestPropertyProvider {
    private static final Pattern ATTENTION = Pattern.compile("id=\"attention-heading\".*?</section>", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("<li>.*?</li>", Pattern.DOTALL);

    private final DemoData demo = new DemoData();
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;
    private DashboardClient web;

    @Override
    public Map<String, String> getProperties() {
        return demo.properties();
    }

    @BeforeAll
    void connect() {
        web = new DashboardClient(http, server);
    }

    @AfterAll
    void removeData() {
        demo.delete();
    }

    private Map<String, Object> getMap(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    private List<Map<String, Object>> getList(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> suggestions(String officer, String household) {
        String id = web.householdId(officer, household);
        return (List<Map<String, Object>>) getMap("/api/households/" + id + "/buddy-suggestions",
                web.apiToken(officer)).get("suggestions");
    }

    @SuppressWarnings("unchecked")
    private static void assertSpeaksTheFamilysLanguageFirst(List<Map<String, Object>> suggestions, String name,
                                                           String sentence) {
        assertTrue(suggestions.size() >= 3, "at least three family friends to choose from: " + suggestions);
        Map<String, Object> best = suggestions.get(0);
        assertEquals(name, best.get("name"), suggestions.toString());
        Map<String, Object> reason = ((List<Map<String, Object>>) best.get("parts")).get(0);
        assertEquals("LANGUAGE", reason.get("kind"));
        assertTrue(((Number) reason.get("points")).intValue() > 0);
        assertTrue(String.valueOf(reason.get("sentence")).startsWith(sentence), reason.toString());
    }

    @Test
    void theCoordinatorGetsSeveralSuggestionsWithAFriendWhoSpeaksTheFamilysLanguageFirst() {
        assertSpeaksTheFamilysLanguageFirst(suggestions(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib"),
                "Samira El Amrani", "Spreekt Arabisch");
        assertSpeaksTheFamilysLanguageFirst(suggestions(DemoData.ZWOLLE_OFFICER, "Familie Bahati"),
                "Christelle Mbuyi", "Spreekt ");
        assertSpeaksTheFamilysLanguageFirst(suggestions(DemoData.ZWOLLE_OFFICER, "Familie Haile"),
                "Dawit Kidane", "Spreekt Tigrinya");
        List<Map<String, Object>> warsame = suggestions(DemoData.DEVENTER_OFFICER, "Familie Warsame");
        assertEquals("Sahra Mohamed", warsame.get(0).get("name"), warsame.toString());
        assertTrue(warsame.get(0).toString().contains("alleenstaande ouder"), "she prefers single parents");
        List<Map<String, Object>> ahmadi = suggestions(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");
        assertEquals("Mariam Sultani", ahmadi.get(0).get("name"), ahmadi.toString());
        for (List<Map<String, Object>> list : List.of(suggestions(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib"),
                warsame, ahmadi)) {
            assertFalse(list.toString().contains("Henk Bos"), "a paused friend is not suggested");
            assertFalse(list.toString().contains("Semhar Tesfay"), "a trained volunteer is not active yet");
            assertFalse(list.toString().contains("Wim de Graaf"), "a stopped volunteer is not suggested");
        }
    }

    @Test
    void theOfficerReadsJoostsMeetingsWithFamilieHaileNewestFirstWithHisNotes() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        List<Map<String, Object>> meetings = getList("/api/households/" + haile + "/meetings",
                web.apiToken(DemoData.ZWOLLE_OFFICER));
        assertEquals(3, meetings.size(), meetings.toString());
        assertTrue(String.valueOf(meetings.get(0).get("what")).startsWith("OV-chipkaart opgeladen"), meetings.toString());
        assertTrue(String.valueOf(meetings.get(2).get("what")).startsWith("Kennisgemaakt"));
        assertTrue(meetings.stream().allMatch(m -> "Joost Bakker".equals(m.get("buddyName"))));
        assertTrue(String.valueOf(meetings.get(0).get("note")).contains("verhuizing"));
        List<Map<String, Object>> own = getList("/api/households/" + haile + "/meetings",
                web.apiToken(DemoData.ZWOLLE_BUDDY));
        assertEquals(3, own.size(), "Joost reads his own meetings too");
    }

    @Test
    void threeWeeksWithoutAMeetingPromptJoostGentlyButNotYetTheCoordinator() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        List<Map<String, Object>> friend = getList("/api/meetings/prompts", web.apiToken(DemoData.ZWOLLE_BUDDY));
        assertEquals(1, friend.size(), friend.toString());
        assertEquals(haile, friend.get(0).get("householdId"));
        int days = ((Number) friend.get(0).get("days")).intValue();
        assertTrue(days >= 21 && days < 42, friend.toString());
        String space = body(web.send(HttpRequest.GET("/dashboard/mijn-gezinnen").cookie(web.session(DemoData.ZWOLLE_BUDDY))));
        assertTrue(space.contains("Al een tijd geen ontmoeting")
                && space.contains("al " + days + " dagen geen ontmoeting vastgelegd"), space);

        List<Map<String, Object>> coordinator = getList("/api/meetings/prompts", web.apiToken(DemoData.ZWOLLE_OFFICER));
        assertTrue(coordinator.stream().noneMatch(p -> haile.equals(p.get("householdId"))),
                "the coordinator is prompted after six weeks: " + coordinator);
    }

    @Test
    void theAttentionListNamesTheActiveFriendWhoseVogIsTooOld() {
        String page = body(web.send(HttpRequest.GET("/dashboard/volunteers").cookie(web.session(DemoData.ZWOLLE_OFFICER))));
        Matcher section = ATTENTION.matcher(page);
        assertTrue(section.find(), page);
        Matcher item = ITEM.matcher(section.group());
        boolean anneke = false;
        while (item.find()) {
            String line = item.group();
            if (line.contains("Anneke Smit")) {
                anneke = line.contains("de VOG is ouder dan het programma toestaat");
            }
            assertFalse(line.contains("Joost Bakker"), "Joost's VOG is recent: " + line);
        }
        assertTrue(anneke, section.group());
        assertTrue(page.contains(">Actief (6)<"), "six active family friends in Zwolle");
    }
}
