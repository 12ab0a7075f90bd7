package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * Messages in the dashboard on the demo data: the inbox with the unanswered conversation first, the
 * conversation on the household page (read when opened), a reply and a refused empty reply.
 */
@MicronautTest(transactional = false)
class MessagePagesTest extends DemoPagesTest {
    @Test
    void theInboxPutsTheUnansweredQuestionFirstAndOpeningTheHouseholdMarksItRead() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");

        String inbox = body(web.send(HttpRequest.GET("/dashboard/messages").cookie(officer)));

        assertTrue(inbox.contains("<h1>Berichten</h1>"), inbox);
        assertTrue(inbox.contains("href=\"/dashboard/messages\">Berichten</a>"), "the nav links the inbox: " + inbox);
        int waiting = inbox.indexOf("Familie Haile");
        int answered = inbox.indexOf("Familie Al-Khatib");
        assertTrue(waiting > 0 && answered > waiting, "unanswered first: " + inbox);
        assertTrue(inbox.contains("href=\"/dashboard/households/" + haile + "#berichten\""), inbox);
        assertTrue(inbox.contains("Wacht op antwoord") && inbox.contains("1 ongelezen"), inbox);
        assertFalse(inbox.contains("Familie Ahmadi"), "another municipality's conversation");

        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(officer)));

        assertTrue(page.contains("<h2 id=\"berichten\">Berichten</h2>"), page);
        assertTrue(page.contains("Waar vragen wij die aan?") && page.contains("Het gezin"), page);
        assertTrue(page.contains("Nieuw"), "new until this page: " + page);
        assertEquals(0, demo.queryLong("SELECT COUNT(*) FROM message WHERE household_id = ? AND author = 'HOUSEHOLD'"
                + " AND read_at IS NULL", haile), "opening the page reads the family's messages");
        String after = body(web.send(HttpRequest.GET("/dashboard/messages").cookie(officer)));
        assertFalse(after.contains("1 ongelezen"), after);
    }

    @Test
    void theConversationShowsWhoWroteWhatOldestFirstWithReadMarks() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String alKhatib = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib");

        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + alKhatib).cookie(officer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")));

        int question = page.indexOf("Moeten wij ons zelf inschrijven");
        int answer = page.indexOf("U schrijft zich zelf in bij de huisarts");
        assertTrue(question > 0 && answer > question, "oldest at the top: " + page);
        assertTrue(page.contains("Sanne de Vries (klantmanager)"), page);
        assertTrue(page.contains("<span class=\"badge done\">gelezen</span>"), page);
        assertTrue(page.matches("(?s).*\\d{1,2} [a-z]+ \\d{4}, \\d{2}:\\d{2}.*"), "Dutch time: " + page);
    }

    @Test
    void anOfficerRepliesFromTheHouseholdPageAndAnEmptyReplyComesBackWithItsError() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String bahati = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Bahati");
        long before = demo.queryLong("SELECT COUNT(*) FROM message WHERE household_id = ?", bahati);

        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati
                + "/messages", Map.of("text", "   ")).contentType(MediaType.APPLICATION_FORM_URLENCODED).cookie(officer)));

        assertEquals(400, refused.code());
        String form = body(refused);
        assertTrue(form.contains("<p class=\"error-message\" id=\"message-text-error\">Schrijf een bericht.</p>"), form);
        assertTrue(form.contains("aria-invalid=\"true\" aria-describedby=\"message-text-hint message-text-error\""), form);
        assertEquals(before, demo.queryLong("SELECT COUNT(*) FROM message WHERE household_id = ?", bahati));

        HttpResponse<String> sent = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati
                + "/messages", Map.of("text", "Welkom in Zwolle! Ik kom dinsdag langs om kennis te maken."))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).cookie(officer)));

        assertEquals(303, sent.code(), body(sent));
        assertEquals("/dashboard/households/" + bahati + "#berichten", sent.header(HttpHeaders.LOCATION));
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + bahati).cookie(officer)));
        assertTrue(page.contains("Ik kom dinsdag langs om kennis te maken."), page);
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati + "/messages",
                Map.of("text", "Hallo")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(web.session(DemoData.DEVENTER_OFFICER)))).code());
        assertEquals(before + 1, demo.queryLong("SELECT COUNT(*) FROM message WHERE household_id = ?", bahati));
    }

    @Test
    void theFamilyFriendSeesNothingOfWhatTheFamilyWroteBeforeTheMatch() {
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        String haile = web.householdId(DemoData.ZWOLLE_BUDDY, "Familie Haile");

        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(buddy)));

        assertTrue(page.contains("<h2 id=\"berichten\">Berichten</h2>"), page);
        assertFalse(page.contains("Waar vragen wij die aan?"), "sent before the match: " + page);
        String inbox = body(web.send(HttpRequest.GET("/dashboard/messages").cookie(buddy)));
        assertFalse(inbox.contains("Familie Haile"), inbox);
    }
}
