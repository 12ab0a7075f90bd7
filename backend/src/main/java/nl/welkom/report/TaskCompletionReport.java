package nl.welkom.report;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.report.ReportTable.Cell;
import nl.welkom.report.ReportTable.Row;

/**
 * Journey tasks per stage of the task, by state today: done, open, and overdue (open with a due
 * date before today). Counts the live (not removed) tasks made in the period. Every stage is a row.
 */
@Singleton
final class TaskCompletionReport implements Report {
    /** Column order; also the state codes the query produces. */
    private static final List<String> STATES = List.of("DONE", "OPEN", "OVERDUE");

    private final TransactionOperations<Connection> transactions;

    TaskCompletionReport(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean periodic() {
        return true;
    }

    @Override
    public ReportTable count(ReportQuery query) {
        // The state is computed in a sub-query so that the outer GROUP BY names plain columns: PostgreSQL
        // does not accept a GROUP BY expression holding a bound parameter.
        String sql = "SELECT stage, state, COUNT(*), COUNT(DISTINCT household_id) FROM ("
                + "SELECT t.stage AS stage, t.household_id AS household_id, CASE WHEN t.status = 'DONE' THEN 'DONE' "
                + "WHEN t.due_date IS NOT NULL AND t.due_date < ? THEN 'OVERDUE' ELSE 'OPEN' END AS state "
                + "FROM task t JOIN household h ON h.id = t.household_id "
                + "WHERE t.deleted = FALSE AND t.created_at >= ?" + query.scopeCondition("h")
                + ") counted GROUP BY stage, state";
        Map<JourneyStage, Cell[]> cells = new EnumMap<>(JourneyStage.class);
        transactions.executeRead(status -> Sql.query(status.getConnection(), sql,
                rows -> new Object[] {rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)},
                query.parameters(query.today().toString(), query.fromEpochMillis())))
                .forEach(row -> Stages.parse((String) row[0]).ifPresent(stage -> {
                    int column = STATES.indexOf((String) row[1]);
                    cells.computeIfAbsent(stage, s -> empty())[column] = new Cell((Long) row[2], (Long) row[3]);
                }));
        List<Row> rows = new ArrayList<>();
        for (JourneyStage stage : JourneyStage.values()) {
            rows.add(new Row(stage.name(), Stages.label(stage), List.of(cells.getOrDefault(stage, empty()))));
        }
        return new ReportTable("reports.rows.taskStage",
                List.of("reports.series.done", "reports.series.open", "reports.series.overdue"), rows);
    }

    private static Cell[] empty() {
        Cell[] none = new Cell[STATES.size()];
        Arrays.fill(none, new Cell(0, 0));
        return none;
    }
}
