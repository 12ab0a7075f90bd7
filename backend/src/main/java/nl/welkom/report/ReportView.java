package nl.welkom.report;

import java.util.List;

/**
 * A report in the words of one language, as the page shows it and the CSV writes it. Public, like
 * its nested record, only because the template engine reads it by reflection.
 *
 * @param name        the report's name in URLs
 * @param title       the chart's heading
 * @param description what is counted, and where
 * @param when        the period counted ("1 januari 2026 tot en met 4 december 2026") or the day of a snapshot
 * @param rowsHeader  the word for the rows ("Maand")
 * @param series      the series' names, in column order
 * @param lines       the rows with their exact counts, written in the reader's language
 * @param svg         the chart: escaped, script-free SVG, safe to insert unescaped
 * @param empty       true when every count is zero (the page then says so instead of drawing bars)
 * @param csvHref     where the CSV of this report, for the same period, is downloaded
 */
public record ReportView(String name, String title, String description, String when, String rowsHeader,
                         List<String> series, List<Line> lines, String svg, boolean empty, String csvHref) {

    /**
     * One row of the table.
     *
     * @param label  what the row is
     * @param counts its counts, one per series, written with the reader's digit grouping
     */
    public record Line(String label, List<String> counts) {
    }
}
