package nl.welkom.report;

/**
 * One chart on the reports page ({@code /dashboard/reports}), with its JSON ({@code /api/reports/{name}})
 * and CSV ({@code /api/reports/{name}.csv}). This is the extension point: a new report is one
 * {@code @Singleton} implementing this interface, in any package, plus its words in that package's
 * bundle; the page, the API, the CSV export, the small-cell rule, the scope and the audit trail come
 * from {@link Reports}.
 *
 * <p>An implementation counts; it never returns names or ids, and it keeps every query to the
 * households of {@link ReportQuery#scopeCondition(String)}.
 *
 * <p>Words, under {@link #words()} (default {@code reports.<name>}): {@code .title} (the chart's
 * heading), {@code .description} (one or two sentences that say what is counted; {@code {0}} is
 * where: the municipality's name or "all municipalities"), {@code .file} (the file name's word,
 * lower-case ASCII, e.g. {@code aankomsten}). The table's row and series words are message keys
 * named by the {@link ReportTable} itself.
 */
public interface Report {

    /** The name in URLs: lower-case letters and dashes ({@code arrivals}). */
    String name();

    /** Position on the page, lowest first. The built-in reports use 10 to 50. */
    int order();

    /** True when the period filter applies; false when the report shows today's situation. */
    boolean periodic();

    /** The counts for {@code query}. */
    ReportTable count(ReportQuery query);

    /** The prefix of this report's message keys. */
    default String words() {
        return "reports." + name();
    }
}
