package nl.welkom.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.appointment.AppointmentService;
import nl.welkom.audit.AuditLog;
import nl.welkom.content.ContentPacks;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Display;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdReader;
import nl.welkom.household.HouseholdScope;
import nl.welkom.journey.TaskService;
import nl.welkom.model.auth.Role;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.problem.ProblemException;

/**
 * The family friend's own space and the meeting pages (docs/meetings.md):
 * {@code /dashboard/mijn-gezinnen} (the friend's households with only what a friend needs, gentle
 * prompts, what the family learns), the meeting form's POST (a refused form comes back on
 * {@code meeting/form} with status 400, values kept, each error beside its field) and, for the
 * coordinator (an officer), {@code /dashboard/volunteers/attention}: matches without a meeting for
 * too long.
 */
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MeetingPagesController {
    private static final String FRAGMENT = "ontmoetingen";

    private final Dashboard dashboard;
    private final Pages pages;
    private final HouseholdScope scope;
    private final HouseholdReader reader;
    private final TaskService taskService;
    private final AppointmentService appointments;
    private final ContentPacks packs;
    private final MeetingService service;
    private final MeetingForm form;
    private final MeetingProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    MeetingPagesController(Dashboard dashboard, Pages pages, HouseholdScope scope, HouseholdReader reader,
                           TaskService taskService, AppointmentService appointments, ContentPacks packs,
                           MeetingService service, MeetingForm form, MeetingProperties properties, AuditLog audit,
                           Clock clock) {
        this.clock = clock;
        this.dashboard = dashboard;
        this.pages = pages;
        this.scope = scope;
        this.reader = reader;
        this.taskService = taskService;
        this.appointments = appointments;
        this.packs = packs;
        this.service = service;
        this.form = form;
        this.properties = properties;
        this.audit = audit;
    }

    /** One open task on a household card. */
    record TaskLine(String title, String lang, boolean buddyHelps, @Nullable String due) {
    }

    /** One upcoming appointment on a household card. */
    record AppointmentLine(String when, String purpose) {
    }

    /** One household in the friend's space: only the fields a friend needs (docs/meetings.md). */
    record Card(String id, String link, String displayName, List<String> members, String languages, String stage,
                List<TaskLine> tasks, List<AppointmentLine> appointments, @Nullable String lastMet,
                @Nullable Long quietDays) {
    }

    /** A topic and its lessons' Dutch titles. */
    record TopicLine(String title, List<String> lessons) {
    }

    /** A prompt as a page shows it. */
    record PromptLine(String householdId, String link, String displayName, @Nullable String buddyName,
                      @Nullable String lastMet, String since, long days) {
    }

    @Get("/mijn-gezinnen")
    HttpResponse<?> space(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.viewer(authentication, request);
        if (viewer.caller().role() != Role.BUDDY) {
            throw PageException.forbidden(viewer);
        }
        Display display = viewer.display();
        Map<String, MeetingService.Prompt> matches = service.matches(viewer.caller()).stream()
                .collect(Collectors.toMap(MeetingService.Prompt::householdId, p -> p, (a, b) -> a));
        LocalDate today = service.today();
        long from = clock.millis();
        List<HouseholdEntity> entities = scope.visibleHouseholds(viewer.caller());
        List<Card> cards = new ArrayList<>();
        for (Household household : reader.read(viewer.caller(), entities)) {
            List<TaskLine> tasks = taskService.tasksOf(household.id()).stream()
                    .filter(task -> task.status() == TaskStatus.OPEN)
                    .sorted(Comparator.comparing((Task task) -> task.assignee() != TaskAssignee.BUDDY)
                            .thenComparing(task -> task.dueDate() == null ? "9999" : task.dueDate()))
                    .map(task -> {
                        Display.Text title = display.title(task.titles());
                        return new TaskLine(title.text(), title.lang(), task.assignee() == TaskAssignee.BUDDY,
                                task.dueDate() == null ? null : display.isoDate(task.dueDate()));
                    })
                    .toList();
            List<AppointmentLine> upcoming = appointments.upcoming(viewer.caller(), household.id(), from).stream()
                    .filter(row -> row.status() == null || !"CANCELLED".equals(row.status().name()))
                    .limit(5)
                    .map(row -> new AppointmentLine(display.dateTime(row.startsAt()), row.purpose()))
                    .toList();
            MeetingService.Prompt match = matches.get(household.id());
            String lastMet = match == null || match.lastMet() == null ? null : display.date(match.lastMet());
            Long quiet = null;
            if (match != null) {
                long days = java.time.temporal.ChronoUnit.DAYS.between(match.since(), today);
                quiet = days >= properties.buddyPromptDays() ? days : null;
            }
            cards.add(new Card(household.id(), Dashboard.householdPage(household.id(), FRAGMENT).toString(),
                    household.displayName(), household.members().stream().map(Member::displayName).toList(),
                    display.languages(household.languages()), household.stage().name(), tasks, upcoming, lastMet, quiet));
            audit.record(viewer.caller(), MeetingAudit.SPACE, household.id());
        }
        ContentPack pack = packs.pack(packs.chain("nl", null));
        List<TopicLine> topics = pack.topics().stream()
                .map(topic -> new TopicLine(topic.title(), topic.lessons().stream().map(lesson -> lesson.title()).toList()))
                .toList();
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("cards", cards);
        model.put("prompted", cards.stream().filter(card -> card.quietDays() != null).toList());
        model.put("topics", topics);
        model.put("promptDays", properties.buddyPromptDays());
        return pages.ok("meeting/space", model, request);
    }

    @Get("/volunteers/attention")
    HttpResponse<?> attention(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Display display = viewer.display();
        List<PromptLine> rows = service.prompts(viewer.caller()).stream()
                .map(p -> new PromptLine(p.householdId(), Dashboard.householdPage(p.householdId(), FRAGMENT).toString(),
                        p.displayName(), p.buddyName(), p.lastMet() == null ? null : display.date(p.lastMet()),
                        display.date(p.since()), p.days()))
                .toList();
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("prompts", rows);
        model.put("promptDays", properties.coordinatorPromptDays());
        return pages.ok("meeting/attention", model, request);
    }

    @Post(value = "/households/{id}/meetings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> log(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                        @Body Map<String, String> body) {
        Viewer viewer = dashboard.viewer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        if (viewer.caller().role() != Role.BUDDY) {
            throw PageException.forbidden(viewer);
        }
        Set<String> ticked = new LinkedHashSet<>();
        body.forEach((key, value) -> {
            if (key.startsWith("task.") && value != null && !value.isBlank()) {
                ticked.add(key.substring("task.".length()));
            }
        });
        MeetingForm.Values values = new MeetingForm.Values(value(body, "date"), value(body, "what"), value(body, "note"),
                ticked);
        MeetingService.LogRequest log = new MeetingService.LogRequest(values.date(), values.what(), List.of(),
                values.note());
        Map<String, String> errors = new HashMap<>();
        service.refusal(viewer.caller(), household.id(), log)
                .ifPresent(refusal -> errors.put(refusal.field(), "meeting.error." + refusal.field() + "." + refusal.code()));
        Set<String> tickable = form.tickable(household.id()).stream().map(Task::id).collect(Collectors.toSet());
        if (!tickable.containsAll(ticked)) {
            errors.put("tasks", "meeting.error.tasks.foreign");
        }
        if (!errors.isEmpty()) {
            Map<String, Object> model = Dashboard.model(viewer);
            model.put("household", household);
            model.put("back", Dashboard.householdPage(household.id(), FRAGMENT).toString());
            model.put("form", form.model(viewer, household.id(), values, errors));
            return pages.render(HttpStatus.BAD_REQUEST, "meeting/form", model, request);
        }
        service.log(viewer.caller(), household.id(), log, List.copyOf(ticked));
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), FRAGMENT));
    }

    /** A service's problem (out of scope) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private static String value(Map<String, String> body, String key) {
        String value = body.get(key);
        return value == null ? "" : value;
    }
}
