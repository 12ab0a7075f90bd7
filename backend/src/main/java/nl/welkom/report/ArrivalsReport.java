package nl.welkom.report;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.report.ReportTable.Cell;
import nl.welkom.report.ReportTable.Message;
import nl.welkom.report.ReportTable.Month;
import nl.welkom.report.ReportTable.Row;

/**
 * Households and persons (members) per month of arrival in the Netherlands ({@code household.arrived_on}).
 * Every month of the period is a row, empty ones too; for "all" the chart shows the last
 * {@value #MONTHS_FOR_ALL} months and one row for everything before them. Households without an
 * arrival date (not arrived yet, or not recorded) are not counted.
 */
@Singleton
final class ArrivalsReport implements Report {
    static final int MONTHS_FOR_ALL = 24;
    static final String EARLIER = "earlier";

    private final TransactionOperations<Connection> transactions;

    ArrivalsReport(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "arrivals";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean periodic() {
        return true;
    }

    @Override
    public ReportTable count(ReportQuery query) {
        LocalDate from = query.from();
        String sql = "SELECT h.arrived_on, COUNT(DISTINCT h.id), COUNT(m.id) FROM household h "
                + "LEFT JOIN member m ON m.household_id = h.id "
                + "WHERE h.arrived_on IS NOT NULL AND h.arrived_on <= ?"
                + (from == null ? "" : " AND h.arrived_on >= ?")
                + query.scopeCondition("h") + " GROUP BY h.arrived_on";
        Object[] parameters = from == null ? query.parameters(query.today().toString())
                : query.parameters(query.today().toString(), from.toString());
        List<Object[]> days = transactions.executeRead(status -> Sql.query(status.getConnection(), sql,
                rows -> new Object[] {rows.getString(1), rows.getLong(2), rows.getLong(3)}, parameters));

        YearMonth last = YearMonth.from(query.today());
        YearMonth first = from == null ? last.minusMonths(MONTHS_FOR_ALL - 1L) : YearMonth.from(from);
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.put(month, new long[2]);
        }
        long[] earlier = new long[2];
        for (Object[] day : days) {
            YearMonth month = month((String) day[0]);
            if (month == null) {
                continue;
            }
            long[] sums = month.isBefore(first) ? earlier : months.get(month);
            sums[0] += (Long) day[1];
            sums[1] += (Long) day[2];
        }

        List<Row> rows = new ArrayList<>();
        if (earlier[0] > 0) {
            rows.add(new Row(EARLIER, new Message(words() + ".earlier"), cells(earlier)));
        }
        months.forEach((month, sums) -> rows.add(new Row(month.toString(), new Month(month), cells(sums))));
        return new ReportTable("reports.rows.month", List.of("reports.series.households", "reports.series.persons"), rows);
    }

    private static List<Cell> cells(long[] sums) {
        return List.of(Cell.households(sums[0]), new Cell(sums[1], sums[0]));
    }

    /** The month of a stored ISO date; null for a value that is not one (it is then not counted). */
    private static YearMonth month(String isoDate) {
        try {
            return YearMonth.from(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
