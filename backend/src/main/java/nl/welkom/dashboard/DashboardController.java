package nl.welkom.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.activation.ActivationService;
import nl.welkom.device.DeviceService;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.journey.ConflictService;
import nl.welkom.journey.JourneyLinks;
import nl.welkom.journey.TaskField;
import nl.welkom.journey.TaskService;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.ConflictResolution;
import nl.welkom.place.LocalPlaces;
import nl.welkom.problem.ProblemException;

/**
 * The dashboard's pages for integration officers and buddies. Officers see their municipality's
 * households and may change tasks, resolve conflicts, revoke phones and create activation codes;
 * buddies see their matched households (minimal fields) and only read. Everyone else who is signed in (a newcomer's phone, an editor, an
 * administrator) gets the 403 page; a household outside the caller's scope the 404 page.
 * Unauthenticated requests never get here: security sends them to {@code /login}.
 */
@Hidden
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class DashboardController {
    /** What the QR code on the activation page holds; the phone app reads the code from it. */
    static final String ACTIVATION_URI_PREFIX = "welkom:activate?code=";
    /** How long a new activation code can be shown again (a reload, the print preview). */
    static final Duration CODE_SHOWN_FOR = Duration.ofMinutes(10);

    private final Dashboard dashboard;
    private final List<HouseholdSection> sections;
    private final HouseholdPages households;
    private final TaskService taskService;
    private final ConflictService conflicts;
    private final DeviceService devices;
    private final ActivationService activation;
    private final Pages pages;
    private final CoursePages courses;
    private final LocalPlaces localPlaces;
    /**
     * A new activation code waiting for the page that shows it: for the officer who made it and its
     * household, for {@link #CODE_SHOWN_FOR}, reloads (and the print preview) included.
     */
    private final OneTimeDisplay<ActivationCode> tickets;

    DashboardController(Dashboard dashboard, List<HouseholdSection> sections, HouseholdPages households, TaskService taskService,
                        ConflictService conflicts, DeviceService devices, ActivationService activation, Pages pages,
                        CoursePages courses, LocalPlaces localPlaces, Clock clock) {
        this.tickets = new OneTimeDisplay<>(clock, CODE_SHOWN_FOR);
        this.courses = courses;
        this.dashboard = dashboard;
        this.sections = sections.stream().sorted(Comparator.comparingInt(HouseholdSection::order)).toList();
        this.households = households;
        this.taskService = taskService;
        this.conflicts = conflicts;
        this.devices = devices;
        this.activation = activation;
        this.pages = pages;
        this.localPlaces = localPlaces;
    }

    @Get
    HttpResponse<?> households(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.viewer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("caseload", households.list(viewer, request.getParameters().asMap()));
        return pages.ok("dashboard/households", model, request);
    }

    /**
     * A household's page. {@code ?conflict=<id>} (where an edit that left a conflict sends the officer)
     * adds a notice at the top when that conflict is open on this household.
     */
    @Get("/households/{id}{?conflict}")
    HttpResponse<?> household(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @Nullable @QueryValue String conflict) {
        Viewer viewer = dashboard.viewer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        HouseholdDetail detail = households.detail(viewer, id);
        model.put("household", detail);
        if (conflict != null) {
            detail.conflicts().stream().filter(row -> row.id().equals(conflict)).findFirst()
                    .ifPresent(row -> model.put("notice", row));
        }
        if (viewer.officer()) {
            model.put("codes", activation.outstanding(viewer.caller(), detail.id()).stream()
                    .map(code -> HouseholdDetail.CodeRow.of(code, viewer.display()))
                    .toList());
        }
        model.put("course", courses.rows(viewer, id));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (HouseholdSection section : sections) {
            section.model(viewer, detail.id()).ifPresent(sectionModel -> {
                Map<String, Object> entry = new HashMap<>(sectionModel);
                entry.put("template", section.template());
                shown.add(entry);
            });
        }
        model.put("sections", shown);
        return pages.ok("dashboard/household", model, request);
    }

    /**
     * The officer's municipality's places, read-only (editing them is not built yet), with their
     * descriptions in the page's language where written, else in Dutch.
     */
    @Get("/places")
    HttpResponse<?> places(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        List<String> chain = localPlaces.chain(viewer.locale().getLanguage(), null);
        model.put("places", localPlaces.places(viewer.caller().municipalityId(), chain).places());
        return pages.ok("dashboard/places", model, request);
    }

    /** A member's course certificate, ready to print on A4 (404 until the member completed the course). */
    @Get("/households/{id}/members/{memberId}/certificate")
    HttpResponse<?> certificate(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @PathVariable String memberId) {
        Viewer viewer = dashboard.viewer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        model.putAll(courses.certificate(viewer, id, memberId));
        return pages.ok("dashboard/certificate", model, request);
    }

    /**
     * Marks a task done or open again, then shows the household at that task (303), with the notice
     * about a conflict when someone else had changed the status since the page was shown.
     */
    @Post(value = "/households/{id}/tasks/{taskId}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setTaskStatus(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @PathVariable String taskId, @Body TaskStatusForm form) {
        Viewer viewer = dashboard.officer(authentication, request);
        TaskStatus target = parseStatus(form.status(), viewer);
        long baseVersion = parseVersion(form.version(), viewer);
        if (!households.hasTask(viewer.caller(), id, taskId)) {
            throw PageException.notFound(viewer);
        }
        TaskService.Changed changed = taskService.change(viewer.caller(), taskId,
                Map.of(TaskField.STATUS, target.name()), baseVersion);
        return HttpResponse.seeOther(JourneyLinks.householdPage(id, changed.conflictId(), "task-" + taskId));
    }

    /** Keeps the current value of a conflict or restores the overwritten one, then shows the household's conflicts (303). */
    @Post(value = "/conflicts/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resolveConflict(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                    @Body ConflictForm form) {
        Viewer viewer = dashboard.officer(authentication, request);
        ConflictRecord resolved = conflicts.resolve(viewer.caller(), id, parseResolution(form.resolution(), viewer));
        return HttpResponse.seeOther(Dashboard.householdPage(resolved.householdId(), "conflicts"));
    }

    /** Asks the officer to confirm revoking a phone; the page's button posts to the same address. */
    @Get("/devices/{id}/revoke")
    HttpResponse<?> confirmRevokeDevice(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        DeviceInfo device = devices.device(viewer.caller(), id);
        HouseholdEntity household = households.household(viewer.caller(), device.householdId());
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("device", HouseholdDetail.DeviceRow.of(device, viewer.display()));
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        return pages.ok("journey/revoke-device", model, request);
    }

    /** Revokes a lost phone (after the confirmation page), then shows the household's devices (303). */
    @Post(value = "/devices/{id}/revoke", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> revokeDevice(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        DeviceInfo revoked = devices.revoke(viewer.caller(), id);
        return HttpResponse.seeOther(Dashboard.householdPage(revoked.householdId(), "devices"));
    }

    /**
     * Creates a single-use activation code and sends the browser to the page that shows it (303,
     * post-redirect-get): a reload of that page shows the same code and makes no new one. The plain
     * code waits in memory for a few minutes under a random ticket ({@link OneTimeDisplay}); it is never
     * in the redirect, a log or the database.
     */
    @Post(value = "/households/{id}/activation-codes",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> createActivationCode(HttpRequest<?> request, Authentication authentication,
                                         @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        ActivationCode code = activation.create(viewer.caller(), id);
        String ticket = tickets.keep(viewer.caller().userId(), code.householdId(), code);
        return HttpResponse.seeOther(UriBuilder.of("/dashboard/households").path(code.householdId())
                .path("activation-codes").path(ticket).build());
    }

    /**
     * Shows a new activation code once, as text and QR code, ready to print; after a few minutes (or
     * for another officer) a page that says it can no longer be shown (410).
     */
    @Get("/households/{id}/activation-codes/{ticket}")
    HttpResponse<?> activationCode(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @PathVariable String ticket) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = households.household(viewer.caller(), id);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("householdId", household.id());
        model.put("householdName", household.displayName());
        model.put("reference", household.reference());
        Optional<ActivationCode> shown = tickets.show(ticket, viewer.caller().userId(), household.id());
        if (shown.isEmpty()) {
            return pages.render(HttpStatus.GONE, "journey/code-gone", model, request);
        }
        ActivationCode code = shown.get();
        model.put("code", code.code());
        model.put("expires", viewer.display().numericDateTime(code.expiresAt()));
        // Fixed markup and numbers only (see QrSvg): safe to insert unescaped.
        model.put("qrSvg", QrSvg.render(ACTIVATION_URI_PREFIX + code.code()));
        return pages.ok("dashboard/activation-code", model, request);
    }

    /** Withdraws an unused activation code, then shows the household's activation part (303). */
    @Post(value = "/activation-codes/{id}/withdraw",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> withdrawActivationCode(HttpRequest<?> request, Authentication authentication,
                                           @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        String householdId = activation.withdraw(viewer.caller(), id);
        return HttpResponse.seeOther(Dashboard.householdPage(householdId, "activation"));
    }

    /** A service's problem (a household or task out of scope, a bad value) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private static TaskStatus parseStatus(@Nullable String status, Viewer viewer) {
        try {
            return TaskStatus.valueOf(status == null ? "" : status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest(viewer);
        }
    }

    private static ConflictResolution parseResolution(@Nullable String resolution, Viewer viewer) {
        try {
            return ConflictResolution.valueOf(resolution == null ? "" : resolution.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest(viewer);
        }
    }

    private static long parseVersion(@Nullable String version, Viewer viewer) {
        try {
            return Long.parseLong(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            throw PageException.badRequest(viewer);
        }
    }
}
