package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.welkom.integration.FixedClockFactory;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import org.junit.jupiter.api.Test;

/**
 * The civic-integration part of the dashboard over plain HTTP, on the shipped demo data (with
 * demo/integration.yaml: Rania and Khaled Al-Khatib in Zwolle) and a clock standing still on
 * {@value #TODAY}, so that dates and warnings are known to the day.
 */
@MicronautTest(transactional = false)
class IntegrationPagesTest extends DemoPagesTest {
    private static final String TODAY = "2026-06-15";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, TODAY);
        return properties;
    }

    @Test
    void theHouseholdPageShowsEachMembersRouteComponentsDeadlineAndMeetingsInDutch() {
        LocalDate today = LocalDate.parse(TODAY);
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + alKhatib()).cookie(officer())));

        assertTrue(page.contains("<h2 id=\"integration\">Inburgering</h2>"), page);
        String rania = article(page, "Rania");
        assertTrue(rania.contains("B1-route"), rania);
        assertTrue(rania.contains("Taal: Niet gestart") && rania.contains("KNM: Niet gestart")
                && rania.contains("MAP: Niet gestart") && rania.contains("PVT: Niet gestart"), rania);
        assertTrue(rania.contains("uiterlijk " + dutch(today.minusDays(2).plusYears(3))), rania);
        assertTrue(rania.contains("nog 35 maanden"), rania);
        assertTrue(rania.contains(dutch(today.minusDays(2))) && rania.contains(dutch(today.plusDays(88))), rania);
        assertFalse(rania.contains("Let op") || rania.contains("datum is voorbij"), rania);
        String khaled = article(page, "Khaled");
        assertTrue(khaled.contains("Zelfredzaamheidsroute (Z-route)"), khaled);
        assertTrue(khaled.contains("PIP nog niet vastgesteld"), "Khaled's PIP is a draft: " + khaled);
        assertTrue(khaled.contains("datum is voorbij"), "Khaled's planned meeting has passed: " + khaled);
        assertTrue(page.contains("Markeren als inburgeringsplichtig"), "the children can be marked");
    }

    @Test
    void theMembersFileShowsTheIntakeMeetingsAndEveryChangeToThePlanInEnglishOnRequest() {
        String rania = memberId(alKhatib(), "Rania");

        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + alKhatib() + "/integration/members/" + rania)
                .cookie(officer()).header(HttpHeaders.ACCEPT_LANGUAGE, "en")));

        assertTrue(page.contains("Civic integration of Rania"), page);
        assertTrue(page.contains("Leerbaarheidstoets: ruim voldoende"), "the intake's summary, for the officer");
        assertTrue(page.contains("Secondary school") && page.contains("Sanne de Vries"), page);
        assertTrue(page.contains("PIP drawn up"), page);
        assertTrue(page.matches("(?s).*Language school</td>\\s*<td><span class=\"quiet\">\\(none\\)</span></td>\\s*"
                + "<td>Taalschool NT2, ingekocht door de gemeente</td>.*"), page);
        assertTrue(page.matches("(?s).*Date of the PIP</td>\\s*<td><span class=\"quiet\">\\(none\\)</span></td>\\s*"
                + "<td>13 June 2026</td>.*"), page);
        assertTrue(page.matches("(?s).*Last day of the term</td>\\s*<td><span class=\"quiet\">\\(none\\)</span></td>\\s*"
                + "<td>13 June 2029</td>.*"), page);
        assertTrue(page.indexOf("Date of the PIP</td>") < page.indexOf("Language school</td>")
                && page.indexOf("Language school</td>") < page.indexOf("PIP drawn up"), "newest change first");
        assertTrue(page.contains("PIP besproken en vastgesteld"), "the meetings' notes");
    }

    @Test
    void aBuddyAPhoneAnotherMunicipalityAndOtherRolesNeverSeeIt() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        String mehret = memberId(haile, "Mehret");
        String bearer = web.apiToken(DemoData.ZWOLLE_OFFICER);
        http.toBlocking().exchange(HttpRequest.PUT("/api/households/" + haile + "/integration/members/" + mehret
                + "/obligation", Map.of("obliged", true)).bearerAuth(bearer));
        http.toBlocking().exchange(HttpRequest.PUT("/api/households/" + haile + "/integration/members/" + mehret
                + "/intake", Map.of("heldOn", "2026-06-01", "summary", "GEHEIM-INTAKE")).bearerAuth(bearer));
        String file = "/dashboard/households/" + haile + "/integration/members/" + mehret;
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + haile
                + "/activation-codes", "").bearerAuth(bearer), ActivationCode.class);
        Session phone = http.toBlocking().retrieve(HttpRequest.POST("/api/activation",
                new ActivationRequest(code.code(), "Test phone")), Session.class);
        long intakes = demo.queryLong("SELECT count(*) FROM integration_intake");

        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        String buddyPage = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(buddy)));
        assertTrue(buddyPage.contains("Familie Haile"));
        assertFalse(buddyPage.contains("id=\"integration\"") || buddyPage.contains("GEHEIM")
                || buddyPage.contains("/integration/"), "a buddy sees no civic integration");
        assertTrue(body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(officer()))).contains("id=\"integration\""));

        assertEquals(403, web.send(HttpRequest.GET(file).cookie(buddy)).code());
        assertEquals(403, web.send(web.sameOrigin(HttpRequest.POST(file + "/intake", Map.of("heldOn", "2026-06-02",
                "summary", "buddy")).cookie(buddy))).code());
        assertEquals(403, web.send(HttpRequest.GET(file).bearerAuth(phone.token())).code());
        assertEquals(403, web.send(HttpRequest.GET(file).cookie(web.session("editor@zwolle.demo"))).code());
        assertEquals(403, web.send(HttpRequest.GET(file).cookie(web.session(DemoData.ADMIN))).code());
        HttpResponse<String> deventer = web.send(HttpRequest.GET(file).cookie(web.session(DemoData.DEVENTER_OFFICER)));
        assertEquals(404, deventer.code());
        assertFalse(body(deventer).contains("Mehret"));
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST(file + "/obligation", Map.of("obliged", "false"))
                .cookie(web.session(DemoData.DEVENTER_OFFICER)))).code());
        HttpResponse<String> anonymous = web.send(HttpRequest.GET(file));
        assertEquals(303, anonymous.code());
        assertEquals("/login", anonymous.header(HttpHeaders.LOCATION));
        assertEquals(403, web.send(HttpRequest.POST(file + "/intake", Map.of("heldOn", "2026-06-02", "summary", "x"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(officer())
                .header("Origin", "https://evil.example")).code());
        assertEquals(intakes, demo.queryLong("SELECT count(*) FROM integration_intake"));
        assertEquals(1, demo.queryLong("SELECT count(*) FROM integration_intake WHERE summary = 'GEHEIM-INTAKE'"));
    }

    @Test
    void everyPageAndFormIsForTheOfficersOfTheHouseholdsMunicipalityOnly() {
        String household = alKhatib();
        String rania = memberId(household, "Rania");
        String base = "/dashboard/households/" + household + "/integration";
        Matcher meetingLink = Pattern.compile(base + "/meetings/([0-9a-f-]{36})")
                .matcher(body(web.send(HttpRequest.GET(base + "/members/" + rania).cookie(officer()))));
        assertTrue(meetingLink.find());
        String member = base + "/members/" + rania;
        String meeting = base + "/meetings/" + meetingLink.group(1);
        Map<String, String> form = Map.of("heldOn", "2026-06-01", "summary", "x", "obliged", "false", "route", "Z",
                "months", "3", "decidedOn", "2026-06-01", "reason", "x");
        String[][] pages = {
                {"GET", member}, {"POST", member + "/obligation"}, {"GET", member + "/intake"}, {"POST", member + "/intake"},
                {"GET", member + "/plan"}, {"POST", member + "/plan"}, {"GET", member + "/extension"},
                {"POST", member + "/extension"}, {"GET", member + "/meetings/new"}, {"POST", member + "/meetings"},
                {"GET", meeting}, {"POST", meeting}};
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        Cookie editor = web.session("editor@zwolle.demo");
        Cookie admin = web.session(DemoData.ADMIN);
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        String bearer = web.apiToken(DemoData.ZWOLLE_OFFICER);
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + household
                + "/activation-codes", "").bearerAuth(bearer), ActivationCode.class);
        String phone = http.toBlocking().retrieve(HttpRequest.POST("/api/activation",
                new ActivationRequest(code.code(), "Rania's phone")), Session.class).token();
        long before = integrationRows();

        for (String[] page : pages) {
            String where = page[0] + " " + page[1];
            assertEquals(403, web.send(request(page, form).cookie(buddy)).code(), where);
            assertEquals(403, web.send(request(page, form).cookie(editor)).code(), where);
            assertEquals(403, web.send(request(page, form).cookie(admin)).code(), where);
            assertEquals(403, web.send(request(page, form).bearerAuth(phone)).code(), where);
            assertEquals(404, web.send(request(page, form).cookie(deventer)).code(), where);
            HttpResponse<String> anonymous = web.send(request(page, form));
            assertEquals(303, anonymous.code(), where);
            assertEquals("/login", anonymous.header(HttpHeaders.LOCATION), where);
            if (page[0].equals("GET")) {
                assertEquals(200, web.send(request(page, form).cookie(officer())).code(), where);
            }
        }
        assertEquals(before, integrationRows(), "no refused request changed anything");
    }

    @Test
    void aFormWithMistakesComesBackWithTheValuesKeptAndEachErrorAtItsFieldAndNothingStored() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        String tesfay = memberId(haile, "Tesfay");
        Cookie officer = officer();
        assertEquals(303, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile + "/integration/members/"
                + tesfay + "/obligation", Map.of("obliged", "true")).cookie(officer))).code());

        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile
                + "/integration/members/" + tesfay + "/intake", Map.of("heldOn", "2101-01-01", "summary", "Kept text",
                "education", "HIGHER", "healthAffectsLearning", "")).cookie(officer)));

        assertEquals(400, response.code());
        String page = body(response);
        assertTrue(page.contains("Er is iets niet goed ingevuld"), page);
        assertTrue(page.contains("href=\"#heldOn\""), "the summary links to the field");
        assertTrue(page.matches("(?s).*<p class=\"field-error\"\\s+id=\"heldOn-error\">Kies een datum tussen"
                + " 1 januari 2000 en 31 december 2100\\.</p>.*"), page);
        assertTrue(page.matches("(?s).*id=\"heldOn\"[^>]*value=\"2101-01-01\"[^>]*aria-invalid=\"true\""
                + "[^>]*aria-describedby=\"heldOn-error\".*"), page);
        assertTrue(page.contains(">Kept text</textarea>"), page);
        assertTrue(page.matches("(?s).*<option value=\"HIGHER\" selected=\"selected\">Hoger onderwijs</option>.*"), page);
        assertEquals(0, demo.queryLong("SELECT count(*) FROM integration_intake WHERE member_id = ?", tesfay));

        HttpResponse<String> saved = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile
                + "/integration/members/" + tesfay + "/intake", Map.of("heldOn", "2026-06-10", "summary", "Kept text",
                "education", "HIGHER", "healthAffectsLearning", "false")).cookie(officer)));
        assertEquals(303, saved.code());
        assertTrue(saved.header(HttpHeaders.LOCATION).endsWith("/integration/members/" + tesfay + "#intake"));
        assertEquals(1, demo.queryLong("SELECT count(*) FROM integration_intake WHERE member_id = ?"
                + " AND education = 'HIGHER' AND health_affects_learning = FALSE", tesfay));
    }

    @Test
    void aPlanChangedSinceTheFormWasOpenedIsNotOverwrittenAndTheOfficerKeepsTheirInput() {
        String khaled = memberId(alKhatib(), "Khaled");
        String form = "/dashboard/households/" + alKhatib() + "/integration/members/" + khaled + "/plan";
        String opened = body(web.send(HttpRequest.GET(form).cookie(officer())));
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(opened);
        assertTrue(version.find(), opened);
        long changes = demo.queryLong("SELECT count(*) FROM integration_plan_change");
        Map<String, String> fields = new HashMap<>();
        fields.put("version", Long.toString(Long.parseLong(version.group(1)) - 1));
        fields.put("route", "Z");
        fields.put("establishedOn", "");
        fields.put("languageSchool", "Mijn nieuwe taalschool");
        for (String component : new String[] {"LANGUAGE", "KNM", "MAP", "PVT"}) {
            fields.put("components." + component + ".status", "NOT_STARTED");
        }

        HttpResponse<String> stale = web.send(web.sameOrigin(HttpRequest.POST(form, fields).cookie(officer())));

        assertEquals(400, stale.code());
        assertTrue(body(stale).contains("Iemand anders heeft dit PIP gewijzigd"), body(stale));
        assertTrue(body(stale).contains("value=\"Mijn nieuwe taalschool\""));
        assertTrue(body(stale).contains("name=\"version\" value=\"" + version.group(1) + "\""), "now against the current version");
        assertEquals(changes, demo.queryLong("SELECT count(*) FROM integration_plan_change"));
        assertEquals(0, demo.queryLong("SELECT count(*) FROM integration_plan WHERE language_school = 'Mijn nieuwe taalschool'"));
    }

    @Test
    void readingTheSectionIsAuditedAsAnIntegrationRead() {
        long before = demo.queryLong("SELECT count(*) FROM audit_event WHERE action = 'integration.read' AND household_id = ?",
                alKhatib());

        assertEquals(200, web.send(HttpRequest.GET("/dashboard/households/" + alKhatib()).cookie(officer())).code());

        assertEquals(before + 1, demo.queryLong("SELECT count(*) FROM audit_event WHERE action = 'integration.read'"
                + " AND household_id = ?", alKhatib()));
        assertEquals(0, demo.queryLong("SELECT count(*) FROM audit_event WHERE action LIKE 'integration.%'"
                + " AND occurred_at < ?", LocalDate.parse(TODAY).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC) * 1000),
                "the demo's invented past leaves no audit events");
    }

    // --- helpers -------------------------------------------------------------------------------

    private MutableHttpRequest<?> request(String[] page, Map<String, String> form) {
        return page[0].equals("GET") ? HttpRequest.GET(page[1]) : web.sameOrigin(HttpRequest.POST(page[1], form));
    }

    private long integrationRows() {
        long total = 0;
        for (String table : new String[] {"integration_obligation", "integration_intake", "integration_plan",
                "integration_plan_component", "integration_plan_extension", "integration_plan_change",
                "integration_meeting"}) {
            total += demo.queryLong("SELECT count(*) FROM " + table);
        }
        return total + demo.queryLong("SELECT count(*) FROM integration_obligation WHERE obliged = TRUE");
    }

    private static String dutch(LocalDate date) {
        return new Display(java.time.ZoneId.of("Europe/Amsterdam"), DashboardLocale.DUTCH).date(date);
    }

    /** The member's card in the integration section. */
    private static String article(String page, String name) {
        Matcher card = Pattern.compile("(?s)<article[^>]*class=\"integration-member[^\"]*\">\\s*<h3>" + name
                + "\\b.*?</article>").matcher(page);
        assertTrue(card.find(), "no card for " + name + " in " + page);
        return card.group();
    }

    private String alKhatib() {
        return web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib");
    }

    private String memberId(String householdId, String name) {
        Household household = http.toBlocking().retrieve(HttpRequest.GET("/api/households/" + householdId)
                .bearerAuth(web.apiToken(DemoData.ZWOLLE_OFFICER)), Household.class);
        return household.members().stream().filter(member -> member.displayName().equals(name)).map(Member::id)
                .findFirst().orElseThrow();
    }

    private Cookie officer() {
        return web.session(DemoData.ZWOLLE_OFFICER);
    }
}
