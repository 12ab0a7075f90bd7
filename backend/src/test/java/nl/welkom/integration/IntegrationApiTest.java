package nl.welkom.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.integration.IntegrationViews.ChangeView;
import nl.welkom.integration.IntegrationViews.ComponentView;
import nl.welkom.integration.IntegrationViews.IntakeView;
import nl.welkom.integration.IntegrationViews.MeetingView;
import nl.welkom.integration.IntegrationViews.MemberView;
import nl.welkom.integration.IntegrationViews.Overview;
import nl.welkom.integration.IntegrationViews.PlanView;
import nl.welkom.model.Problem;
import nl.welkom.model.household.Household;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Civic integration over the real API on the fixture household T-CIVIC: one adult per test, so the
 * tests stay independent. Dates are chosen relative to today (Europe/Amsterdam, like the server) and
 * far enough from every boundary that a test running across midnight still holds; the exact
 * boundaries are {@link TermTest}'s.
 */
class IntegrationApiTest {
    private static final Api API = new Api();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static String officer;
    private static String household;
    private static String base;

    @BeforeAll
    static void ids() {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-CIVIC");
        base = "/api/households/" + household + "/integration";
    }

    @Test
    void anOfficerMarksAMemberRecordsTheIntakeAndReadsItBack() {
        String member = memberId("Civic Intake");
        assertEquals(200, API.put(base + "/members/" + member + "/obligation", officer, Map.of("obliged", true)).status());

        Api.Response created = API.put(base + "/members/" + member + "/intake", officer, intake(today().minusDays(3)));
        Map<String, Object> changed = intake(today().minusDays(2));
        changed.put("education", "vocational");
        Api.Response replaced = API.put(base + "/members/" + member + "/intake", officer, changed);

        assertEquals(201, created.status(), created.body());
        assertEquals(200, replaced.status(), replaced.body());
        MemberView seen = member("Civic Intake");
        assertTrue(seen.obliged());
        IntakeView intake = seen.intake();
        assertEquals(today().minusDays(2).toString(), intake.heldOn());
        assertEquals(Education.VOCATIONAL, intake.education());
        assertEquals("Officer Testdorp", intake.conductedByName());
        assertEquals("Went to school for nine years; learns fast.", intake.summary());
        assertEquals(Boolean.FALSE, intake.healthAffectsLearning());
        assertNull(intake.needsLiteracy());
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM integration_intake WHERE member_id = ?", member));
    }

    @Test
    void nothingIsRecordedForAMemberWhoIsNotMarkedAndAMarkWithRecordsStays() {
        String unmarked = memberId("Civic Unmarked");
        String marked = oblige("Civic Marked");
        API.put(base + "/members/" + marked + "/intake", officer, intake(today().minusDays(5)));

        Problem intake = API.put(base + "/members/" + unmarked + "/intake", officer, intake(today())).problem(409);
        Problem plan = API.post(base + "/members/" + unmarked + "/plan", officer, Map.of("route", "B1")).problem(409);
        Problem meeting = API.post(base + "/members/" + unmarked + "/meetings", officer,
                Map.of("heldOn", today().toString(), "summary", "Hello")).problem(409);
        Problem unmark = API.put(base + "/members/" + marked + "/obligation", officer, Map.of("obliged", false)).problem(409);

        assertTrue(intake.type().endsWith("/not-obliged") && plan.type().endsWith("/not-obliged")
                && meeting.type().endsWith("/not-obliged"), intake.type());
        assertTrue(unmark.type().endsWith("/integration-records-exist"), unmark.type());
        assertTrue(member("Civic Marked").obliged());
        assertEquals(0, rows("integration_intake", unmarked) + rows("integration_plan", unmarked)
                + rows("integration_meeting", unmarked));
        API.put(base + "/members/" + unmarked + "/obligation", officer, Map.of()).problem(400);
        assertEquals(200, API.put(base + "/members/" + unmarked + "/obligation", officer, Map.of("obliged", true)).status());
        assertEquals(200, API.put(base + "/members/" + unmarked + "/obligation", officer, Map.of("obliged", false)).status());
        assertFalse(member("Civic Unmarked").obliged(), "a mark without records can be removed");
    }

