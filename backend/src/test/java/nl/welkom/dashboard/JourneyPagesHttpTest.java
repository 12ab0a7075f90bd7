package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;
import org.junit.jupiter.api.Test;

/**
 * The journey's dashboard pages over plain HTTP on the shipped demo data (Zwolle, Deventer): the
 * household page in Dutch and English, task forms, the conflict notice, the activation code page
 * (post-redirect-get), withdrawing a code, task templates. The test client sends no
 * {@code Accept-Language}, so pages speak Dutch unless a test asks for English.
 */
@MicronautTest(transactional = false)
class JourneyPagesHttpTest extends DemoPagesTest {
    private static final String ZWOLLE = DemoData.ZWOLLE_OFFICER;
    private static final String DEVENTER = DemoData.DEVENTER_OFFICER;
    private static final String BUDDY = DemoData.ZWOLLE_BUDDY;
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");
    private static final Pattern SHOWN_CODE = Pattern.compile("id=\"activation-code\">([A-Z0-9-]+)<");
    private static final Pattern WITHDRAW = Pattern.compile("action=\"(/dashboard/activation-codes/[0-9a-f-]{36}/withdraw)\"");

    @Test
    void theHouseholdPageSpeaksDutchByDefaultAndEnglishOnRequest() {
        Cookie officer = web.session(ZWOLLE);
        String url = "/dashboard/households/" + web.householdId(ZWOLLE, "Familie Haile");

        String dutch = body(web.send(HttpRequest.GET(url).cookie(officer)));
        String english = body(web.send(HttpRequest.GET(url).cookie(officer).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")));

        for (String word : List.of("<html lang=\"nl\">", ">Taken<", "Taak toevoegen", "Taken uit sjablonen toevoegen",
                ">Telefoons<", "Activatiecode maken", "Gezinsleden", "Bewerken")) {
            assertTrue(dutch.contains(word), word + " in\n" + dutch);
        }
        for (String word : List.of("<html lang=\"en\">", ">Tasks<", "Add a task", "Add tasks from templates",
                ">Devices<", "Create activation code", "Members", "Edit")) {
            assertTrue(english.contains(word), word + " in\n" + english);
        }
        assertFalse(dutch.contains("??"), "no word is missing");
        assertFalse(english.contains("??"), "no word is missing");
    }

    @Test
    void anOfficerAddsEditsAndRemovesATaskWithTheForms() {
        Cookie officer = web.session(ZWOLLE);
        String bahati = web.householdId(ZWOLLE, "Familie Bahati");

        HttpResponse<String> form = web.send(HttpRequest.GET("/dashboard/households/" + bahati + "/tasks/new").cookie(officer));
        HttpResponse<String> created = post("/dashboard/households/" + bahati + "/tasks", officer, Map.of(
                "titleNl", "Paspoortfoto's laten maken", "titleEn", "Have passport photos taken", "stage", "PRE_DEPARTURE",
                "assignee", "FAMILY", "due", "20-01-2027", "note", "Bij de fotograaf in het kamp"));
        Task task = tasks(officer, bahati).stream()
                .filter(t -> "Paspoortfoto's laten maken".equals(t.titles().get("nl"))).findFirst().orElseThrow();
        Map<String, String> edit = editForm(officer, bahati, task.id());
        edit.put("due", "2027-02-03");
        HttpResponse<String> saved = post("/dashboard/households/" + bahati + "/tasks/" + task.id(), officer, edit);
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + bahati).cookie(officer)));
        HttpResponse<String> removed = post("/dashboard/households/" + bahati + "/tasks/" + task.id() + "/remove", officer, Map.of());

