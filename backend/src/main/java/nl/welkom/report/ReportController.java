package nl.welkom.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Display;

/**
 * Reports as data: {@code GET /api/reports} lists them, {@code GET /api/reports/{name}} gives a
 * report's exact counts as JSON and {@code GET /api/reports/{name}.csv} the same counts as a CSV file
 * in the dashboard's language (Dutch unless the language cookie or {@code Accept-Language} asks for
 * English), with the small-cell rule applied. Officers get their municipality's counts,
 * administrators national ones; every other role 403.
 */
@Controller("/api/reports")
@Secured({"OFFICER", "ADMIN"})
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReportController {
    static final String CSV_SUFFIX = ".csv";
    static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");

    private final Reports reports;
    private final ReportWords words;
    private final Dashboard dashboard;

    ReportController(Reports reports, ReportWords words, Dashboard dashboard) {
        this.reports = reports;
        this.words = words;
        this.dashboard = dashboard;
    }

    /** The reports there are, in page order. */
    @Get
    List<ReportInfo> list() {
        return reports.all().stream().map(report -> new ReportInfo(report.name(), report.periodic())).toList();
    }

    /**
     * {@code arrivals} → the counts as JSON; {@code arrivals.csv} → the CSV file, as an attachment
     * named like {@code welkom-aankomsten-2026-12-04.csv}.
     *
     * @param period {@code this-year}, {@code last-12-months} (the default) or {@code all}
     */
    @Get(value = "/{file}", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> report(Authentication authentication, HttpRequest<?> request, @PathVariable String file,
                           @Nullable @QueryValue String period) {
        Caller caller = Caller.of(authentication);
        Display display = dashboard.display(request);
        ReportQuery query = reports.query(caller, ReportPeriod.parse(period), display);
        boolean csv = file.endsWith(CSV_SUFFIX);
        Report report = reports.named(csv ? file.substring(0, file.length() - CSV_SUFFIX.length()) : file);
        ReportTable table = report.count(query);
        if (!csv) {
            reports.audit(caller, Reports.AUDIT_READ);
            return HttpResponse.ok(ReportCounts.of(report, query, table)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Locale locale = display.locale();
        String where = words.where(query, reports.municipalityName(query).orElse(""), locale);
        ReportView view = words.view(report, table, query, display, where, request.getPath());
        byte[] body = ReportCsv.write(view, table, words.notes(view, display));
        reports.audit(caller, Reports.AUDIT_EXPORT);
        return HttpResponse.ok(body).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report, query.today(), locale) + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** {@code welkom-aankomsten-2026-12-04.csv}: the report's word in the reader's language, ASCII only. */
    private String fileName(Report report, LocalDate today, Locale locale) {
        String word = words.word(report.words() + ".file", locale).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return "welkom-" + word + "-" + today + CSV_SUFFIX;
    }
}
