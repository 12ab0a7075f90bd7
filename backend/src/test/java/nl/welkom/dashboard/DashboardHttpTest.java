package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.assertHtml;
import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.journey.Task;
import org.junit.jupiter.api.Test;

/** The dashboard over plain HTTP (no browser): redirects, scope, roles, CSRF defence, headers, audit. */
@MicronautTest(transactional = false)
class DashboardHttpTest extends DemoPagesTest {
    private static final Pattern OPEN_TASK_FORM = Pattern.compile(
            "action=\"(/dashboard/households/[0-9a-f-]{36}/tasks/[0-9a-f-]{36}/status)\">\\s*"
                    + "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\">\\s*"
                    + "<input type=\"hidden\" name=\"status\" value=\"DONE\">");

    private static final Pattern CONFLICT_FORM =
            Pattern.compile("action=\"(/dashboard/conflicts/[0-9a-f-]{36}/resolve)\"");

    @Test
    void anUnauthenticatedVisitToTheDashboardIsSentToTheLoginPage() {
        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard"));

        assertEquals(303, response.code());
        assertEquals("/login", response.header(HttpHeaders.LOCATION));
    }

    @Test
    void theStartPageSendsAnonymousVisitorsToLoginAndSignedInOnesToTheirHouseholds() {
        assertEquals("/login", web.send(HttpRequest.GET("/")).header(HttpHeaders.LOCATION));
        assertEquals("/dashboard",
                web.send(HttpRequest.GET("/").cookie(web.session(DemoData.ZWOLLE_OFFICER))).header(HttpHeaders.LOCATION));
    }