        assertEquals(200, form.code());
        assertEquals(303, created.code(), body(created));
        assertEquals("/dashboard/households/" + bahati + "#task-" + task.id(), created.header(HttpHeaders.LOCATION));
        assertEquals(Map.of("nl", "Paspoortfoto's laten maken", "en", "Have passport photos taken"), task.titles());
        assertEquals("2027-01-20", task.dueDate(), "a date typed the Dutch way");
        assertEquals(303, saved.code(), body(saved));
        assertEquals("/dashboard/households/" + bahati + "#task-" + task.id(), saved.header(HttpHeaders.LOCATION),
                "no conflict, no notice");
        assertTrue(page.contains("3 februari 2027"), "the new date on the household page");
        assertEquals(303, removed.code());
        assertTrue(tasks(officer, bahati).stream().noneMatch(t -> t.id().equals(task.id())));
    }

    @Test
    void aFormWithAMistakeComesBackWithTheMessageBesideTheFieldAndStoresNothing() {
        Cookie officer = web.session(ZWOLLE);
        String bahati = web.householdId(ZWOLLE, "Familie Bahati");
        Task task = tasks(officer, bahati).get(0);
        Map<String, String> edit = editForm(officer, bahati, task.id());
        edit.put("due", "31-12-1999");
        Map<String, String> farAway = editForm(officer, bahati, task.id());
        farAway.put("due", "2101-01-01");

        HttpResponse<String> early = post("/dashboard/households/" + bahati + "/tasks/" + task.id(), officer, edit);
        HttpResponse<String> late = post("/dashboard/households/" + bahati + "/tasks/" + task.id(), officer, farAway);
        HttpResponse<String> untitled = post("/dashboard/households/" + bahati + "/tasks", officer, Map.of(
                "titleNl", " ", "stage", "PRE_DEPARTURE", "assignee", "FAMILY", "due", "morgen"));

        assertEquals(400, early.code());
        assertTrue(body(early).contains("Kies een datum tussen 1 januari 2000 en 31 december 2100."), body(early));
        assertTrue(body(early).contains("id=\"due-error\""));
        assertTrue(body(early).contains("value=\"31-12-1999\""), "what was typed is kept");
        assertTrue(body(early).contains("aria-invalid=\"true\" aria-describedby=\"due-error due-hint\""), body(early));
        assertTrue(body(early).contains("href=\"#due\""), "the summary links to the field");
        assertEquals(400, late.code());
        assertTrue(body(late).contains("Kies een datum tussen 1 januari 2000 en 31 december 2100."));
        assertEquals(400, untitled.code());
        assertTrue(body(untitled).contains("Vul een Nederlandse titel in."));
        assertTrue(body(untitled).contains("Vul de datum in als dag-maand-jaar, bijvoorbeeld 16-03-2027."));
        assertEquals(task, tasks(officer, bahati).get(0), "nothing changed");
    }

    @Test
    void aStaleEditLandsOnANoticeAndTheConflictSaysWhoChangedWhatAndWhen() {
        Cookie officer = web.session(ZWOLLE);
        String household = web.householdId(ZWOLLE, "Familie Al-Khatib");
        Session phone = phone(officer, household);
        List<Task> tasks = tasks(officer, household);
        Task conflicting = tasks.get(0);
        Task merging = tasks.get(1);
        Map<String, String> staleNote = editForm(officer, household, conflicting.id());
        Map<String, String> staleDue = editForm(officer, household, merging.id());
        push(phone, conflicting, "Wij komen dinsdag");
        push(phone, merging, "Paspoort ligt klaar");

        staleNote.put("note", "Afspraak op maandag");
        HttpResponse<String> conflict = post("/dashboard/households/" + household + "/tasks/" + conflicting.id(), officer,
                staleNote);
        staleDue.put("due", "2027-03-01");
        HttpResponse<String> merged = post("/dashboard/households/" + household + "/tasks/" + merging.id(), officer, staleDue);

        assertEquals(303, conflict.code(), body(conflict));
        Matcher location = Pattern.compile("/dashboard/households/" + household + "\\?conflict=([0-9a-f-]{36})#task-"
                + conflicting.id()).matcher(conflict.header(HttpHeaders.LOCATION));
        assertTrue(location.matches(), conflict.header(HttpHeaders.LOCATION));
        String landing = body(web.send(HttpRequest.GET("/dashboard/households/" + household + "?conflict=" + location.group(1))
                .cookie(officer)));
        assertTrue(landing.contains("Iemand anders had dit intussen gewijzigd"), landing);
        assertTrue(landing.matches("(?s).*nadat u de pagina opende, door:\\s*<strong>Familie \\(telefoon\\) — \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2}</strong>.*"),
                landing);
        assertTrue(landing.contains("href=\"#conflict-" + location.group(1) + "\""));
        String row = landing.substring(landing.indexOf("id=\"conflict-" + location.group(1) + "\""));
        assertTrue(row.matches("(?s).*Afspraak op maandag\\s*<small class=\"quiet conflict-author\">Sanne de Vries — \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2}</small>.*"),
                row);
        assertTrue(row.matches("(?s).*Wij komen dinsdag\\s*<small class=\"quiet conflict-author\">Familie \\(telefoon\\) — \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2}</small>.*"),
                row);
        assertEquals(303, merged.code());
        assertFalse(merged.header(HttpHeaders.LOCATION).contains("conflict="), "different fields merge without a conflict");
        Task both = tasks(officer, household).stream().filter(t -> t.id().equals(merging.id())).findFirst().orElseThrow();
        assertEquals("2027-03-01", both.dueDate());
        assertEquals("Paspoort ligt klaar", both.note());
        String plain = body(web.send(HttpRequest.GET("/dashboard/households/" + household).cookie(officer)));
        assertFalse(plain.contains("Iemand anders had dit intussen gewijzigd"), "the notice only on the page the edit lands on");
    }

    @Test
    void aStaleTickOnTheHouseholdPageAlsoLandsOnTheNotice() {
        Cookie officer = web.session(ZWOLLE);
        String household = web.householdId(ZWOLLE, "Familie Haile");
        Session phone = phone(officer, household);
        Task task = tasks(officer, household).stream().filter(t -> t.status().name().equals("OPEN")).findFirst().orElseThrow();
        pushStatus(phone, task, MutationType.TASK_COMPLETE, task.version());
        pushStatus(phone, task, MutationType.TASK_REOPEN, task.version() + 1);

        HttpResponse<String> tick = post("/dashboard/households/" + household + "/tasks/" + task.id() + "/status", officer,
                Map.of("status", "DONE", "version", String.valueOf(task.version())));

        assertEquals(303, tick.code(), body(tick));
        assertTrue(tick.header(HttpHeaders.LOCATION).matches("/dashboard/households/" + household
                + "\\?conflict=[0-9a-f-]{36}#task-" + task.id()), tick.header(HttpHeaders.LOCATION));
        String landing = body(web.send(HttpRequest.GET(tick.header(HttpHeaders.LOCATION).replaceAll("#.*", "")).cookie(officer)));
        assertTrue(landing.contains("id=\"notice\""), landing);
    }

    @Test
    void anotherMunicipalityGetsNotFoundAndAFamilyFriendForbiddenForEveryJourneyForm() {
        Cookie zwolle = web.session(ZWOLLE);
        Cookie deventer = web.session(DEVENTER);
        Cookie buddy = web.session(BUDDY);
        String haile = web.householdId(ZWOLLE, "Familie Haile");
        Task task = tasks(zwolle, haile).get(0);
        Session phone = phone(zwolle, haile);
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + haile
                + "/activation-codes", "").cookie(zwolle), ActivationCode.class);
        String withdraw = WITHDRAW.matcher(body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(zwolle))))
                .results().map(match -> match.group(1)).findFirst().orElseThrow();
        Map<String, String> edit = editForm(zwolle, haile, task.id());
        edit.put("titleNl", "Niet van jou");
        String base = "/dashboard/households/" + haile + "/tasks";

        for (Cookie foreign : List.of(deventer, buddy)) {
            int expected = foreign == deventer ? 404 : 403;
            assertEquals(expected, web.send(HttpRequest.GET(base + "/new").cookie(foreign)).code());
            assertEquals(expected, web.send(HttpRequest.GET(base + "/" + task.id() + "/edit").cookie(foreign)).code());
            assertEquals(expected, post(base, foreign, Map.of("titleNl", "Niet van jou", "stage", "ARRIVAL",
                    "assignee", "FAMILY")).code());
            assertEquals(expected, post(base + "/" + task.id(), foreign, edit).code());
            assertEquals(expected, post(base + "/" + task.id() + "/remove", foreign, Map.of()).code());
            assertEquals(expected, post(base + "/from-templates", foreign, Map.of("stage", "ARRIVAL")).code());
            assertEquals(expected, web.send(HttpRequest.GET("/dashboard/devices/" + phone.deviceId() + "/revoke")
                    .cookie(foreign)).code());
            assertEquals(expected, post("/dashboard/devices/" + phone.deviceId() + "/revoke", foreign, Map.of()).code());
            assertEquals(expected, post(withdraw, foreign, Map.of()).code());
        }
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/templates/new").cookie(buddy)).code());
        assertEquals(403, post("/dashboard/templates", buddy, Map.of("title-nl", "x")).code());

        assertEquals(task, tasks(zwolle, haile).get(0), "nothing changed");
        assertEquals(200, web.send(HttpRequest.GET("/api/sync/pull").bearerAuth(phone.token())).code(), "the phone still works");
        assertEquals(204, web.send(HttpRequest.POST("/api/activation/check", Map.of("code", code.code()))).code(),
                "the code still works");
    }

    @Test
    void theActivationCodePageIsAGetThatAReloadShowsAgainWithoutMakingASecondCode() {
        Cookie officer = web.session(ZWOLLE);
        String household = web.householdId(ZWOLLE, "Familie Haile");
        long before = codes(household);

        HttpResponse<String> created = post("/dashboard/households/" + household + "/activation-codes", officer, Map.of());
        String location = created.header(HttpHeaders.LOCATION);
        HttpResponse<String> first = web.send(HttpRequest.GET(location).cookie(officer));
        HttpResponse<String> reload = web.send(HttpRequest.GET(location).cookie(officer));
        HttpResponse<String> foreign = web.send(HttpRequest.GET(location).cookie(web.session(DEVENTER)));
        HttpResponse<String> unknown = web.send(HttpRequest.GET("/dashboard/households/" + household
                + "/activation-codes/not-a-ticket").cookie(officer));

        assertEquals(303, created.code(), body(created));
        assertTrue(location.matches("/dashboard/households/" + household + "/activation-codes/[A-Za-z0-9_-]{24}"), location);
        assertEquals(200, first.code(), body(first));
        assertEquals(200, reload.code());
        Matcher shown = SHOWN_CODE.matcher(body(first));
        assertTrue(shown.find(), body(first));
        String code = shown.group(1);
        assertTrue(body(reload).contains(">" + code + "<"), "a reload shows the same code");
        assertEquals(before + 1, codes(household), "one POST, one code: reloading the page makes none");
        assertFalse(location.contains(code) || location.contains(code.replace("-", "")), "the code is not in the URL");
        assertEquals(404, foreign.code());
        assertEquals(410, unknown.code());
        assertTrue(body(unknown).contains("Code niet meer zichtbaar"));
        assertFalse(body(unknown).contains(code));
    }

    @Test
    void anOfficerWithdrawsAnOutstandingCodeFromTheHouseholdPage() {
        Cookie officer = web.session(ZWOLLE);
        String household = web.householdId(ZWOLLE, "Familie Bahati");
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + household
                + "/activation-codes", "").cookie(officer), ActivationCode.class);
        String before = body(web.send(HttpRequest.GET("/dashboard/households/" + household).cookie(officer)));
        Matcher withdraw = WITHDRAW.matcher(before);
        assertTrue(withdraw.find(), before);

        HttpResponse<String> response = post(withdraw.group(1), officer, Map.of());

        assertTrue(before.contains("Codes die nog werken") && before.contains("Sanne de Vries"));
        assertEquals(303, response.code());
        assertTrue(response.header(HttpHeaders.LOCATION).endsWith("/dashboard/households/" + household + "#activation"));
        assertFalse(body(web.send(HttpRequest.GET("/dashboard/households/" + household).cookie(officer)))
                .contains(withdraw.group(1)));
        assertEquals(400, web.send(HttpRequest.POST("/api/activation", new ActivationRequest(code.code(), "Found printout")))
                .code(), "a withdrawn code cannot activate a phone");
    }

    @Test
    void officersKeepTheirTemplatesOnTheTemplatesPage() {
        Cookie officer = web.session(ZWOLLE);

        String list = body(web.send(HttpRequest.GET("/dashboard/templates").cookie(officer)));
        HttpResponse<String> wrong = post("/dashboard/templates", officer, Map.of("title-nl", "", "stage", "ARRIVAL",
                "assignee", "FAMILY", "offset", "veel", "lesson", "no-such-lesson"));
        long before = count("SELECT COUNT(*) FROM task_template");
        HttpResponse<String> made = post("/dashboard/templates", officer, Map.of("title-nl", "Fietsles bij de buurtvereniging",
                "title-en", "Cycling lesson at the community centre", "stage", "CIVIC_INTEGRATION", "assignee", "BUDDY",
                "offset", "30", "lesson", "test-airport", "title-ar", "درس ركوب الدراجة"));
        String after = body(web.send(HttpRequest.GET("/dashboard/templates").cookie(officer)));
        HttpResponse<String> buddy = web.send(HttpRequest.GET("/dashboard/templates").cookie(web.session(BUDDY)));

        assertTrue(list.contains("Inschrijven bij de gemeente (BRP) en uw BSN krijgen"), list);
        assertTrue(list.contains("5 dagen na aankomst"));
        assertTrue(list.contains("10 machinaal vertaald"));
        assertEquals(400, wrong.code());
        assertTrue(body(wrong).contains("Vul een Nederlandse titel in."));
        assertTrue(body(wrong).contains("Vul een heel aantal dagen in van 0 tot en met 1095."));
        assertTrue(body(wrong).contains("Kies een les uit de lijst."));
        assertTrue(body(wrong).contains("value=\"veel\""));
        assertEquals(303, made.code(), body(made));
        assertEquals(before + 1, count("SELECT COUNT(*) FROM task_template"));
        assertTrue(after.contains("Fietsles bij de buurtvereniging") && after.contains("30 dagen na aankomst"), after);
        assertEquals(403, buddy.code());
    }

    @Test
    void applyingTemplatesWithoutChoosingOneSaysSoAndMakesNothing() {
        Cookie officer = web.session(ZWOLLE);
        String household = web.householdId(ZWOLLE, "Familie Haile");
        int before = tasks(officer, household).size();

        HttpResponse<String> page = web.send(HttpRequest.GET("/dashboard/households/" + household
                + "/tasks/from-templates?stage=HOUSING_AND_REGISTRATION").cookie(officer));
        HttpResponse<String> none = post("/dashboard/households/" + household + "/tasks/from-templates", officer,
                Map.of("stage", "HOUSING_AND_REGISTRATION"));
        HttpResponse<String> foreign = web.send(HttpRequest.GET("/dashboard/households/" + household
                + "/tasks/from-templates").cookie(web.session(DEVENTER)));

        assertEquals(200, page.code());
        assertTrue(body(page).contains("Een basisbankrekening openen"), body(page));
        assertEquals(400, none.code());
        assertTrue(body(none).contains("Kies ten minste één sjabloon."), body(none));
        assertEquals(before, tasks(officer, household).size());
        assertEquals(404, foreign.code());
    }

    private Map<String, String> editForm(Cookie officer, String householdId, String taskId) {
        HttpResponse<String> page = web.send(HttpRequest.GET("/dashboard/households/" + householdId + "/tasks/" + taskId
                + "/edit").cookie(officer));
        assertEquals(200, page.code(), body(page));
        Map<String, String> form = new HashMap<>();
        Matcher hidden = HIDDEN.matcher(body(page));
        while (hidden.find()) {
            form.put(hidden.group(1), hidden.group(2).replace("&#39;", "'").replace("&amp;", "&"));
        }
        assertNotNull(form.get("version"), body(page));
        for (String field : List.of("titleNl", "titleEn", "assignee", "due", "note")) {
            form.put(field, form.get(field + "Was"));
        }
        return form;
    }

    private Session phone(Cookie officer, String householdId) {
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + householdId
                + "/activation-codes", "").cookie(officer), ActivationCode.class);
        return http.toBlocking().retrieve(HttpRequest.POST("/api/activation",
                new ActivationRequest(code.code(), "Telefoon van Rania")), Session.class);
    }

    private void push(Session phone, Task task, String note) {
        HttpResponse<String> response = web.send(HttpRequest.POST("/api/sync/push", new PushRequest(List.of(new Mutation(
                UUID.randomUUID().toString(), MutationType.TASK_SET_NOTE, task.id(), task.version(), null, note))))
                .bearerAuth(phone.token()));
        assertEquals(200, response.code(), body(response));
    }

    private void pushStatus(Session phone, Task task, MutationType type, long baseVersion) {
        HttpResponse<String> response = web.send(HttpRequest.POST("/api/sync/push", new PushRequest(List.of(new Mutation(
                UUID.randomUUID().toString(), type, task.id(), baseVersion, null, null)))).bearerAuth(phone.token()));
        assertEquals(200, response.code(), body(response));
    }

    private List<Task> tasks(Cookie officer, String householdId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/households/" + householdId + "/tasks").cookie(officer),
                Argument.listOf(Task.class));
    }

    private long codes(String householdId) {
        return demo.queryLong("SELECT COUNT(*) FROM activation_code WHERE household_id = ?", householdId);
    }

    private long count(String sql) {
        return demo.queryLong(sql);
    }

    private HttpResponse<String> post(String path, Cookie officer, Map<String, String> form) {
        return web.send(web.sameOrigin(HttpRequest.POST(path, form).cookie(officer)));
    }
}
