package nl.welkom.volunteer;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.report.Report;
import nl.welkom.report.ReportQuery;
import nl.welkom.report.ReportTable;
import nl.welkom.report.ReportTable.Cell;
import nl.welkom.report.ReportTable.Message;
import nl.welkom.report.ReportTable.Row;

/**
 * "Programma familievrienden" on the reports page: today's volunteers per state, households with and
 * without an active buddy match, and the average number of days from a household's arrival (its
 * creation when the arrival date is unknown) to its first match, over the households ever matched.
 * Scoped like every report to {@link ReportQuery#scopeCondition(String)}.
 */
@Singleton
final class ProgrammeReport implements Report {
    private final TransactionOperations<Connection> transactions;

    ProgrammeReport(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "family-friends";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public String words() {
        return "volunteer.report";
    }

    @Override
    public ReportTable count(ReportQuery query) {
        Map<VolunteerState, Long> perState = new EnumMap<>(VolunteerState.class);
        List<Object[]> households = new ArrayList<>();
        long[] coverage = new long[2];
        transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            Sql.query(connection, "SELECT v.state, COUNT(*) FROM volunteer v WHERE 1 = 1" + query.municipalityCondition("v")
                            + " GROUP BY v.state", rows -> new Object[] {rows.getString(1), rows.getLong(2)},
                    query.parameters())
                    .forEach(row -> perState.put(VolunteerState.valueOf((String) row[0]), (Long) row[1]));
            Sql.query(connection, "SELECT CASE WHEN EXISTS (SELECT 1 FROM buddy_match b WHERE b.household_id = h.id "
                            + "AND b.ended_at IS NULL) THEN 1 ELSE 0 END AS matched, COUNT(*) FROM household h WHERE 1 = 1"
                            + query.scopeCondition("h") + " GROUP BY matched",
                    rows -> new long[] {rows.getLong(1), rows.getLong(2)}, query.parameters())
                    .forEach(row -> coverage[row[0] == 1 ? 0 : 1] = row[1]);
            households.addAll(Sql.query(connection, "SELECT h.arrived_on, h.created_at, MIN(b.started_at) FROM household h "
                            + "JOIN buddy_match b ON b.household_id = h.id WHERE 1 = 1" + query.scopeCondition("h")
                            + " GROUP BY h.id, h.arrived_on, h.created_at",
                    rows -> new Object[] {rows.getString(1), rows.getLong(2), rows.getLong(3)}, query.parameters()));
            return null;
        });
        List<Row> rows = new ArrayList<>();
        for (VolunteerState state : VolunteerState.values()) {
            rows.add(new Row("volunteers-" + state.name(), new Message("volunteer.state." + state.name()),
                    List.of(Cell.figure(perState.getOrDefault(state, 0L)))));
        }
        rows.add(new Row("households-with-buddy", new Message("volunteer.report.withBuddy"),
                List.of(Cell.households(coverage[0]))));
        rows.add(new Row("households-without-buddy", new Message("volunteer.report.withoutBuddy"),
                List.of(Cell.households(coverage[1]))));
        long days = 0;
        for (Object[] household : households) {
            LocalDate matched = LocalDate.ofInstant(Instant.ofEpochMilli((Long) household[2]), query.zone());
            LocalDate start = household[0] != null ? LocalDate.parse((String) household[0])
                    : LocalDate.ofInstant(Instant.ofEpochMilli((Long) household[1]), query.zone());
            days += Math.max(0, ChronoUnit.DAYS.between(start, matched));
        }
        long average = households.isEmpty() ? 0 : Math.round((double) days / households.size());
        rows.add(new Row("average-days-to-first-match", new Message("volunteer.report.daysToMatch"),
                List.of(new Cell(average, households.size()))));
        return new ReportTable("volunteer.report.rows", List.of("volunteer.report.series"), rows);
    }
}