    @Test
    void badIntakeInputIsRefusedFieldByFieldAndNothingIsStored() {
        String member = oblige("Civic Bad Intake");
        String buddyId = Fixtures.buddyId(API, officer, "civic@testdorp.test");
        Map<String, Object> bad = new HashMap<>();
        bad.put("heldOn", "1999-12-31");
        bad.put("conductedBy", buddyId);
        bad.put("education", "DOCTORATE");
        bad.put("workExperience", "x".repeat(501));

        Problem problem = API.put(base + "/members/" + member + "/intake", officer, bad).problem(400);
        Problem future = API.put(base + "/members/" + member + "/intake", officer, intake(today().plusDays(2))).problem(400);
        Map<String, Object> notADate = intake(today());
        notADate.put("heldOn", "2026-02-30");
        Problem impossible = API.put(base + "/members/" + member + "/intake", officer, notADate).problem(400);
        API.send("PUT", base + "/members/" + member + "/intake", officer, "{not json", "Content-Type", "application/json")
                .problem(400);

        for (String field : List.of("heldOn: must lie between 2000-01-01 and 2100-12-31",
                "conductedBy: must be an integration officer", "education: is not one of the allowed values",
                "workExperience: is too long", "summary: is required")) {
            assertTrue(problem.detail().contains(field), field + " in " + problem.detail());
        }
        assertEquals("heldOn: must not lie in the future", future.detail());
        assertEquals("heldOn: must be a date written as YYYY-MM-DD", impossible.detail());
        assertEquals(0, rows("integration_intake", member));
    }

