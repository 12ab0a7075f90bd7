package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The public application page and the coordinator's volunteer pages over plain HTTP, on the demo data. */
@MicronautTest(transactional = false)
class VolunteerPagesTest extends DemoPagesTest {
    private static final Pattern ZWOLLE = Pattern.compile("<option value=\"([0-9a-f-]{36})\">Gemeente Zwolle</option>");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = demo.properties();
        properties.put("welkom.programme.applications-per-hour", "50");
        return properties;
    }

    private String zwolle() {
        Matcher option = ZWOLLE.matcher(DashboardClient.body(web.send(HttpRequest.GET("/vrijwilliger-worden"))));
        assertTrue(option.find());
        return option.group(1);
    }

    private Map<String, String> form(String email) {
        Map<String, String> form = new HashMap<>();
        form.put("municipalityId", zwolle());
        form.put("firstName", "Omar");
        form.put("lastName", "Haddad");
        form.put("email", email);
        form.put("phone", "06 3456 7892");
        form.put("hoursPerWeek", "3");
        form.put("maxHouseholds", "1");
        form.put("gender", "MAN");
        form.put("lang1", "ar");
        form.put("level1", "NATIVE");
        form.put("prefers.YOUNG_PEOPLE", "on");
        form.put("consent", "on");
        return form;
    }

    private long volunteers() {
        return demo.queryLong("SELECT COUNT(*) FROM volunteer");
    }

    @Test
    void theApplicationPageIsPublicInDutchOrEnglishWithoutScript() {
        HttpResponse<String> dutch = web.send(HttpRequest.GET("/vrijwilliger-worden"));
        assertEquals(200, dutch.code());
        DashboardClient.assertHtml(dutch);
        assertTrue(DashboardClient.body(dutch).contains("Word familievriend"));
        assertTrue(dutch.header("Content-Security-Policy").contains("default-src 'none'"));
        assertFalse(DashboardClient.body(dutch).contains("<script"));

        HttpResponse<String> english = web.send(HttpRequest.GET("/vrijwilliger-worden").header("Accept-Language", "en"));
        assertTrue(DashboardClient.body(english).contains("Become a family friend"));
    }

    @Test
    void aGoodApplicationIsThankedAfterARedirectAndStored() {
        long before = volunteers();
        HttpResponse<String> sent = web.send(web.sameOrigin(HttpRequest.POST("/vrijwilliger-worden", form("omar@voorbeeld.nl"))));
        assertEquals(303, sent.code(), DashboardClient.body(sent));
        assertEquals("/vrijwilliger-worden/bedankt", sent.header(HttpHeaders.LOCATION));
        assertEquals(before + 1, volunteers());
        assertEquals(1, demo.queryLong("SELECT COUNT(*) FROM volunteer WHERE email = 'omar@voorbeeld.nl' AND state = 'APPLIED'"));
        assertTrue(DashboardClient.body(web.send(HttpRequest.GET("/vrijwilliger-worden/bedankt")))
                .contains("Bedankt voor uw aanmelding"));
    }

    @Test
    void aWrongFieldComesBackWithTheValuesKeptAndTheMessageAtTheField() {
        long before = volunteers();
        Map<String, String> form = form("geen-adres");
        form.remove("consent");
        HttpResponse<String> again = web.send(web.sameOrigin(HttpRequest.POST("/vrijwilliger-worden", form)));
        assertEquals(400, again.code());
        String page = DashboardClient.body(again);
        assertTrue(page.contains("id=\"email-error\""), page);
        assertTrue(page.contains("value=\"geen-adres\""));
        assertTrue(page.contains("aria-invalid=\"true\""));
        assertTrue(page.contains("id=\"consent-error\""));
        assertTrue(page.contains("value=\"Haddad\""));
        assertEquals(before, volunteers());
    }

    @Test
    void aCrossSitePostAndAFilledHoneypotStoreNothing() {
        long before = volunteers();
        HttpResponse<String> foreign = web.send(HttpRequest.POST("/vrijwilliger-worden", form("x@voorbeeld.nl"))
                .contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example"));
        assertEquals(403, foreign.code());
        Map<String, String> bot = form("bot@voorbeeld.nl");
        bot.put("website", "https://spam.example");
        HttpResponse<String> thanked = web.send(web.sameOrigin(HttpRequest.POST("/vrijwilliger-worden", bot)));
        assertEquals(303, thanked.code());
        assertEquals(before, volunteers());
    }

    @Test
    void theCoordinatorSeesCountsAttentionAndTheDemoVolunteersOfTheirMunicipalityOnly() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        HttpResponse<String> list = web.send(HttpRequest.GET("/dashboard/volunteers").cookie(officer)
                .header("Accept-Language", "en"));
        assertEquals(200, list.code());
        String page = DashboardClient.body(list);
        assertTrue(page.contains("Semhar Tesfay") && page.contains("Joost Bakker"), page);
        assertTrue(page.contains("Needs attention"));
        assertTrue(page.contains("has been waiting more than 14 days for an introductory talk"));
        assertTrue(page.contains("the VOG is older than the programme allows"));
        assertTrue(page.contains(">Trained (1)<"), page);

        String trained = DashboardClient.body(web.send(HttpRequest.GET("/dashboard/volunteers?state=TRAINED")
                .cookie(officer)));
        assertTrue(trained.contains("Semhar Tesfay"));
        assertFalse(trained.contains("Pieter Mulder"));

        String id = volunteerId("Pieter Mulder", officer);
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        assertEquals(404, web.send(HttpRequest.GET("/dashboard/volunteers/" + id).cookie(deventer)).code());
        assertFalse(DashboardClient.body(web.send(HttpRequest.GET("/dashboard/volunteers").cookie(deventer)))
                .contains("Pieter Mulder"));
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/volunteers").cookie(web.session(DemoData.ZWOLLE_BUDDY)))
                .code());
        assertEquals(303, web.send(HttpRequest.GET("/dashboard/volunteers")).code());
    }

    @Test
    void aStepTheTableDoesNotAllowShowsAMessageAndChangesNothing() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String id = volunteerId("Pieter Mulder", officer);
        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST(
                "/dashboard/volunteers/" + id + "/transitions", Map.of("to", "ACTIVE"))).cookie(officer));
        assertEquals(409, refused.code());
        assertTrue(DashboardClient.body(refused).contains("id=\"step-error\""));
        assertEquals(1, demo.queryLong("SELECT COUNT(*) FROM volunteer WHERE id = ? AND state = 'APPLIED'", id));

        HttpResponse<String> intake = web.send(web.sameOrigin(HttpRequest.POST(
                "/dashboard/volunteers/" + id + "/transitions", Map.of("to", "INTAKE_DONE", "note", "Goed gesprek"))).cookie(officer));
        assertEquals(303, intake.code());
        assertEquals(1, demo.queryLong("SELECT COUNT(*) FROM volunteer WHERE id = ? AND state = 'INTAKE_DONE'", id));
        assertTrue(DashboardClient.body(web.send(HttpRequest.GET("/dashboard/volunteers/" + id).cookie(officer)))
                .contains("Goed gesprek"));
    }

    @Test
    void theReportsPageShowsTheProgrammeFigures() {
        HttpResponse<String> reports = web.send(HttpRequest.GET("/dashboard/reports")
                .cookie(web.session(DemoData.ZWOLLE_OFFICER)).header("Accept-Language", "en"));
        assertEquals(200, reports.code());
        String page = DashboardClient.body(reports);
        assertTrue(page.contains("Family-friend programme"), page);
        assertTrue(page.contains("Households with an active family friend"));
    }

    private String volunteerId(String name, Cookie officer) {
        Matcher link = Pattern.compile("href=\"/dashboard/volunteers/([0-9a-f-]{36})\">" + name + "<")
                .matcher(DashboardClient.body(web.send(HttpRequest.GET("/dashboard/volunteers").cookie(officer))));
        assertTrue(link.find(), name);
        return link.group(1);
    }
}
