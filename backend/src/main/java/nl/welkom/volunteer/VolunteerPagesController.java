package nl.welkom.volunteer;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
import nl.welkom.admin.StaffAccounts.IssuedCode;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.OneTimeDisplay;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.problem.ProblemException;

/**
 * The coordinator's (an officer's) volunteer pages: the list with counts per state, a filter and what
 * needs attention; each volunteer with their data, languages, history and the allowed next steps as
 * buttons; the page that shows a new family-friend account's sign-in code once.
 */
@Hidden
@Controller("/dashboard/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class VolunteerPagesController {
    static final String HOME = "/dashboard/volunteers";

    private final Dashboard dashboard;
    private final Pages pages;
    private final VolunteerService service;
    /** A new account's code on its way from the POST to the page that shows it once (10 minutes, in memory). */
    private final OneTimeDisplay<IssuedCode> handover;

    VolunteerPagesController(Dashboard dashboard, Pages pages, VolunteerService service, Clock clock) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.service = service;
        this.handover = new OneTimeDisplay<>(clock, Duration.ofMinutes(10));
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String state) {
        Viewer viewer = dashboard.officer(authentication, request);
        VolunteerState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = VolunteerState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PageException.badRequest(viewer);
            }
        }
        List<Volunteer> all = service.list(viewer.caller(), null);
        VolunteerState chosen = filter;
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("states", VolunteerState.values());
        model.put("state", chosen);
        model.put("counts", service.counts(viewer.caller()));
        model.put("total", all.size());
        model.put("volunteers", all.stream().filter(v -> chosen == null || v.state() == chosen)
                .map(v -> new Row(v, service.attention(v))).toList());
        model.put("attention", all.stream().map(v -> new Row(v, service.attention(v)))
                .filter(row -> !row.attention().isEmpty()).toList());
        return pages.ok("volunteer/list", model, request);
    }

    @Get("/{id}")
    HttpResponse<?> volunteer(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        return pages.ok("volunteer/volunteer", model(viewer, detail(viewer, id), Map.of(), Map.of()), request);
    }

    /** One step; an invalid one (409) or a bad VOG date (400) shows the page again with the message. */
    @Post(value = "/{id}/transitions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> move(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        VolunteerService.Detail before = detail(viewer, id);
        try {
            VolunteerService.Moved moved = service.move(viewer.caller(), id, form.get("to"), form.get("vogDate"),
                    form.get("note"));
            if (moved.code() != null) {
                String ticket = handover.keep(viewer.caller().userId(), id, moved.code());
                return HttpResponse.seeOther(UriBuilder.of(HOME).path(id).path("code").queryParam("ticket", ticket).build());
            }
            return HttpResponse.seeOther(URI.create(HOME + "/" + id));
        } catch (InvalidApplication invalid) {
            return pages.render(HttpStatus.BAD_REQUEST, "volunteer/volunteer",
                    model(viewer, before, form, invalid.fields()), request);
        } catch (ProblemException problem) {
            if (problem.problem().status() != HttpStatus.CONFLICT.getCode()) {
                throw problem;
            }
            return pages.render(HttpStatus.CONFLICT, "volunteer/volunteer",
                    model(viewer, detail(viewer, id), form, Map.of("to", "volunteer.error.transition")), request);
        }
    }

    /** The new family-friend account's one-time code, shown once to the coordinator who made it. */
    @Get("/{id}/code")
    HttpResponse<?> code(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Nullable @QueryValue String ticket) {
        Viewer viewer = dashboard.officer(authentication, request);
        VolunteerService.Detail detail = detail(viewer, id);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("volunteer", detail.volunteer());
        Optional<IssuedCode> code = handover.takeOnce(ticket, viewer.caller().userId(), id);
        code.ifPresent(shown -> {
            model.put("code", shown.code());
            model.put("link", absolute(request, shown.link()));
            model.put("expires", viewer.display().dateTime(shown.expiresAt()));
        });
        return pages.ok("volunteer/code", model, request);
    }

    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private VolunteerService.Detail detail(Viewer viewer, String id) {
        try {
            return service.detail(viewer.caller(), id);
        } catch (ProblemException e) {
            throw PageException.notFound(viewer);
        }
    }

    private Map<String, Object> model(Viewer viewer, VolunteerService.Detail detail, Map<String, String> form,
                                      Map<String, String> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("detail", detail);
        model.put("volunteer", detail.volunteer());
        model.put("attention", service.attention(detail.volunteer()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("today", service.today().toString());
        return model;
    }

    private static String absolute(HttpRequest<?> request, String path) {
        String host = request.getHeaders().get("Host");
        if (host == null || host.isBlank()) {
            return path;
        }
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        return (https ? "https://" : "http://") + host.trim() + path;
    }

    /** A volunteer in the list, with why they need attention (message keys). */
    record Row(Volunteer volunteer, List<String> attention) {
    }
}