    @Test
    void aNewPlanStartsItsTermTheDayAfterItsDateAndEndsThreeYearsAfterIt() {
        String member = oblige("Civic Plan");
        LocalDate established = today().minusDays(40);

        Api.Response response = API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "b1",
                "establishedOn", established.toString(), "languageSchool", "Taalschool Testdorp"));

        assertEquals(201, response.status(), response.body());
        PlanView plan = response.as(PlanView.class);
        assertEquals(Route.B1, plan.route());
        assertEquals(1, plan.version());
        assertEquals(List.of(Component.LANGUAGE, Component.KNM, Component.MAP, Component.PVT),
                plan.components().stream().map(ComponentView::component).toList());
        assertTrue(plan.components().stream().allMatch(c -> c.status() == ComponentStatus.NOT_STARTED));
        assertEquals(established.plusDays(1).toString(), plan.term().start());
        assertEquals(established.plusYears(3).toString(), plan.term().deadline());
        assertEquals(TermStatus.RUNNING, plan.term().status());
        assertTrue(plan.term().monthsLeft() >= 34 && plan.term().monthsLeft() <= 35, "" + plan.term().monthsLeft());
        API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "Z")).problem(409);
        Map<String, String> created = history(member).stream()
                .collect(Collectors.toMap(ChangeView::field, change -> String.valueOf(change.newValue())));
        assertEquals("CREATED", created.get("plan"));
        assertEquals("B1", created.get("route"));
        assertEquals(established.toString(), created.get("establishedOn"));
        assertEquals("Taalschool Testdorp", created.get("languageSchool"));
        assertEquals("NOT_STARTED", created.get("components.MAP.status"));
        assertEquals(established.plusYears(3).toString(), created.get("deadline"));
        assertEquals("Officer Testdorp", history(member).get(0).changedByName());
    }

    @Test
    void unknownRoutesComponentsStatesAndDatesOutsideTheRangeAreRefusedAndNothingIsStored() {
        String member = oblige("Civic Rules");

        assertDetail(Map.of("route", "C1"), "route: is not one of the allowed values");
        assertDetail(Map.of(), "route: is required");
        assertDetail(Map.of("route", "B1", "establishedOn", "2101-01-01"), "establishedOn: must lie between");
        assertDetail(Map.of("route", "B1", "establishedOn", "1999-12-31"), "establishedOn: must lie between");
        assertDetail(Map.of("route", "B1", "establishedOn", today().plusDays(3).toString()),
                "establishedOn: must not lie in the future");
        assertDetail(plan("B1", "XYZ", state("DONE", null, today().toString())), "components.XYZ: names a component");
        assertDetail(plan("B1", "KNM", state("FINISHED", null, null)), "components.KNM.status: is not one of the allowed values");
        assertDetail(plan("B1", "KNM", state("DONE", null, null)), "components.KNM.completedOn: needs completedOn");
        assertDetail(plan("B1", "KNM", state("IN_PROGRESS", null, null)), "components.KNM.startedOn: needs startedOn");
        assertDetail(plan("B1", "KNM", state("NOT_STARTED", today().toString(), null)), "components.KNM.startedOn: takes no dates");
        assertDetail(plan("B1", "KNM", state("IN_PROGRESS", today().minusDays(9).toString(), today().toString())),
                "components.KNM.completedOn: takes completedOn only when the component is done");
        assertDetail(plan("B1", "KNM", state("DONE", today().toString(), today().minusDays(1).toString())),
                "components.KNM.completedOn: must not lie before the start date");
        assertDetail(plan("B1", "KNM", state("DONE", "2000-01-01", "2100-12-31")), "components.KNM.completedOn: must not lie in the future");
        assertDetail(plan("B1", "KNM", state("DONE", "1999-01-01", "2000-01-01")), "components.KNM.startedOn: must lie between");
        assertDetail(plan("B1", "MAP", state("NOT_APPLICABLE", null, null)), "components.MAP.status: may be NOT_APPLICABLE only");
        assertDetail(plan("ONDERWIJS", "MAP", state("IN_PROGRESS", today().toString(), null)), "components.MAP.status: must be NOT_APPLICABLE");
        assertDetail(plan("Z", "KNM", state("NOT_APPLICABLE", null, null)), "components.KNM.status: may be NOT_APPLICABLE only");

        assertEquals(0, rows("integration_plan", member));
        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM integration_plan_change c JOIN integration_plan p"
                + " ON p.id = c.plan_id WHERE p.member_id = ?", member));
        PlanView onderwijs = API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "ONDERWIJS"))
                .as(PlanView.class);
        assertEquals(ComponentStatus.NOT_APPLICABLE, component(onderwijs, Component.MAP).status());
    }

    @Test
    void everyChangeToThePlanIsWrittenToTheHistoryAndAChangeOfNothingWritesNothing() {
        String member = oblige("Civic History");
        LocalDate established = today().minusDays(100);
        API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "B1", "establishedOn", established.toString()));
        int created = history(member).size();
        String knmDone = today().minusDays(10).toString();

        Map<String, Object> edit = new LinkedHashMap<>(plan("Z", "KNM", state("DONE", today().minusDays(60).toString(), knmDone)));
        edit.put("baseVersion", 1);
        edit.put("establishedOn", established.minusDays(1).toString());
        Api.Response changed = API.patch(base + "/members/" + member + "/plan", officer, edit);

        assertEquals(200, changed.status(), changed.body());
        PlanView plan = changed.as(PlanView.class);
        assertEquals(2, plan.version());
        assertEquals(Route.Z, plan.route());
        assertEquals(ComponentStatus.DONE, component(plan, Component.KNM).status());
        List<ChangeView> history = history(member);
        List<ChangeView> latest = history.stream().filter(c -> c.changeId().equals(history.get(0).changeId())).toList();
        Map<String, List<String>> fields = latest.stream().collect(Collectors.toMap(ChangeView::field,
                change -> java.util.Arrays.asList(change.oldValue(), change.newValue())));
        assertEquals(List.of("B1", "Z"), fields.get("route"));
        assertEquals(java.util.Arrays.asList(established.toString(), established.minusDays(1).toString()), fields.get("establishedOn"));
        assertEquals(List.of("NOT_STARTED", "DONE"), fields.get("components.KNM.status"));
        assertEquals(java.util.Arrays.asList(null, knmDone), fields.get("components.KNM.completedOn"));
        assertEquals(java.util.Arrays.asList(established.plusYears(3).toString(), established.minusDays(1).plusYears(3).toString()),
                fields.get("deadline"));
        assertEquals(6, latest.size(), latest.toString());
        assertEquals(created + 6, history.size());

        edit.put("baseVersion", 2);
        PlanView same = API.patch(base + "/members/" + member + "/plan", officer, edit).as(PlanView.class);
        assertEquals(2, same.version(), "nothing changed, so no new version");
        assertEquals(created + 6, history(member).size());

        Problem stale = API.patch(base + "/members/" + member + "/plan", officer,
                Map.of("baseVersion", 1, "languageSchool", "Elsewhere")).problem(409);
        assertTrue(stale.type().endsWith("/plan-changed"));
        API.patch(base + "/members/" + member + "/plan", officer, Map.of("languageSchool", "Elsewhere")).problem(400);
        API.patch(base + "/members/" + member + "/plan", officer, Map.of("baseVersion", 2, "route", "")).problem(400);
        assertEquals(created + 6, history(member).size());
        assertNull(member("Civic History").plan().languageSchool());

        PlanView cleared = API.patch(base + "/members/" + member + "/plan", officer,
                Map.of("baseVersion", 2, "establishedOn", "")).as(PlanView.class);
        assertEquals(TermStatus.DRAFT, cleared.term().status());
        assertNull(cleared.term().deadline());
        assertEquals(created + 8, history(member).size(), "the date and the deadline were cleared");
        assertEquals(history(member).size(), TestServer.get().queryLong("SELECT count(*) FROM integration_plan_change"
                + " WHERE plan_id = ?", plan.id()));
        API.patch(base + "/members/" + memberId("Civic Child") + "/plan", officer, Map.of("baseVersion", 1)).problem(404);
    }

    @Test
    void switchingToTheOnderwijsrouteNeedsTheMapMarkedNotApplicable() {
        String member = oblige("Civic Route");
        PlanView plan = API.post(base + "/members/" + member + "/plan", officer,
                plan("B1", "MAP", state("IN_PROGRESS", today().minusDays(5).toString(), null))).as(PlanView.class);

        Problem refused = API.patch(base + "/members/" + member + "/plan", officer,
                Map.of("baseVersion", plan.version(), "route", "ONDERWIJS")).problem(400);
        Map<String, Object> both = new HashMap<>(plan("ONDERWIJS", "MAP", state("NOT_APPLICABLE", null, null)));
        both.put("baseVersion", plan.version());
        PlanView switched = API.patch(base + "/members/" + member + "/plan", officer, both).as(PlanView.class);

        assertEquals("components.MAP.status: must be NOT_APPLICABLE: the MAP does not apply in the onderwijsroute",
                refused.detail());
        assertEquals(Route.ONDERWIJS, switched.route());
        assertEquals(ComponentStatus.NOT_APPLICABLE, component(switched, Component.MAP).status());
        assertNull(component(switched, Component.MAP).startedOn());
    }

    @Test
    void anExtensionMovesTheDeadlineAndIsKeptWithItsReason() {
        String member = oblige("Civic Extension");
        LocalDate established = today().minusYears(3).plusMonths(4).plusDays(15);
        PlanView plan = API.post(base + "/members/" + member + "/plan", officer,
                Map.of("route", "B1", "establishedOn", established.toString())).as(PlanView.class);
        assertEquals(TermStatus.DUE_IN_6_MONTHS, plan.term().status());
        assertEquals(4, plan.term().monthsLeft());

        Api.Response extended = API.post(base + "/members/" + member + "/plan/extensions", officer,
                Map.of("months", 6, "decidedOn", today().minusDays(1).toString(), "reason", "Long illness, DUO agreed"));

        assertEquals(201, extended.status(), extended.body());
        PlanView after = extended.as(PlanView.class);
        assertEquals(established.plusYears(3).plusMonths(6).toString(), after.term().deadline());
        assertEquals(established.plusYears(3).toString(), after.term().baseDeadline());
        assertEquals(6, after.term().extensionMonths());
        assertEquals(TermStatus.RUNNING, after.term().status());
        assertEquals(10, after.term().monthsLeft());
        assertEquals("Long illness, DUO agreed", after.extensions().get(0).reason());
        assertEquals(plan.version() + 1, after.version());
        Map<String, ChangeView> fields = history(member).stream()
                .filter(change -> change.changeId().equals(history(member).get(0).changeId()))
                .collect(Collectors.toMap(ChangeView::field, change -> change));
        assertEquals("6", fields.get("extension.months").newValue());
        assertEquals("Long illness, DUO agreed", fields.get("extension.reason").newValue());
        assertEquals(established.plusYears(3).toString(), fields.get("deadline").oldValue());
        assertEquals(after.term().deadline(), fields.get("deadline").newValue());

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("months", 0, "decidedOn", today().toString(), "reason", "x"),
                Map.of("months", 37, "decidedOn", today().toString(), "reason", "x"),
                Map.of("decidedOn", today().toString(), "reason", "x"),
                Map.of("months", 3, "decidedOn", "2101-01-01", "reason", "x"),
                Map.of("months", 3, "decidedOn", today().toString(), "reason", " "))) {
            API.post(base + "/members/" + member + "/plan/extensions", officer, bad).problem(400);
        }
        assertEquals(1, TestServer.get().queryLong("SELECT count(*) FROM integration_plan_extension WHERE plan_id = ?",
                plan.id()));
        API.patch(base + "/members/" + member + "/plan", officer, Map.of("baseVersion", after.version(), "establishedOn", ""));
        API.post(base + "/members/" + member + "/plan/extensions", officer,
                Map.of("months", 3, "decidedOn", today().toString(), "reason", "x")).problem(409);
    }

    @Test
    void theTermWarnsSixAndThreeMonthsBeforeItsDeadlineAndWhenItHasPassedUntilEverythingIsDone() {
        String member = oblige("Civic Warning");
        PlanView plan = API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "B1")).as(PlanView.class);
        assertEquals(TermStatus.DRAFT, plan.term().status());

        assertEquals(TermStatus.RUNNING, dated(member, today().plusMonths(7).plusDays(15)).term().status());
        assertEquals(TermStatus.DUE_IN_6_MONTHS, dated(member, today().plusMonths(5).plusDays(15)).term().status());
        PlanView three = dated(member, today().plusMonths(2).plusDays(15));
        assertEquals(TermStatus.DUE_IN_3_MONTHS, three.term().status());
        assertEquals(2, three.term().monthsLeft());
        PlanView overdue = dated(member, today().minusDays(20));
        assertEquals(TermStatus.OVERDUE, overdue.term().status());
        assertEquals(0, overdue.term().monthsLeft());
        assertTrue(overdue.term().daysLeft() < -15, "" + overdue.term().daysLeft());

        String done = today().minusDays(3).toString();
        Map<String, Object> finished = new HashMap<>();
        finished.put("baseVersion", overdue.version());
        finished.put("components", Map.of("LANGUAGE", state("DONE", null, done), "KNM", state("DONE", null, done),
                "MAP", state("DONE", null, done), "PVT", state("DONE", null, done)));
        PlanView complete = API.patch(base + "/members/" + member + "/plan", officer, finished).as(PlanView.class);
        assertTrue(complete.finished());
        assertEquals(TermStatus.COMPLETED, complete.term().status());
    }

    @Test
    void deadlinesDueWithinListsUnfinishedPlansOfTheMunicipalityEarliestFirst() {
        String soon = oblige("Civic Due Soon");
        String later = oblige("Civic Due Later");
        API.post(base + "/members/" + soon + "/plan", officer, Map.of("route", "B1",
                "establishedOn", deadlineIn(4).toString()));
        API.post(base + "/members/" + later + "/plan", officer, Map.of("route", "B1",
                "establishedOn", deadlineIn(20).toString()));
        String municipality = API.get("/api/households/" + household, officer).as(Household.class).municipalityId();
        IntegrationService service = TestServer.get().context().getBean(IntegrationService.class);

        List<DeadlineDue> sixMonths = service.deadlinesDueWithin(municipality, 6);
        List<DeadlineDue> twoYears = service.deadlinesDueWithin(municipality, 24);

        List<String> dueSoon = sixMonths.stream().map(DeadlineDue::memberId).toList();
        assertTrue(dueSoon.contains(soon) && !dueSoon.contains(later), dueSoon.toString());
        DeadlineDue entry = sixMonths.stream().filter(due -> due.memberId().equals(soon)).findFirst().orElseThrow();
        assertEquals(household, entry.householdId());
        assertEquals(TermStatus.DUE_IN_6_MONTHS, entry.status());
        List<String> dueLater = twoYears.stream().map(DeadlineDue::memberId).toList();
        assertTrue(dueLater.indexOf(soon) >= 0 && dueLater.indexOf(soon) < dueLater.indexOf(later), dueLater.toString());
        assertTrue(twoYears.stream().allMatch(due -> !due.deadline().isAfter(today().plusMonths(24).plusDays(1))));
        assertEquals(List.of(), service.deadlinesDueWithin(
                API.get("/api/households/" + Fixtures.householdId(API, API.login(Fixtures.OTHER_OFFICER), "A-OTHER"),
                        API.login(Fixtures.OTHER_OFFICER)).as(Household.class).municipalityId(), 24));
    }

    @Test
    void progressMeetingsAreRecordedCorrectedAndCheckedNewestFirst() {
        String member = oblige("Civic Meeting");
        Map<String, Object> first = meeting(today().minusDays(60), today().minusDays(5), "First talk");
        Api.Response created = API.post(base + "/members/" + member + "/meetings", officer, first);
        API.post(base + "/members/" + member + "/meetings", officer, meeting(today().minusDays(4), today().plusDays(50), "Second talk"));
        MeetingView meeting = created.as(MeetingView.class);

        Api.Response corrected = API.put(base + "/meetings/" + meeting.id(), officer,
                meeting(today().minusDays(61), today().minusDays(5), "First talk, corrected"));

        assertEquals(201, created.status(), created.body());
        assertEquals(200, corrected.status(), corrected.body());
        List<MeetingView> meetings = member("Civic Meeting").meetings();
        assertEquals(List.of("Second talk", "First talk, corrected"), meetings.stream().map(MeetingView::summary).toList());
        assertEquals(today().minusDays(61).toString(), meetings.get(1).heldOn());
        assertEquals("Officer Testdorp", meetings.get(1).conductedByName());
        assertEquals(today().plusDays(50).toString(), meetings.get(0).nextMeetingOn());

        assertMeetingRefused(member, meeting(today().plusDays(1), null, "Tomorrow"), "heldOn: must not lie in the future");
        assertMeetingRefused(member, meeting(today().minusDays(3), today().minusDays(3), "x"), "nextMeetingOn: must lie after the meeting");
        assertMeetingRefused(member, meeting(today().minusDays(3), LocalDate.of(2101, 1, 1), "x"), "nextMeetingOn: must lie between");
        assertMeetingRefused(member, meeting(LocalDate.of(1999, 12, 31), null, "x"), "heldOn: must lie between");
        assertMeetingRefused(member, meeting(today().minusDays(3), null, ""), "summary: is required");
        API.put(base + "/meetings/" + meeting.id(), officer, meeting(today().plusDays(3), null, "Later")).problem(400);
        assertEquals(2, rows("integration_meeting", member));
        assertEquals("First talk, corrected", member("Civic Meeting").meetings().get(1).summary());
        String other = Fixtures.householdId(API, officer, "T-UNMATCHED");
        API.put("/api/households/" + other + "/integration/meetings/" + meeting.id(), officer,
                meeting(today().minusDays(3), null, "Moved")).problem(404);
    }

    @Test
    void everyEndpointIsForTheOfficersOfTheHouseholdsMunicipalityOnlyAndARefusalChangesNothing() {
        String member = oblige("Civic Access");
        API.put(base + "/members/" + member + "/intake", officer, intake(today().minusDays(1)));
        API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "B1",
                "establishedOn", today().minusDays(30).toString()));
        String meeting = API.post(base + "/members/" + member + "/meetings", officer,
                meeting(today().minusDays(2), null, "Access talk")).as(MeetingView.class).id();
        Map<String, Object> editPlan = new HashMap<>();
        editPlan.put("baseVersion", 1);
        editPlan.put("route", "Z");
        List<Object[]> endpoints = List.of(
                new Object[] {"GET", base, null},
                new Object[] {"PUT", base + "/members/" + member + "/obligation", Map.of("obliged", false)},
                new Object[] {"PUT", base + "/members/" + member + "/intake", intake(today())},
                new Object[] {"POST", base + "/members/" + member + "/plan", Map.of("route", "Z")},
                new Object[] {"PATCH", base + "/members/" + member + "/plan", editPlan},
                new Object[] {"GET", base + "/members/" + member + "/plan/history", null},
                new Object[] {"POST", base + "/members/" + member + "/plan/extensions",
                        Map.of("months", 3, "decidedOn", today().toString(), "reason", "x")},
                new Object[] {"POST", base + "/members/" + member + "/meetings", meeting(today(), null, "x")},
                new Object[] {"PUT", base + "/meetings/" + meeting, meeting(today(), null, "x")});
        String otherOfficer = API.login(Fixtures.OTHER_OFFICER);
        String buddy = API.login("civic@testdorp.test");
        String device = Fixtures.device(API, "T-CIVIC").token();
        String editor = API.login(Fixtures.EDITOR);
        String admin = API.login(Fixtures.ADMIN);
        long before = allRows();

        for (Object[] endpoint : endpoints) {
            String method = (String) endpoint[0];
            String path = (String) endpoint[1];
            String body = endpoint[2] == null ? null : API.json(endpoint[2]);
            String where = method + " " + path;
            assertEquals(404, call(method, path, otherOfficer, body).problem(404).status(), where);
            assertEquals(403, call(method, path, buddy, body).problem(403).status(), where);
            assertEquals(403, call(method, path, device, body).problem(403).status(), where);
            assertEquals(403, call(method, path, editor, body).problem(403).status(), where);
            assertEquals(403, call(method, path, admin, body).problem(403).status(), where);
            assertEquals(401, call(method, path, null, body).problem(401).status(), where);
        }
        assertEquals(404, call("GET", "/api/households/does-not-exist/integration", officer, null).status());
        assertEquals(404, call("PUT", base + "/members/" + memberOf("T-SCOPE") + "/obligation", officer,
                "{\"obliged\":true}").status(), "a member of another household");

        assertEquals(before, allRows(), "no refused request changed anything");
        assertEquals(Route.B1, member("Civic Access").plan().route());
    }

    @Test
    void nothingOfItReachesABuddyOrAPhoneNotEvenTheirSyncAndReadsAndWritesAreAudited() {
        String member = oblige("Civic Privacy");
        Map<String, Object> secret = intake(today().minusDays(1));
        secret.put("summary", "PRIVATE-INTAKE-SUMMARY");
        secret.put("workExperience", "PRIVATE-WORK");
        API.put(base + "/members/" + member + "/intake", officer, secret);
        API.post(base + "/members/" + member + "/plan", officer, Map.of("route", "ONDERWIJS",
                "establishedOn", today().minusDays(10).toString(), "languageSchool", "PRIVATE-SCHOOL"));
        API.post(base + "/members/" + member + "/meetings", officer, meeting(today(), null, "PRIVATE-MEETING"));
        long reads = audited("integration.read");
        long writes = audited("integration.intake.write");

        String buddy = API.login("civic@testdorp.test");
        String device = Fixtures.device(API, "T-CIVIC").token();
        StringBuilder seen = new StringBuilder();
        for (String token : List.of(buddy, device)) {
            seen.append(API.get("/api/households", token).body());
            seen.append(API.get("/api/households/" + household, token).body());
            seen.append(API.get("/api/households/" + household + "/tasks", token).body());
            seen.append(API.get("/api/sync/pull?after=0&limit=1000", token).body());
        }
        API.get(base, officer);
        API.put(base + "/members/" + member + "/intake", officer, secret);

        assertTrue(seen.toString().contains("Family Civic"), "the buddy and the phone do see the household");
        for (String hidden : List.of("PRIVATE", "ONDERWIJS", "integration", "inburgering", "intake", "obliged")) {
            assertFalse(seen.toString().contains(hidden), hidden + " must not reach a buddy or a phone");
        }
        assertEquals(reads + 1, audited("integration.read"));
        assertEquals(writes + 1, audited("integration.intake.write"));
        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE action LIKE 'integration.%'"
                + " AND household_id IS NULL"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }

    /** The PIP date whose deadline lies {@code months} months and two weeks from today. */
    private static LocalDate deadlineIn(int months) {
        return today().plusMonths(months).plusDays(15).minusYears(3);
    }

    private static PlanView dated(String member, LocalDate deadline) {
        PlanView current = member(memberName(member)).plan();
        Api.Response response = API.patch(base + "/members/" + member + "/plan", officer,
                Map.of("baseVersion", current.version(), "establishedOn", deadline.minusYears(3).toString()));
        assertEquals(200, response.status(), response.body());
        return response.as(PlanView.class);
    }

    private static void assertDetail(Map<String, Object> plan, String expected) {
        String member = memberId("Civic Rules");
        Problem problem = API.post(base + "/members/" + member + "/plan", officer, plan).problem(400);
        assertTrue(problem.detail().contains(expected), expected + " in " + problem.detail());
    }

    private static void assertMeetingRefused(String member, Map<String, Object> meeting, String expected) {
        Problem problem = API.post(base + "/members/" + member + "/meetings", officer, meeting).problem(400);
        assertTrue(problem.detail().contains(expected), expected + " in " + problem.detail());
    }

    private static Map<String, Object> plan(String route, String component, Map<String, Object> state) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("route", route);
        plan.put("components", Map.of(component, state));
        return plan;
    }

    private static Map<String, Object> state(String status, String startedOn, String completedOn) {
        Map<String, Object> state = new HashMap<>();
        state.put("status", status);
        if (startedOn != null) {
            state.put("startedOn", startedOn);
        }
        if (completedOn != null) {
            state.put("completedOn", completedOn);
        }
        return state;
    }

    private static Map<String, Object> intake(LocalDate heldOn) {
        Map<String, Object> intake = new HashMap<>();
        intake.put("heldOn", heldOn.toString());
        intake.put("summary", "Went to school for nine years; learns fast.");
        intake.put("education", "SECONDARY");
        intake.put("healthAffectsLearning", false);
        return intake;
    }

    private static Map<String, Object> meeting(LocalDate heldOn, LocalDate next, String summary) {
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("heldOn", heldOn.toString());
        meeting.put("summary", summary);
        if (next != null) {
            meeting.put("nextMeetingOn", next.toString());
        }
        return meeting;
    }

    private static ComponentView component(PlanView plan, Component component) {
        return plan.components().stream().filter(c -> c.component() == component).findFirst().orElseThrow();
    }

    private static Overview overview() {
        Api.Response response = API.get(base, officer);
        assertEquals(200, response.status(), response.body());
        return response.as(Overview.class);
    }

    private static MemberView member(String name) {
        return overview().members().stream().filter(m -> m.displayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name));
    }

    private static String memberName(String memberId) {
        return overview().members().stream().filter(m -> m.memberId().equals(memberId)).findFirst().orElseThrow()
                .displayName();
    }

    private static String memberId(String name) {
        return member(name).memberId();
    }

    private static String memberOf(String reference) {
        return API.get("/api/households/" + Fixtures.householdId(API, officer, reference), officer).as(Household.class)
                .members().get(0).id();
    }

    /** Marks the member as inburgeringsplichtig and returns the id. */
    private static String oblige(String name) {
        String member = memberId(name);
        Api.Response response = API.put(base + "/members/" + member + "/obligation", officer, Map.of("obliged", true));
        assertEquals(200, response.status(), response.body());
        return member;
    }

    private static List<ChangeView> history(String member) {
        Api.Response response = API.get(base + "/members/" + member + "/plan/history", officer);
        assertEquals(200, response.status(), response.body());
        return response.asListOf(ChangeView.class);
    }

    private static Api.Response call(String method, String path, String token, String body) {
        return body == null ? API.send(method, path, token, null)
                : API.send(method, path, token, body, "Content-Type", "application/json");
    }

    private static long rows(String table, String member) {
        return TestServer.get().queryLong("SELECT count(*) FROM " + table + " WHERE member_id = ?", member);
    }

    private static long allRows() {
        long total = 0;
        for (String table : List.of("integration_obligation", "integration_intake", "integration_plan",
                "integration_plan_component", "integration_plan_extension", "integration_plan_change",
                "integration_meeting")) {
            total += TestServer.get().queryLong("SELECT count(*) FROM " + table + " WHERE household_id = ?", household);
        }
        return total + TestServer.get().queryLong("SELECT count(*) FROM integration_obligation WHERE household_id = ?"
                + " AND obliged = TRUE", household);
    }

    private static long audited(String action) {
        return TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ?",
                action, household);
    }
}
