package nl.welkom.gdpr;

import java.net.URI;
import java.util.Map;

import io.micronaut.context.MessageSource;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.audit.AuditLog;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.problem.ProblemException;

/**
 * The GDPR's dashboard pages, officers only: the households the retention rule erases within
 * {@link Retention#WARNING_DAYS} days ({@code /dashboard/gdpr}), a household's export as a download,
 * and the erasure's confirmation page, which asks to type the household's reference.
 */
@Hidden
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class GdprPages {
    /** Reading the list of households to be erased soon. */
    static final String RETENTION_LIST = "gdpr.retention.list";
    private static final String OVERVIEW = "/dashboard/gdpr";

    private final Dashboard dashboard;
    private final Pages pages;
    private final Retention retention;
    private final HouseholdExport export;
    private final HouseholdErasure erasure;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final MessageSource messages;

    GdprPages(Dashboard dashboard, Pages pages, Retention retention, HouseholdExport export, HouseholdErasure erasure,
              HouseholdScope scope, AuditLog audit, MessageSource messages) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.retention = retention;
        this.export = export;
        this.erasure = erasure;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * A household to be erased soon, as the list shows it.
     *
     * @param eraseOn and {@code termEnd} as the page writes dates
     */
    public record DueRow(String id, String reference, String displayName, String termEnd, String eraseOn) {
    }

    /** The households of the officer's municipality that the retention job erases within 30 days. */
    @Get("/gdpr")
    HttpResponse<?> overview(HttpRequest<?> request, Authentication authentication,
                             @Nullable @QueryValue("erased") String erased) {
        Viewer viewer = dashboard.officer(authentication, request);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("due", retention.dueBy(viewer.caller().municipalityId(),
                        retention.today().plusDays(Retention.WARNING_DAYS)).stream()
                .map(due -> new DueRow(due.householdId(), due.reference(),
                        scope.requireVisible(viewer.caller(), due.householdId()).displayName(),
                        viewer.display().date(due.termEnd()), viewer.display().date(due.eraseOn())))
                .toList());
        model.put("months", retention.months());
        model.put("days", Retention.WARNING_DAYS);
        model.put("erased", erased != null);
        audit.record(viewer.caller(), RETENTION_LIST, null);
        return pages.ok("gdpr/overview", model, request);
    }

    /** Everything about the household as a JSON file (the same as {@code GET /api/households/{id}/export}). */
    @Get("/households/{id}/export")
    HttpResponse<?> download(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdExport.File file = export.export(viewer.caller(), id);
        return HttpResponse.ok(file.json())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + GdprController.fileName(file.reference()) + "\"");
    }

    /** The confirmation page: what erasing means, and a field for the household's reference. */
    @Get("/households/{id}/erase")
    HttpResponse<?> confirm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        return form(viewer, request, HttpStatus.OK, household, "", null);
    }

    /** Erases the household when the typed reference is right; otherwise the form again (400) with the message. */
    @Post(value = "/households/{id}/erase", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                          @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        String typed = form.getOrDefault("confirmReference", "");
        if (!household.reference().equals(typed.strip())) {
            String error = messages.getMessage(typed.isBlank() ? "gdpr.erase.error.empty" : "gdpr.erase.error.wrong",
                    viewer.locale()).orElse("?");
            return form(viewer, request, HttpStatus.BAD_REQUEST, household, typed, error);
        }
        erasure.erase(viewer.caller(), household.id(), typed);
        return HttpResponse.seeOther(URI.create(OVERVIEW + "?erased=1"));
    }

    /** A service's problem (out of scope) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private HttpResponse<?> form(Viewer viewer, HttpRequest<?> request, HttpStatus status, HouseholdEntity household,
                                 String typed, @Nullable String error) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("household", household);
        model.put("typed", typed);
        model.put("error", error);
        model.put("back", Dashboard.householdPage(household.id(), "gdpr").toString());
        return pages.render(status, "gdpr/erase", model, request);
    }
}
