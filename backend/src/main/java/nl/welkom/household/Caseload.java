package nl.welkom.household;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.model.auth.Role;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;

/**
 * The caseload: the households in the caller's scope ({@link HouseholdScope#condition}) searched,
 * filtered, sorted and paged in the database (docs/caseload.md). A page costs the same four
 * statements whatever the caseload's size — count, the page's ids, what the list shows of them, the
 * nationalities for the filter menu (officers only) — plus the audit record
 * ({@link AuditLog#HOUSEHOLD_LIST}). A buddy's rows pass through {@link MinimalView}.
 */
@Singleton
public class Caseload {
    /** At DEBUG, each statement's SQL text (placeholders only, never values): what the benchmark explains. */
    private static final Logger LOG = LoggerFactory.getLogger(Caseload.class);

    private final HouseholdScope scope;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    Caseload(HouseholdScope scope, TransactionOperations<Connection> transactions, AuditLog audit, Clock clock,
             @Value("${welkom.dashboard.time-zone:Europe/Amsterdam}") String zone) {
        this.scope = scope;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Today where the municipality is (Europe/Amsterdam): a task due before it is overdue. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * One page of the caller's caseload; audited as a list read.
     *
     * @param lastPageIfBeyond true (the dashboard): a page past the end shows the last page;
     *                         false (the API): it comes back empty, with the page number asked for
     */
    public CaseloadPage read(Caller caller, CaseloadFilter filter, boolean lastPageIfBeyond) {
        boolean buddy = caller.role() == Role.BUDDY;
        CaseloadSql sql = new CaseloadSql(scope.condition(caller, "h"), filter, !buddy, today().toString());
        CaseloadPage page = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            long total = single(connection, sql.count());
            int pages = (int) Math.min(Integer.MAX_VALUE, (total + filter.size() - 1) / filter.size());
            int number = lastPageIfBeyond ? Math.max(1, Math.min(filter.page(), pages)) : filter.page();
            List<CaseloadRow> rows = List.of();
            long offset = (long) (number - 1) * filter.size();
            if (offset < total) {
                List<String> ids = ids(connection, sql.pageIds(offset, filter.size()));
                rows = ids.isEmpty() ? List.of() : details(connection, sql.details(ids), ids, buddy);
            }
            List<String> nationalities = buddy ? List.of() : ids(connection, sql.nationalities());
            return new CaseloadPage(rows, total, number, filter.size(), pages, filter.sort().param(),
                    filter.descending() ? "desc" : "asc", nationalities);
        });
        audit.record(caller, AuditLog.HOUSEHOLD_LIST, null);
        return page;
    }

    private static long single(Connection connection, CaseloadSql.Statement statement) {
        log(statement);
        return Sql.query(connection, statement.sql(), result -> result.getLong(1), statement.parameters().toArray())
                .get(0);
    }

    /** The first column of every row, as text. */
    private static List<String> ids(Connection connection, CaseloadSql.Statement statement) {
        log(statement);
        return Sql.query(connection, statement.sql(), result -> result.getString(1), statement.parameters().toArray());
    }

    /** The rows of {@code ids}, in that order. */
    private static List<CaseloadRow> details(Connection connection, CaseloadSql.Statement statement, List<String> ids,
                                             boolean buddy) {
        log(statement);
        Map<String, CaseloadRow> byId = new HashMap<>();
        for (CaseloadRow row : Sql.query(connection, statement.sql(), Caseload::row, statement.parameters().toArray())) {
            byId.put(row.id(), buddy ? MinimalView.of(row) : row);
        }
        List<CaseloadRow> ordered = new ArrayList<>(ids.size());
        for (String id : ids) {
            CaseloadRow row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    private static void log(CaseloadSql.Statement statement) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("Caseload SQL: {}", statement.sql());
        }
    }

    private static CaseloadRow row(ResultSet result) throws SQLException {
        return new CaseloadRow(result.getString("id"), result.getString("reference"), result.getString("display_name"),
                result.getString("nationality"), result.getString("camp_of_origin"),
                ArrivalPath.valueOf(result.getString("arrival_path")), JourneyStage.valueOf(result.getString("stage")),
                result.getString("arrived_on"), result.getInt("tasks_done"), result.getInt("tasks_total"),
                result.getString("next_due"), result.getInt("overdue_tasks"), result.getInt("open_conflicts"),
                result.getInt("active_buddies") > 0);
    }
}
