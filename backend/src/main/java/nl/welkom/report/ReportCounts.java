package nl.welkom.report;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A report's counts as JSON ({@code GET /api/reports/{name}}): exact counts, stable codes, no words.
 *
 * @param name     the report
 * @param scope    {@code municipality} (an officer's own) or {@code national} (an administrator's)
 * @param period   {@code this-year}, {@code last-12-months} or {@code all}
 * @param periodic true when the period applies; false for a snapshot of today
 * @param from     first day counted (ISO), absent for a snapshot or for "all"
 * @param to       last day counted: today (ISO)
 * @param series   the columns' codes ({@code households}, {@code persons}, {@code done}, ...)
 * @param rows     the rows, in order
 */
@Serdeable
public record ReportCounts(String name, String scope, String period, boolean periodic, @Nullable String from, String to,
                           List<String> series, List<CountRow> rows) {

    /**
     * One row.
     *
     * @param key    its code ({@code 2026-03}, {@code earlier}, {@code ARRIVAL}, {@code COMPLETED})
     * @param counts one per series
     */
    @Serdeable
    public record CountRow(String key, List<Long> counts) {
    }

    static ReportCounts of(Report report, ReportQuery query, ReportTable table) {
        List<String> series = table.series().stream().map(key -> key.substring(key.lastIndexOf('.') + 1)).toList();
        List<CountRow> rows = table.rows().stream()
                .map(row -> new CountRow(row.key(), row.cells().stream().map(ReportTable.Cell::count).toList()))
                .toList();
        String from = report.periodic() && query.from() != null ? query.from().toString() : null;
        return new ReportCounts(report.name(), query.national() ? "national" : "municipality", query.period().code(),
                report.periodic(), from, query.today().toString(), series, rows);
    }
}