    @Test
    void theDeventerOfficerGetsTheNotFoundPageForAZwolleHousehold() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");

        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard/households/" + haile)
                .cookie(web.session(DemoData.DEVENTER_OFFICER)));

        assertEquals(404, response.code());
        assertHtml(response);
        assertTrue(body(response).contains("Niet gevonden"), body(response));
        assertFalse(body(response).contains("Familie Haile"));
        assertFalse(body(response).contains("Alemwach"));
    }

    @Test
    void theLocalPlacesPageListsTheOfficersOwnMunicipalityOnlyInTheViewersLanguage() {
        HttpResponse<String> zwolle = web.send(HttpRequest.GET("/dashboard/places").cookie(web.session(DemoData.ZWOLLE_OFFICER)));
        HttpResponse<String> deventer = web.send(HttpRequest.GET("/dashboard/places")
                .cookie(web.session(DemoData.DEVENTER_OFFICER)));
        HttpResponse<String> buddy = web.send(HttpRequest.GET("/dashboard/places").cookie(web.session(DemoData.ZWOLLE_BUDDY)));

        assertEquals(200, zwolle.code());
        assertHtml(zwolle);
        assertTrue(body(zwolle).contains("Stadskantoor Zwolle"));
        assertTrue(body(zwolle).contains("Lübeckplein 2"));
        assertTrue(body(zwolle).contains("Gemeentehuis"), "categories in Dutch");
        assertTrue(body(zwolle).contains("Het stadskantoor van de gemeente."), "descriptions in Dutch for a Dutch viewer");
        assertFalse(body(zwolle).contains("Machinevertaling"), "the Dutch texts were written by a person");
        assertFalse(body(zwolle).contains("Deventer"));
        String english = body(web.send(HttpRequest.GET("/dashboard/places").cookie(web.session(DemoData.ZWOLLE_OFFICER))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")));
        assertTrue(english.contains("Town hall"), english);
        assertTrue(english.contains("The municipality&#39;s city office."), english);
        assertTrue(english.contains("Machine-drafted"), "the English texts were drafted by a machine");
        assertTrue(body(deventer).contains("Stadhuis Deventer"));
        assertFalse(body(deventer).contains("Stadskantoor Zwolle"));
        assertEquals(403, buddy.code());
    }

    @Test
    void theDeventerOfficerCannotChangeAZwolleTaskOrCreateItsCode() {
        String form = householdPage(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib");
        Matcher task = OPEN_TASK_FORM.matcher(form);
        assertTrue(task.find());
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);

        HttpResponse<String> status = web.send(web.sameOrigin(HttpRequest.POST(task.group(1),
                Map.of("status", "DONE", "version", task.group(2))).cookie(deventer)));
        String household = task.group(1).replaceAll("/tasks/.*", "");
        HttpResponse<String> code = web.send(web.sameOrigin(HttpRequest.POST(household + "/activation-codes", Map.of())
                .cookie(deventer)));

        assertEquals(404, status.code());
        assertEquals(404, code.code());
        assertHtml(code);
        assertTrue(openTasks(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib").contains(task.group(1)),
                "the task is still open");
    }

    @Test
    void aPostWithAForeignOriginIsRefusedAndChangesNothing() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        Matcher task = OPEN_TASK_FORM.matcher(householdPage(DemoData.ZWOLLE_OFFICER, "Familie Bahati"));
        assertTrue(task.find());
        Map<String, String> form = Map.of("status", "DONE", "version", task.group(2));

        HttpResponse<String> foreignSite = web.send(HttpRequest.POST(task.group(1), form).cookie(officer)
                .header("Origin", "https://evil.example"));
        HttpResponse<String> otherPort = web.send(HttpRequest.POST(task.group(1), form).cookie(officer)
                .header("Origin", "http://localhost:" + (server.getPort() == 1 ? 2 : 1)));
        HttpResponse<String> foreignReferer = web.send(HttpRequest.POST(task.group(1), form).cookie(officer)
                .header(HttpHeaders.REFERER, "https://evil.example/page"));

        assertEquals(403, foreignSite.code());
        assertEquals(403, otherPort.code());
        assertHtml(otherPort);
        assertTrue(body(otherPort).contains("U kunt deze pagina niet openen"));
        assertEquals(403, foreignReferer.code());
        assertTrue(openTasks(DemoData.ZWOLLE_OFFICER, "Familie Bahati").contains(task.group(1)),
                "the task is still open");
    }

    @Test
    void aPostFromTheDashboardItselfChangesTheTaskAndReturnsToIt() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        Matcher task = OPEN_TASK_FORM.matcher(householdPage(DemoData.ZWOLLE_OFFICER, "Familie Haile"));
        assertTrue(task.find());

        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST(task.group(1),
                Map.of("status", "DONE", "version", task.group(2))).cookie(officer)));

        assertEquals(303, response.code());
        String location = response.header(HttpHeaders.LOCATION);
        assertTrue(location.matches("/dashboard/households/[0-9a-f-]{36}#task-[0-9a-f-]{36}"), location);
        assertFalse(openTasks(DemoData.ZWOLLE_OFFICER, "Familie Haile").contains(task.group(1)));
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookie() {
        HttpResponse<String> response = web.send(DashboardClient.loginRequest(DemoData.ZWOLLE_OFFICER, DemoData.PASSWORD));

        assertEquals(303, response.code());
        assertEquals("/dashboard", response.header(HttpHeaders.LOCATION));
        String cookie = response.getHeaders().getAll(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("WELKOM_SESSION="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http: " + cookie);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameFormAgain() {
        HttpResponse<String> wrongPassword = web.send(DashboardClient.loginRequest(DemoData.ZWOLLE_OFFICER, "not-the-password"));
        HttpResponse<String> unknownUser = web.send(DashboardClient.loginRequest("nobody@zwolle.demo", "not-the-password"));

        assertEquals(401, wrongPassword.code());
        assertEquals(401, unknownUser.code());
        assertHtml(wrongPassword);
        assertNull(wrongPassword.getHeaders().get(HttpHeaders.SET_COOKIE));
        assertEquals(body(wrongPassword).replace(DemoData.ZWOLLE_OFFICER, "USER"),
                body(unknownUser).replace("nobody@zwolle.demo", "USER"));
        assertTrue(body(wrongPassword).contains("De gebruikersnaam of het wachtwoord klopt niet."));
    }

    @Test
    void whatTheSignInFormEchoesIsEscaped() {
        HttpResponse<String> response = web.send(DashboardClient.loginRequest("<script>alert(1)</script>\"", "x"));

        assertEquals(401, response.code());
        assertFalse(body(response).contains("<script>"));
        assertTrue(body(response).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;\""), body(response));
    }

    @Test
    void signingOutRevokesTheSession() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);

        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST("/logout", Map.of()).cookie(officer)));

        assertEquals(303, response.code());
        assertTrue(response.header(HttpHeaders.SET_COOKIE).contains("Max-Age=0"));
        assertEquals("/login", web.send(HttpRequest.GET("/dashboard").cookie(officer)).header(HttpHeaders.LOCATION));
    }

    @Test
    void aNewcomersPhoneGetsTheForbiddenPageNotJson() {
        String bearer = web.apiToken(DemoData.ZWOLLE_OFFICER);
        String household = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Bahati");
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + household
                + "/activation-codes", "").bearerAuth(bearer), ActivationCode.class);
        Session device = http.toBlocking().retrieve(HttpRequest.POST("/api/activation",
                new ActivationRequest(code.code(), "Test phone")), Session.class);

        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard").bearerAuth(device.token()));

        assertEquals(403, response.code());
        assertHtml(response);
        assertTrue(body(response).contains("U kunt deze pagina niet openen"));
    }

    @Test
    void theHeaderLinkAndTheStartPageTakeEachRoleToItsOwnHome() {
        Cookie editor = web.session("editor@zwolle.demo");
        HttpResponse<String> content = web.send(HttpRequest.GET("/dashboard/content").cookie(editor));
        assertEquals(200, content.code(), body(content));
        assertTrue(body(content).contains("class=\"brand\" href=\"/dashboard/content\""), body(content));
        assertEquals("/dashboard/content", web.send(HttpRequest.GET("/").cookie(editor)).header(HttpHeaders.LOCATION));
        assertEquals("/dashboard/content", web.send(HttpRequest.GET("/login").cookie(editor)).header(HttpHeaders.LOCATION));

        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String households = body(web.send(HttpRequest.GET("/dashboard").cookie(officer)));
        assertTrue(households.contains("class=\"brand\" href=\"/dashboard\""), households);
        assertEquals("/dashboard", web.send(HttpRequest.GET("/login").cookie(officer)).header(HttpHeaders.LOCATION));
    }

    @Test
    void anAdministratorGetsTheForbiddenPage() {
        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard").cookie(web.session(DemoData.ADMIN)));

        assertEquals(403, response.code());
        assertHtml(response);
    }

    @Test
    void aBuddySeesTheMatchedHouseholdButCannotChangeIt() {
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        String list = body(web.send(HttpRequest.GET("/dashboard").cookie(buddy)));
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");

        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(buddy)));
        HttpResponse<String> code = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile
                + "/activation-codes", Map.of()).cookie(buddy)));

        assertTrue(list.contains("Familie Haile"));
        assertFalse(list.contains("Familie Al-Khatib"));
        assertTrue(page.contains("Familie Haile"));
        for (String hidden : new String[] {"WLK-2026-0001", "Eritrea", "Alemwach", "1991"}) {
            assertFalse(withoutIds(list).contains(hidden) || withoutIds(page).contains(hidden),
                    "a buddy sees minimal fields: " + hidden);
        }
        assertFalse(page.contains("id=\"devices\""), "no phones section for a family friend");
        assertFalse(page.contains("/status\""), "no status buttons for a family friend");
        // The appointments they plan are the only thing a family friend moves (docs/appointments.md).
        assertFalse(page.replaceAll("/dashboard/appointments/[^\"/]+/edit\"", "").contains("/edit\""),
                "no edit links for a family friend but those of appointments");
        assertFalse(page.contains("Activatiecode maken"));
        assertEquals(403, code.code());
    }

    @Test
    void readingAHouseholdPageIsAuditedOnceAsHouseholdAndOnceAsTasks() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        long householdReads = auditCount("household.read", haile);
        long taskReads = auditCount("household.tasks.read", haile);

        assertEquals(200, web.send(HttpRequest.GET("/dashboard/households/" + haile)
                .cookie(web.session(DemoData.ZWOLLE_OFFICER))).code());

        assertEquals(householdReads + 1, auditCount("household.read", haile));
        assertEquals(taskReads + 1, auditCount("household.tasks.read", haile));
    }

    /** The display name of the Deventer officer in the shipped demo data. */
    private static final String DEVENTER_OFFICER_NAME = "Mark Visser";

    @Test
    void anOfficerSeesANoteAndItsConflictAndRestoresTheOverwrittenValue() {
        Cookie officer = web.session(DemoData.DEVENTER_OFFICER);
        String ahmadi = web.householdId(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");
        Task task = http.toBlocking().retrieve(HttpRequest.GET("/api/households/" + ahmadi + "/tasks").cookie(officer),
                Argument.listOf(Task.class)).get(0);
        editNote(officer, task, "Bring the letter from the COA");
        editNote(officer, task, "Bring both passports");
        String before = householdPage(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");
        Matcher conflict = CONFLICT_FORM.matcher(before);
        assertTrue(conflict.find(), before);

        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST(conflict.group(1),
                Map.of("resolution", "RESTORE_OTHER")).cookie(officer)));

        assertTrue(before.contains("Bring both passports") && before.contains("Bring the letter from the COA"));
        assertTrue(before.contains("id=\"conflicts\""));
        assertEquals(303, response.code());
        assertTrue(response.header(HttpHeaders.LOCATION).endsWith("/dashboard/households/" + ahmadi + "#conflicts"));
        String after = householdPage(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");
        assertFalse(after.contains("id=\"conflicts\""), "no open conflict is left");
        assertTrue(after.contains("Bring the letter from the COA"));
        assertFalse(after.contains("Bring both passports"));
        assertTrue(before.contains("class=\"quiet note-author\"> — <span>" + DEVENTER_OFFICER_NAME + "</span>"),
                "a note says who wrote it:\n" + before);
    }

    @Test
    void anOfficerRevokesALostPhoneFromTheHouseholdPageAfterConfirmingIt() {
        Cookie officer = web.session(DemoData.DEVENTER_OFFICER);
        String ahmadi = web.householdId(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + ahmadi
                + "/activation-codes", "").cookie(officer), ActivationCode.class);
        Session phone = http.toBlocking().retrieve(HttpRequest.POST("/api/activation",
                new ActivationRequest(code.code(), "Zahra's lost phone")), Session.class);
        String revoke = "/dashboard/devices/" + phone.deviceId() + "/revoke";
        String before = householdPage(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");

        HttpResponse<String> confirm = web.send(HttpRequest.GET(revoke).cookie(officer));
        assertEquals(200, web.send(HttpRequest.GET("/api/sync/pull").bearerAuth(phone.token())).code(),
                "opening the confirmation page revokes nothing");
        HttpResponse<String> foreign = web.send(HttpRequest.POST(revoke, Map.of()).cookie(officer)
                .header("Origin", "https://evil.example"));
        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST(revoke, Map.of()).cookie(officer)));

        assertTrue(before.contains("Zahra&#39;s lost phone") && before.contains("href=\"" + revoke + "\""), before);
        assertFalse(before.contains("action=\"" + revoke + "\""), "the household page asks first, it does not revoke");
        assertEquals(200, confirm.code());
        assertTrue(body(confirm).contains("Deze telefoon intrekken?"), body(confirm));
        assertTrue(body(confirm).contains("<dd>Zahra&#39;s lost phone</dd>"), body(confirm));
        assertTrue(body(confirm).contains("action=\"" + revoke + "\""), body(confirm));
        assertEquals(403, foreign.code());
        assertEquals(303, response.code());
        assertTrue(response.header(HttpHeaders.LOCATION).endsWith("#devices"));
        String after = householdPage(DemoData.DEVENTER_OFFICER, "Familie Ahmadi");
        assertFalse(after.contains("href=\"" + revoke + "\""));
        assertTrue(after.contains("Ingetrokken"));
        assertEquals(401, web.send(HttpRequest.GET("/api/sync/pull").bearerAuth(phone.token())).code());
    }

    @Test
    void pagesAreNeitherCachedNorFramedNorScripted() {
        HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard").cookie(web.session(DemoData.ZWOLLE_OFFICER)));

        assertEquals(200, response.code());
        assertEquals("no-store", response.header(HttpHeaders.CACHE_CONTROL));
        assertEquals(PageFilter.CONTENT_SECURITY_POLICY, response.header("Content-Security-Policy"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertFalse(body(response).contains("<script"));
    }

    @Test
    void everyPageAndOnlyThePagesCarryThePageProtection() {
        for (String page : new String[] {"/", "/login", "/vrijwilliger-worden"}) {
            HttpResponse<String> response = web.send(HttpRequest.GET(page));
            assertEquals("no-store", response.header(HttpHeaders.CACHE_CONTROL), page);
            assertEquals(PageFilter.CONTENT_SECURITY_POLICY, response.header("Content-Security-Policy"), page);
        }
        HttpResponse<String> content = web.send(HttpRequest.GET("/api/content?lang=nl"));

        assertEquals(200, content.code());
        assertNull(content.header("Content-Security-Policy"));
        assertNull(content.header("X-Frame-Options"));
        assertTrue(content.header(HttpHeaders.ETAG) != null, "content stays cacheable by its ETag");
    }

    /**
     * The page without what no person reads: link and form targets, element ids and names, hidden
     * inputs (they carry random ids, which may hold a birth year's digits by chance), ids left in the
     * text and long numbers. Text, titles and visible values stay.
     */
    private static String withoutIds(String html) {
        return html.replaceAll("<input type=\"hidden\"[^>]*>", "")
                .replaceAll("\\b(href|action|src|id|name|for)=\"[^\"]*\"", "")
                .replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "")
                .replaceAll("[0-9]{5,}", "");
    }

    private void editNote(Cookie officer, Task task, String note) {
        HttpResponse<String> response = web.send(HttpRequest.PATCH("/api/tasks/" + task.id(),
                Map.of("baseVersion", task.version(), "note", note)).cookie(officer));
        assertEquals(200, response.code(), body(response));
    }

    private long auditCount(String action, String householdId) {
        return demo.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = ? AND household_id = ?",
                action, householdId);
    }

    /** The household page of {@code name} as {@code username} sees it. */
    private String householdPage(String username, String name) {
        return body(web.send(HttpRequest.GET("/dashboard/households/" + web.householdId(username, name))
                .cookie(web.session(username))));
    }

    /** The status-form targets of the household's open tasks (those offering "Mark done"). */
    private Set<String> openTasks(String username, String name) {
        Set<String> open = new HashSet<>();
        Matcher form = OPEN_TASK_FORM.matcher(householdPage(username, name));
        while (form.find()) {
            open.add(form.group(1));
        }
        return open;
    }
}
