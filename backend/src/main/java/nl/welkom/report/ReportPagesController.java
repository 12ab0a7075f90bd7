package nl.welkom.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * {@code /dashboard/reports}: every report as a chart (server-rendered SVG), its numbers as a table
 * and a link to its CSV, for the period chosen in a GET form. Officers see their municipality's exact
 * counts, administrators national ones; everyone else gets the 403 page.
 */
@Hidden
@Controller("/dashboard/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReportPagesController {
    private final Dashboard dashboard;
    private final Pages pages;
    private final Reports reports;
    private final ReportWords words;

    ReportPagesController(Dashboard dashboard, Pages pages, Reports reports, ReportWords words) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.reports = reports;
        this.words = words;
    }

    @Get
    HttpResponse<?> reports(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String period) {
        Caller caller = Caller.of(authentication);
        Viewer viewer = caller.role() == Role.ADMIN ? dashboard.admin(authentication, request)
                : dashboard.officer(authentication, request);
        ReportPeriod chosen;
        try {
            chosen = ReportPeriod.parse(period);
        } catch (ProblemException e) {
            throw PageException.badRequest(viewer);
        }
        ReportQuery query = reports.query(caller, chosen, viewer.display());
        String where = words.where(query, reports.municipalityName(query).orElse(""), viewer.locale());
        List<ReportView> views = reports.all().stream()
                .map(report -> words.view(report, report.count(query), query, viewer.display(), where,
                        "/api/reports/" + report.name() + ReportController.CSV_SUFFIX + "?period=" + chosen.code()))
                .toList();
        reports.audit(caller, Reports.AUDIT_READ);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("reports", views);
        model.put("period", chosen.code());
        model.put("periods", Arrays.stream(ReportPeriod.values()).map(ReportPeriod::code).toList());
        model.put("national", query.national());
        model.put("where", where);
        return pages.ok("dashboard/reports", model, request);
    }

    /** A service's problem as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }
}
