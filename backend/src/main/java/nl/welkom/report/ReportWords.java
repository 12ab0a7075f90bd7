package nl.welkom.report;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.Display;
import nl.welkom.report.ReportTable.Label;
import nl.welkom.report.ReportTable.Message;
import nl.welkom.report.ReportTable.Month;
import nl.welkom.report.ReportTable.Row;

/**
 * Puts a report into words of the reader's language ({@code i18n/reports_*.properties}, and the
 * dashboard's bundle for stage names): title, description, period, row and series names, the chart
 * and the CSV's notes. A missing word shows as its key, so that it is noticed and never crashes a page.
 */
@Singleton
final class ReportWords {
    private final MessageSource messages;

    ReportWords(MessageSource messages) {
        this.messages = messages;
    }

    String word(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, locale, arguments).orElse(key);
    }

    /**
     * The report {@code report} counted in {@code table}, in the language of {@code display}.
     *
     * @param where   the municipality's name, or null for national counts
     * @param csvHref the link to the CSV export
     */
    ReportView view(Report report, ReportTable table, ReportQuery query, Display display, String where, String csvHref) {
        Locale locale = display.locale();
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        String title = word(report.words() + ".title", locale);
        String description = word(report.words() + ".description", locale, where);
        List<String> series = table.series().stream().map(key -> word(key, locale)).toList();
        List<ReportView.Line> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        long[][] values = new long[table.rows().size()][];
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            String label = label(row.label(), locale);
            labels.add(label);
            values[r] = row.cells().stream().mapToLong(ReportTable.Cell::count).toArray();
            lines.add(new ReportView.Line(label, row.cells().stream().map(cell -> numbers.format(cell.count())).toList()));
        }
        String svg = BarChartSvg.render(new BarChartSvg.Chart("chart-" + report.name(), title, description, series,
                labels, values, locale));
        return new ReportView(report.name(), title, description, when(report, query, display),
                word(table.rowsKey(), locale), series, lines, svg, table.max() == 0, csvHref);
    }

    /** Where the counts come from: the municipality's name, or "all municipalities". */
    String where(ReportQuery query, String municipalityName, Locale locale) {
        return query.national() ? word("reports.where.national", locale) : municipalityName;
    }

    /** The comment lines at the end of a CSV file: what it is, over what, and the small-cell rule. */
    List<String> notes(ReportView view, Display display) {
        return List.of(view.title() + " - " + view.description(), view.when(),
                word("reports.csv.smallCells", display.locale(), ReportTable.SMALL_CELL));
    }

    private String when(Report report, ReportQuery query, Display display) {
        Locale locale = display.locale();
        String today = display.date(query.today());
        if (!report.periodic()) {
            return word("reports.when.today", locale, today);
        }
        LocalDate from = query.from();
        return from == null ? word("reports.when.all", locale, today)
                : word("reports.when.range", locale, display.date(from), today);
    }

    private String label(Label label, Locale locale) {
        if (label instanceof Month month) {
            return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month.month());
        }
        if (label instanceof ReportTable.Name name) {
            return name.text();
        }
        return word(((Message) label).key(), locale);
    }
}
