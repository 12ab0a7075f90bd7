package nl.welkom.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.dashboard.Display;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Every {@link Report} bean, and the rules they share: who may read reports and over which
 * households (an officer: their municipality; an administrator: all municipalities, counts only;
 * nobody else), and the audit trail of report reads — with an action name and no household id.
 */
@Singleton
public class Reports {
    /** Audit action: a report's counts were read (page or JSON). */
    public static final String AUDIT_READ = "report.read";
    /** Audit action: a report was downloaded as CSV. */
    public static final String AUDIT_EXPORT = "report.export";

    private final List<Report> reports;
    private final MunicipalityRepository municipalities;
    private final AuditLog audit;
    private final Clock clock;

    Reports(List<Report> reports, MunicipalityRepository municipalities, AuditLog audit, Clock clock) {
        this.reports = reports.stream().sorted(Comparator.comparingInt(Report::order).thenComparing(Report::name)).toList();
        this.municipalities = municipalities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every report, in page order. */
    public List<Report> all() {
        return reports;
    }

    /** The report called {@code name}. @throws ProblemException 404 for an unknown name */
    public Report named(String name) {
        return reports.stream().filter(report -> report.name().equals(name)).findFirst()
                .orElseThrow(ProblemException::notFound);
    }

    /**
     * What {@code caller} may count over, for {@code period}, with today in the dashboard's zone.
     *
     * @throws ProblemException 403 for every role but officer and administrator
     */
    public ReportQuery query(Caller caller, ReportPeriod period, Display display) {
        LocalDate today = display.today(clock);
        if (caller.role() == Role.OFFICER && caller.municipalityId() != null && !caller.isDevice()) {
            return new ReportQuery(caller.municipalityId(), period, today, display.zone());
        }
        if (caller.role() == Role.ADMIN && !caller.isDevice()) {
            return new ReportQuery(null, period, today, display.zone());
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role may not read reports.");
    }

    /** The municipality's name for the description, or empty for national counts. */
    public Optional<String> municipalityName(ReportQuery query) {
        return query.national() ? Optional.empty() : municipalities.findById(query.municipalityId()).map(Municipality::name);
    }

    /** Records that {@code caller} read reports ({@link #AUDIT_READ}) or exported one ({@link #AUDIT_EXPORT}). */
    public void audit(Caller caller, String action) {
        audit.record(caller, action, null);
    }
}
