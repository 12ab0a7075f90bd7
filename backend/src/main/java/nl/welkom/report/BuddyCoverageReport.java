package nl.welkom.report;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.report.ReportTable.Cell;
import nl.welkom.report.ReportTable.Row;

/** Households with and without an active buddy match today, per journey stage. */
@Singleton
final class BuddyCoverageReport implements Report {
    private final TransactionOperations<Connection> transactions;

    BuddyCoverageReport(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "buddies";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public ReportTable count(ReportQuery query) {
        String sql = "SELECT stage, matched, COUNT(*) FROM ("
                + "SELECT h.stage AS stage, CASE WHEN EXISTS (SELECT 1 FROM buddy_match b "
                + "WHERE b.household_id = h.id AND b.ended_at IS NULL) THEN 1 ELSE 0 END AS matched "
                + "FROM household h WHERE 1 = 1" + query.scopeCondition("h") + ") counted GROUP BY stage, matched";
        Map<JourneyStage, long[]> counts = new EnumMap<>(JourneyStage.class);
        transactions.executeRead(status -> Sql.query(status.getConnection(), sql,
                rows -> new Object[] {rows.getString(1), rows.getInt(2), rows.getLong(3)}, query.parameters()))
                .forEach(row -> Stages.parse((String) row[0]).ifPresent(stage ->
                        counts.computeIfAbsent(stage, s -> new long[2])[(Integer) row[1] == 1 ? 0 : 1] = (Long) row[2]));
        List<Row> rows = new ArrayList<>();
        for (JourneyStage stage : JourneyStage.values()) {
            long[] count = counts.getOrDefault(stage, new long[2]);
            rows.add(new Row(stage.name(), Stages.label(stage),
                    List.of(Cell.households(count[0]), Cell.households(count[1]))));
        }
        return new ReportTable("reports.rows.stage", List.of("reports.series.withBuddy", "reports.series.withoutBuddy"),
                rows);
    }
}
