package nl.welkom.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Task templates of a municipality ({@code /api/task-templates}) and applying a stage's templates to a
 * household ({@code /api/households/{id}/task-proposals}, {@code .../tasks/from-templates}), on
 * households T-TEMPLATES (with an arrival date) and T-TEMPLATES-NEW (without).
 */
class TaskTemplateApiTest {
    private static final Api API = new Api();
    private static final Set<String> OFFERED = Set.of("nl", "en", "ar", "ti", "prs", "so", "fr", "sw", "fa", "ps", "uk", "rn");
    private static String officer;
    private static String arrived;
    private static String selected;

    @BeforeAll
    static void actors() {
        officer = API.login(Fixtures.OFFICER);
        arrived = Fixtures.householdId(API, officer, "T-TEMPLATES");
        selected = Fixtures.householdId(API, officer, "T-TEMPLATES-NEW");
        TestServer.get().update("UPDATE household SET arrived_on = '2026-12-01' WHERE id = ?", arrived);
    }

    @Test
    void aMunicipalityStartsWithTheNationalTemplatesInEveryOfferedLanguage() {
        List<TaskTemplate> all = templates(officer, "");
        TaskTemplate brp = byKey(all, "brp-registration");
        List<TaskTemplate> housing = templates(officer, "?stage=HOUSING_AND_REGISTRATION");

        assertTrue(all.stream().map(TaskTemplate::key).collect(Collectors.toSet()).containsAll(Set.of("brp-registration",
                "basic-bank-account", "choose-gp", "health-insurance", "healthcare-allowance", "enrol-children",
                "child-benefit", "rent-allowance", "digid", "library-card", "language-school", "pip")));
        assertEquals(JourneyStage.HOUSING_AND_REGISTRATION, brp.stage());
        assertEquals(TaskAssignee.FAMILY, brp.assignee());
        assertEquals(5, brp.dueOffsetDays());
        assertEquals("registration-and-documents", brp.lessonSlug());
        assertEquals("Inschrijven bij de gemeente (BRP) en uw BSN krijgen", brp.titles().get("nl"));
        assertEquals(OFFERED, brp.titles().keySet());
        assertEquals(TranslationState.UP_TO_DATE, brp.states().get("nl"));
        assertEquals(TranslationState.UP_TO_DATE, brp.states().get("en"));
        assertEquals(TranslationState.MACHINE_DRAFTED, brp.states().get("ti"));
        assertTrue(housing.stream().allMatch(template -> template.stage() == JourneyStage.HOUSING_AND_REGISTRATION));
        assertTrue(housing.size() >= 10 && housing.size() < all.size());
        assertEquals(all, templates(officer, ""), "copied once: a second look copies nothing again");
        API.get("/api/task-templates?stage=SOMEDAY", officer).problem(400);
    }

    @Test
    void applyingAStageMakesTasksInEveryLanguageWithDatesFromTheArrival() {
        long audited = TestServer.get().queryLong(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'task-template.apply' AND household_id = ?", arrived);
        List<TemplateProposal> proposals = proposals(arrived, "HOUSING_AND_REGISTRATION");
        TemplateProposal brp = proposal(proposals, "brp-registration");
        TemplateProposal bank = proposal(proposals, "basic-bank-account");

        Api.Response response = API.post("/api/households/" + arrived + "/tasks/from-templates", officer, Map.of("tasks",
                List.of(Map.of("templateId", brp.template().id()),
                        Map.of("templateId", bank.template().id(), "dueDate", "2027-01-10", "assignee", "BUDDY"))));

        assertTrue(brp.fromArrival());
        assertEquals("2026-12-06", brp.dueDate(), "5 days after the arrival on 1 December");
        assertFalse(brp.alreadyApplied());
        assertEquals(201, response.status(), response.body());
        List<Task> made = response.asListOf(Task.class);
        assertEquals(2, made.size());
        Task registration = made.get(0);
        assertEquals(brp.template().titles(), registration.titles(), "every language the template has");
        assertEquals("2026-12-06", registration.dueDate());
        assertEquals(JourneyStage.HOUSING_AND_REGISTRATION, registration.stage());
        assertEquals(TaskAssignee.FAMILY, registration.assignee());
        assertEquals("2027-01-10", made.get(1).dueDate(), "a date the officer changed before applying");
        assertEquals(TaskAssignee.BUDDY, made.get(1).assignee());
        assertTrue(API.get("/api/households/" + arrived + "/tasks", officer).asListOf(Task.class).containsAll(made));
        assertTrue(proposal(proposals(arrived, "HOUSING_AND_REGISTRATION"), "brp-registration").alreadyApplied());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM task WHERE id = ?"
                + " AND lesson_slug = 'registration-and-documents' AND template_id = ?", registration.id(),
                brp.template().id()), "the task remembers its template and the lesson that explains it");
        assertEquals(audited + 1, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'task-template.apply' AND household_id = ?", arrived));
    }

