package nl.welkom.integration;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.integration.IntegrationViews.MeetingView;
import nl.welkom.integration.IntegrationViews.MemberView;
import nl.welkom.integration.IntegrationViews.PlanView;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.place.LocalPlaces;
import nl.welkom.problem.ProblemException;

/**
 * The dashboard's civic-integration pages for officers ({@code /dashboard/households/{id}/integration/...}):
 * a member's file (intake, plan, term, extensions, meetings, the plan's history) and the forms that
 * change them. Plain HTML forms, post-redirect-get; a form with a mistake comes back with status 400,
 * the values kept and each error next to its field. Anyone but an officer gets the 403 page, a
 * household or member out of scope the 404 page.
 */
@Hidden
@Controller("/dashboard/households/{id}/integration")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class IntegrationPages {
    private static final String FORM_ERROR = "form";

    private final Dashboard dashboard;
    private final Pages pages;
    private final IntegrationService service;
    private final LocalPlaces places;

    IntegrationPages(Dashboard dashboard, Pages pages, IntegrationService service, LocalPlaces places) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.service = service;
        this.places = places;
    }

    /** A member's civic-integration file. */
    @Get("/members/{memberId}")
    HttpResponse<?> member(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                           @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        MemberView member = member(viewer, id, memberId);
        LocalDate today = service.today();
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("householdId", id);
        model.put("member", IntegrationCards.card(member, viewer.display(), today));
        model.put("intake", member.intake() == null ? null : IntegrationCards.intake(member.intake(), viewer.display()));
        model.put("plan", member.plan() == null ? null : IntegrationCards.plan(member.plan(), viewer.display()));
        model.put("meetings", member.meetings().stream()
                .map(meeting -> IntegrationCards.meeting(meeting, viewer.display())).toList());
        model.put("history", IntegrationCards.history(service.history(viewer.caller(), id, memberId),
                viewer.display()));
        return pages.ok("integration/member", model, request);
    }

    /** Marks a member as inburgeringsplichtig ({@code obliged=true}) or removes the mark, then shows the household. */
    @Post(value = "/members/{memberId}/obligation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> obligation(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String memberId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        Boolean obliged = yesNo(form.get("obliged"), viewer);
        if (obliged == null) {
            throw PageException.badRequest(viewer);
        }
        service.setObligation(viewer.caller(), id, memberId, new IntegrationCommands.Obligation(obliged));
        return HttpResponse.seeOther(Dashboard.householdPage(id, "integration-member-" + memberId));
    }

    /** The broad-intake form, filled in with the recorded intake or with today and the officer. */
    @Get("/members/{memberId}/intake")
    HttpResponse<?> intakeForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        MemberView member = member(viewer, id, memberId);
        Map<String, String> form = new HashMap<>();
        if (member.intake() == null) {
            form.put("heldOn", service.today().toString());
            form.put("conductedBy", viewer.caller().userId());
        } else {
            IntegrationViews.IntakeView intake = member.intake();
            form.put("heldOn", intake.heldOn());
            form.put("conductedBy", intake.conductedBy());
            form.put("summary", intake.summary());
            form.put("education", intake.education().name());
            form.put("workExperience", intake.workExperience());
            form.put("healthAffectsLearning", yesNoText(intake.healthAffectsLearning()));
            form.put("needsLiteracy", yesNoText(intake.needsLiteracy()));
        }
        return intakePage(viewer, request, id, member, form, Map.of());
    }

    @Post(value = "/members/{memberId}/intake", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveIntake(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String memberId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            service.saveIntake(viewer.caller(), id, memberId, new IntegrationCommands.Intake(form.get("heldOn"),
                    form.get("conductedBy"), form.get("summary"), form.get("education"), form.get("workExperience"),
                    yesNo(form.get("healthAffectsLearning"), viewer), yesNo(form.get("needsLiteracy"), viewer)));
        } catch (InvalidInput invalid) {
            return intakePage(viewer, request, id, member(viewer, id, memberId), form, invalid.errors());
        }
        return HttpResponse.seeOther(memberPage(id, memberId, "intake"));
    }

    /** The plan form: the member's plan to change, or an empty one to draw up. */
    @Get("/members/{memberId}/plan")
    HttpResponse<?> planForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                             @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        MemberView member = member(viewer, id, memberId);
        Map<String, String> form = new HashMap<>();
        PlanView plan = member.plan();
        if (plan == null) {
            for (Component component : Component.values()) {
                form.put("components." + component.name() + ".status", ComponentStatus.NOT_STARTED.name());
            }
        } else {
            form.put("version", Long.toString(plan.version()));
            form.put("route", plan.route().name());
            form.put("establishedOn", plan.establishedOn());
            form.put("languageSchool", plan.languageSchool());
            for (IntegrationViews.ComponentView component : plan.components()) {
                String prefix = "components." + component.component().name() + ".";
                form.put(prefix + "status", component.status().name());
                form.put(prefix + "startedOn", component.startedOn());
                form.put(prefix + "completedOn", component.completedOn());
            }
        }
        return planPage(viewer, request, id, member, form, Map.of());
    }

    @Post(value = "/members/{memberId}/plan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> savePlan(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                             @PathVariable String memberId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, IntegrationCommands.ComponentState> components = new LinkedHashMap<>();
        for (Component component : Component.values()) {
            String prefix = "components." + component.name() + ".";
            components.put(component.name(), new IntegrationCommands.ComponentState(form.get(prefix + "status"),
                    form.get(prefix + "startedOn"), form.get(prefix + "completedOn")));
        }
        String version = form.get("version");
        try {
            if (version == null || version.isBlank()) {
                service.createPlan(viewer.caller(), id, memberId, new IntegrationCommands.Plan(null, form.get("route"),
                        form.get("establishedOn"), form.get("languageSchool"), components));
            } else {
                service.editPlan(viewer.caller(), id, memberId, new IntegrationCommands.Plan(parseVersion(version, viewer),
                        text(form.get("route")), text(form.get("establishedOn")), text(form.get("languageSchool")),
                        components));
            }
        } catch (InvalidInput invalid) {
            return planPage(viewer, request, id, member(viewer, id, memberId), form, invalid.errors());
        } catch (ProblemException problem) {
            if (problem.problem().status() != HttpStatus.CONFLICT.getCode()) {
                throw problem;
            }
            // Changed by someone else (or drawn up meanwhile): keep what the officer typed, against the current version.
            MemberView member = member(viewer, id, memberId);
            Map<String, String> kept = new HashMap<>(form);
            if (member.plan() != null) {
                kept.put("version", Long.toString(member.plan().version()));
            }
            return planPage(viewer, request, id, member, kept, Map.of(FORM_ERROR, "stale"));
        }
        return HttpResponse.seeOther(memberPage(id, memberId, "plan"));
    }

    /** The form to record an extension of the term. */
    @Get("/members/{memberId}/extension")
    HttpResponse<?> extensionForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        MemberView member = member(viewer, id, memberId);
        if (member.plan() == null || member.plan().establishedOn() == null) {
            throw PageException.notFound(viewer);
        }
        return extensionPage(viewer, request, id, member, new HashMap<>(), Map.of());
    }

    @Post(value = "/members/{memberId}/extension", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveExtension(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @PathVariable String memberId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            service.extend(viewer.caller(), id, memberId, new IntegrationCommands.Extension(months(form.get("months")),
                    form.get("decidedOn"), form.get("reason")));
        } catch (InvalidInput invalid) {
            return extensionPage(viewer, request, id, member(viewer, id, memberId), form, invalid.errors());
        }
        return HttpResponse.seeOther(memberPage(id, memberId, "term"));
    }

    /** The form to record a progress meeting, with today and the officer filled in. */
    @Get("/members/{memberId}/meetings/new")
    HttpResponse<?> newMeetingForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @PathVariable String memberId) {
        Viewer viewer = dashboard.officer(authentication, request);
        MemberView member = member(viewer, id, memberId);
        Map<String, String> form = new HashMap<>();
        form.put("heldOn", service.today().toString());
        form.put("conductedBy", viewer.caller().userId());
        return meetingPage(viewer, request, id, member, null, form, Map.of());
    }

    @Post(value = "/members/{memberId}/meetings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addMeeting(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @PathVariable String memberId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            service.addMeeting(viewer.caller(), id, memberId, meetingCommand(form));
        } catch (InvalidInput invalid) {
            return meetingPage(viewer, request, id, member(viewer, id, memberId), null, form, invalid.errors());
        }
        return HttpResponse.seeOther(memberPage(id, memberId, "meetings"));
    }

    /** The form to correct a recorded meeting. */
    @Get("/meetings/{meetingId}")
    HttpResponse<?> meetingForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @PathVariable String meetingId) {
        Viewer viewer = dashboard.officer(authentication, request);
        MeetingView meeting = service.meeting(viewer.caller(), id, meetingId, true);
        Map<String, String> form = new HashMap<>();
        form.put("heldOn", meeting.heldOn());
        form.put("conductedBy", meeting.conductedBy());
        form.put("summary", meeting.summary());
        form.put("nextMeetingOn", meeting.nextMeetingOn());
        return meetingPage(viewer, request, id, member(viewer, id, meeting.memberId()), meeting.id(), form, Map.of());
    }

    @Post(value = "/meetings/{meetingId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> editMeeting(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @PathVariable String meetingId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        MeetingView meeting = service.meeting(viewer.caller(), id, meetingId, false);
        try {
            service.editMeeting(viewer.caller(), id, meetingId, meetingCommand(form));
        } catch (InvalidInput invalid) {
            return meetingPage(viewer, request, id, member(viewer, id, meeting.memberId()), meeting.id(), form,
                    invalid.errors());
        }
        return HttpResponse.seeOther(memberPage(id, meeting.memberId(), "meeting-" + meeting.id()));
    }

    /** A service's problem (out of scope, a member not marked, ...) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    // --- pages ---------------------------------------------------------------------------------

    private HttpResponse<?> intakePage(Viewer viewer, HttpRequest<?> request, String householdId, MemberView member,
                                       Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = formModel(viewer, householdId, member, form, errors);
        model.put("officers", officers(viewer));
        model.put("educations", Arrays.stream(Education.values()).map(Enum::name).toList());
        return render("integration/intake-form", model, errors, request);
    }

    private HttpResponse<?> planPage(Viewer viewer, HttpRequest<?> request, String householdId, MemberView member,
                                     Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = formModel(viewer, householdId, member, form, errors);
        model.put("routes", Arrays.stream(Route.values()).map(Enum::name).toList());
        model.put("componentNames", Arrays.stream(Component.values()).map(Enum::name).toList());
        model.put("statuses", Arrays.stream(ComponentStatus.values()).map(Enum::name).toList());
        model.put("schools", places.places(viewer.caller().municipalityId(), List.of("nl")).places().stream()
                .filter(place -> place.category() == PlaceCategory.LANGUAGE_SCHOOL)
                .map(Place::name)
                .toList());
        return render("integration/plan-form", model, errors, request);
    }

    private HttpResponse<?> extensionPage(Viewer viewer, HttpRequest<?> request, String householdId,
                                          MemberView member, Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = formModel(viewer, householdId, member, form, errors);
        model.put("term", member.plan() == null ? null : IntegrationCards.term(member.plan().term(), viewer.display()));
        return render("integration/extension-form", model, errors, request);
    }

    private HttpResponse<?> meetingPage(Viewer viewer, HttpRequest<?> request, String householdId, MemberView member,
                                        @Nullable String meetingId, Map<String, String> form,
                                        Map<String, String> errors) {
        Map<String, Object> model = formModel(viewer, householdId, member, form, errors);
        model.put("meetingId", meetingId);
        model.put("officers", officers(viewer));
        return render("integration/meeting-form", model, errors, request);
    }

    private Map<String, Object> formModel(Viewer viewer, String householdId, MemberView member,
                                          Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("householdId", householdId);
        model.put("member", IntegrationCards.card(member, viewer.display(), service.today()));
        model.put("form", form);
        model.put("errors", errors);
        return model;
    }

    private HttpResponse<?> render(String view, Map<String, Object> model, Map<String, String> errors,
                                   HttpRequest<?> request) {
        return pages.render(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, view, model, request);
    }

    /** The officers of the viewer's municipality, for "held by". */
    private List<Officer> officers(Viewer viewer) {
        return service.officers(viewer.caller()).stream().map(user -> new Officer(user.id(), user.displayName())).toList();
    }

    /** An officer to choose. Public for the template engine. */
    public record Officer(String id, String name) {
    }

    private MemberView member(Viewer viewer, String householdId, String memberId) {
        return service.overview(viewer.caller(), householdId).members().stream()
                .filter(member -> member.memberId().equals(memberId))
                .findFirst()
                .orElseThrow(() -> PageException.notFound(viewer));
    }

    private static URI memberPage(String householdId, String memberId, String fragment) {
        return UriBuilder.of("/dashboard/households").path(householdId).path("integration").path("members")
                .path(memberId).fragment(fragment).build();
    }

    // --- form values ---------------------------------------------------------------------------

    private static IntegrationCommands.Meeting meetingCommand(Map<String, String> form) {
        return new IntegrationCommands.Meeting(form.get("heldOn"), form.get("conductedBy"), form.get("summary"),
                form.get("nextMeetingOn"));
    }

    /** {@code true}, {@code false}, or blank for "not known"; anything else is a tampered form. */
    @Nullable
    private static Boolean yesNo(@Nullable String value, Viewer viewer) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw PageException.badRequest(viewer);
        };
    }

    private static String yesNoText(@Nullable Boolean value) {
        return value == null ? "" : value.toString();
    }

    /** A form's field as sent, with a missing field read as empty (cleared), as the form always sends it. */
    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Nullable
    private static Integer months(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseVersion(String version, Viewer viewer) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw PageException.badRequest(viewer);
        }
    }
}
