package nl.welkom.report;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A report that can be asked for ({@code GET /api/reports}).
 *
 * @param name     for {@code /api/reports/{name}} and {@code /api/reports/{name}.csv}
 * @param periodic true when the {@code period} parameter applies
 */
@Serdeable
public record ReportInfo(String name, boolean periodic) {
}
