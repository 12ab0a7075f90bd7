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
import nl.welkom.report.ReportTable.Message;
import nl.welkom.report.ReportTable.Row;

/** Households per journey stage today: every stage in journey order, empty ones too. */
@Singleton
final class StagesReport implements Report {
    private final TransactionOperations<Connection> transactions;

    StagesReport(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "stages";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public ReportTable count(ReportQuery query) {
        String sql = "SELECT h.stage, COUNT(*) FROM household h WHERE 1 = 1" + query.scopeCondition("h")
                + " GROUP BY h.stage";
        Map<JourneyStage, Long> counts = new EnumMap<>(JourneyStage.class);
        transactions.executeRead(status -> Sql.query(status.getConnection(), sql,
                rows -> new Object[] {rows.getString(1), rows.getLong(2)}, query.parameters()))
                .forEach(row -> Stages.parse((String) row[0]).ifPresent(stage -> counts.put(stage, (Long) row[1])));
        List<Row> rows = new ArrayList<>();
        for (JourneyStage stage : JourneyStage.values()) {
            rows.add(new Row(stage.name(), Stages.label(stage), List.of(Cell.households(counts.getOrDefault(stage, 0L)))));
        }
        return new ReportTable("reports.rows.stage", List.of("reports.series.households"), rows);
    }
}