    @Test
    void withoutAnArrivalDateDatesCountFromTheDayOfApplying() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

        TemplateProposal read = proposal(proposals(selected, "SELECTED"), "after-selection");
        TemplateProposal school = proposal(proposals(selected, "HOUSING_AND_REGISTRATION"), "enrol-children");
        TemplateProposal course = proposal(proposals(arrived, "PRE_DEPARTURE"), "pre-departure-course");

        assertFalse(read.fromArrival());
        assertEquals(today.plusDays(7).toString(), read.dueDate());
        assertEquals(today.plusDays(14).toString(), school.dueDate(), "no arrival date known yet");
        assertFalse(course.fromArrival(), "the stages before arrival count from applying");
        assertEquals(today.plusDays(30).toString(), course.dueDate());
        API.get("/api/households/" + selected + "/task-proposals", officer).problem(400);
    }

    @Test
    void anOfficerMakesEditsDeactivatesAndReactivatesATemplateOfTheOwnMunicipality() {
        Api.Response created = API.post("/api/task-templates", officer, Map.of("stage", "ARRIVAL", "assignee", "BUDDY",
                "dueOffsetDays", 3, "lessonSlug", "test-airport",
                "titles", Map.of("nl", "Samen de sleutel ophalen", "en", "Collect the key together", "ar", "استلام المفتاح معًا")));
        TaskTemplate template = created.as(TaskTemplate.class);
        TaskTemplate edited = API.put("/api/task-templates/" + template.id(), officer, Map.of("stage", "ARRIVAL",
                "assignee", "BUDDY", "dueOffsetDays", 4, "lessonSlug", "",
                "titles", Map.of("nl", "Samen de huissleutel ophalen", "en", "Collect the house key together",
                        "ar", "استلام المفتاح معًا"))).as(TaskTemplate.class);
        Api.Response appliedEdited = apply(selected, template.id());
        TaskTemplate deactivated = API.post("/api/task-templates/" + template.id() + "/deactivate", officer, "")
                .as(TaskTemplate.class);
        Api.Response appliedDeactivated = apply(selected, template.id());
        List<TaskTemplate> listedInactive = templates(officer, "?stage=ARRIVAL");
        List<TemplateProposal> proposedInactive = proposals(selected, "ARRIVAL");
        TaskTemplate active = API.post("/api/task-templates/" + template.id() + "/activate", officer, "").as(TaskTemplate.class);

        assertEquals(201, created.status(), created.body());
        assertEquals(TranslationState.UP_TO_DATE, template.states().get("ar"), "a person wrote it");
        assertEquals(4, edited.dueOffsetDays());
        assertNull(edited.lessonSlug());
        assertEquals(TranslationState.OUTDATED, edited.states().get("ar"), "the Dutch title changed, the Arabic did not");
        assertEquals(TranslationState.UP_TO_DATE, edited.states().get("en"));
        assertEquals(201, appliedEdited.status(), appliedEdited.body());
        assertEquals(Map.of("nl", "Samen de huissleutel ophalen", "en", "Collect the house key together"),
                appliedEdited.asListOf(Task.class).get(0).titles(), "an outdated translation is not copied");
        assertFalse(deactivated.active());
        assertTrue(listedInactive.contains(deactivated), "a deactivated template stays listed");
        assertTrue(proposedInactive.stream().noneMatch(p -> p.template().id().equals(template.id())));
        appliedDeactivated.problem(400);
        assertTrue(active.active());
    }

    @Test
    void editingACopiedNationalTemplateChangesOnlyTheOwnMunicipality() {
        String other = API.login(Fixtures.OTHER_OFFICER);
        TaskTemplate digid = byKey(templates(officer, ""), "digid");
        Map<String, Object> body = new HashMap<>(Map.of("stage", "HOUSING_AND_REGISTRATION", "assignee", "OFFICER",
                "dueOffsetDays", 10, "titles", new HashMap<>(digid.titles())));

        TaskTemplate edited = API.put("/api/task-templates/" + digid.id(), officer, body).as(TaskTemplate.class);

        assertEquals(TaskAssignee.OFFICER, edited.assignee());
        assertEquals(digid.titles(), edited.titles());
        assertEquals(digid.states(), edited.states(), "unchanged titles keep their state");
        TaskTemplate theirs = byKey(templates(other, ""), "digid");
        assertEquals(TaskAssignee.FAMILY, theirs.assignee());
        assertEquals(21, theirs.dueOffsetDays());
    }

    @Test
    void badTemplateInputIsRefusedWithADetailAndStoresNothing() {
        long before = TestServer.get().queryLong("SELECT COUNT(*) FROM task_template");
        Map<String, Object> good = Map.of("stage", "ARRIVAL", "assignee", "FAMILY", "dueOffsetDays", 3,
                "titles", Map.of("nl", "Goed"));

        assertTrue(refused(with(good, "titles", Map.of("en", "English only"))).contains("titles.nl"));
        assertTrue(refused(with(good, "dueOffsetDays", -1)).contains("0 to 1095"));
        assertTrue(refused(with(good, "dueOffsetDays", 1096)).contains("0 to 1095"));
        assertTrue(refused(with(good, "dueOffsetDays", null)).contains("0 to 1095"));
        assertTrue(refused(with(good, "lessonSlug", "no-such-lesson")).contains("lessonSlug"));
        assertTrue(refused(with(good, "stage", null)).contains("stage"));
        assertTrue(refused(with(good, "assignee", null)).contains("assignee"));
        assertTrue(refused(with(good, "titles", Map.of("nl", "t".repeat(201)))).contains("200"));
        API.post("/api/task-templates", officer, "{\"stage\":\"SOMEDAY\"}").problem(400);
        TaskTemplate digid = byKey(templates(officer, ""), "digid");
        API.put("/api/task-templates/" + digid.id(), officer, with(good, "dueOffsetDays", 5000)).problem(400);

        assertEquals(before, TestServer.get().queryLong("SELECT COUNT(*) FROM task_template"));
        assertEquals(digid, byKey(templates(officer, ""), "digid"));
    }

    @Test
    void badApplicationsAreRefusedAndMakeNoTask() {
        long before = TestServer.get().queryLong("SELECT COUNT(*) FROM task WHERE household_id = ?", selected);
        TaskTemplate read = byKey(templates(officer, ""), "after-selection");
        String path = "/api/households/" + selected + "/tasks/from-templates";

        API.post(path, officer, Map.of("tasks", List.of())).problem(400);
        API.post(path, officer, Map.of()).problem(400);
        assertTrue(API.post(path, officer, Map.of("tasks", List.of(Map.of("templateId", read.id()),
                        Map.of("templateId", read.id(), "dueDate", "1999-12-31"))))
                .problem(400).detail().contains("2000-01-01 and 2100-12-31"));
        API.post(path, officer, Map.of("tasks", List.of(Map.of("templateId", "no-such-template")))).problem(404);
        API.post(path, officer, "{\"tasks\":[{\"templateId\":\"x\",\"assignee\":\"NOBODY\"}]}").problem(400);

        assertEquals(before, TestServer.get().queryLong("SELECT COUNT(*) FROM task WHERE household_id = ?", selected),
                "all or none: the good first choice was not kept either");
    }

    @Test
    void onlyOfficersUseTemplatesAndOnlyThoseOfTheirOwnMunicipality() {
        TaskTemplate template = byKey(templates(officer, ""), "choose-gp");
        String other = API.login(Fixtures.OTHER_OFFICER);
        TaskTemplate theirs = byKey(templates(other, ""), "choose-gp");
        Session phone = Fixtures.device(API, "T-TEMPLATES-NEW");
        Map<String, Object> body = Map.of("stage", "ARRIVAL", "assignee", "FAMILY", "dueOffsetDays", 1,
                "titles", Map.of("nl", "Niet toegestaan"));
        Map<String, Object> apply = Map.of("tasks", List.of(Map.of("templateId", template.id())));
        long tasks = TestServer.get().queryLong("SELECT COUNT(*) FROM task");
        long templates = TestServer.get().queryLong("SELECT COUNT(*) FROM task_template");

        API.get("/api/task-templates/" + template.id(), other).problem(404);
        API.put("/api/task-templates/" + template.id(), other, body).problem(404);
        API.post("/api/task-templates/" + template.id() + "/deactivate", other, "").problem(404);
        API.get("/api/households/" + selected + "/task-proposals?stage=ARRIVAL", other).problem(404);
        API.post("/api/households/" + selected + "/tasks/from-templates", other,
                Map.of("tasks", List.of(Map.of("templateId", theirs.id())))).problem(404);
        API.post("/api/households/" + selected + "/tasks/from-templates", officer,
                Map.of("tasks", List.of(Map.of("templateId", theirs.id())))).problem(404);
        for (String forbidden : new String[] {API.login(Fixtures.BUDDY), phone.token(), API.login(Fixtures.EDITOR),
                API.login(Fixtures.ADMIN)}) {
            API.get("/api/task-templates", forbidden).problem(403);
            API.get("/api/task-templates/" + template.id(), forbidden).problem(403);
            API.post("/api/task-templates", forbidden, body).problem(403);
            API.put("/api/task-templates/" + template.id(), forbidden, body).problem(403);
            API.post("/api/task-templates/" + template.id() + "/deactivate", forbidden, "").problem(403);
            API.get("/api/households/" + selected + "/task-proposals?stage=ARRIVAL", forbidden).problem(403);
            API.post("/api/households/" + selected + "/tasks/from-templates", forbidden, apply).problem(403);
        }
        API.get("/api/task-templates", null).problem(401);
        API.post("/api/task-templates", null, body).problem(401);
        API.post("/api/households/" + selected + "/tasks/from-templates", null, apply).problem(401);

        assertEquals(tasks, TestServer.get().queryLong("SELECT COUNT(*) FROM task"));
        assertEquals(templates, TestServer.get().queryLong("SELECT COUNT(*) FROM task_template"));
        assertTrue(byKey(templates(officer, ""), "choose-gp").active());
    }

    private static Api.Response apply(String householdId, String templateId) {
        return API.post("/api/households/" + householdId + "/tasks/from-templates", officer,
                Map.of("tasks", List.of(Map.of("templateId", templateId))));
    }

    private static List<TaskTemplate> templates(String token, String query) {
        Api.Response response = API.get("/api/task-templates" + query, token);
        assertEquals(200, response.status(), response.body());
        return response.asListOf(TaskTemplate.class);
    }

    private static List<TemplateProposal> proposals(String householdId, String stage) {
        Api.Response response = API.get("/api/households/" + householdId + "/task-proposals?stage=" + stage, officer);
        assertEquals(200, response.status(), response.body());
        return response.asListOf(TemplateProposal.class);
    }

    private static TemplateProposal proposal(List<TemplateProposal> proposals, String key) {
        return proposals.stream().filter(p -> key.equals(p.template().key())).findFirst()
                .orElseThrow(() -> new AssertionError("no proposal " + key));
    }

    private static TaskTemplate byKey(List<TaskTemplate> templates, String key) {
        return templates.stream().filter(t -> key.equals(t.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + key));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    private static String refused(Map<String, Object> body) {
        return API.post("/api/task-templates", officer, body).problem(400).detail();
    }
}
