package nl.welkom.report;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.course.CourseCatalog;
import nl.welkom.model.course.Course;
import nl.welkom.report.ReportTable.Cell;
import nl.welkom.report.ReportTable.Message;
import nl.welkom.report.ReportTable.Row;

/**
 * The pre-departure course today, per household member: completed (the server recorded the
 * completion, see {@code CourseProgressService}), started (an answer or a finished lesson, not yet
 * complete), not started. Every member of a household in scope counts once.
 */
@Singleton
final class CourseCompletionReport implements Report {
    private static final List<String> STATES = List.of("COMPLETED", "STARTED", "NOT_STARTED");

    private final TransactionOperations<Connection> transactions;
    private final CourseCatalog catalog;

    CourseCompletionReport(TransactionOperations<Connection> transactions, CourseCatalog catalog) {
        this.transactions = transactions;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "course";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public ReportTable count(ReportQuery query) {
        // Without a course on this server nobody can have started one: every member counts as not started.
        String slug = catalog.course(catalog.chain("nl", null)).map(Course::slug).orElse("");
        String sql = "SELECT state, COUNT(*), COUNT(DISTINCT household_id) FROM ("
                + "SELECT m.household_id AS household_id, CASE "
                + "WHEN EXISTS (SELECT 1 FROM course_completion c WHERE c.member_id = m.id AND c.course_slug = ?) "
                + "THEN 'COMPLETED' "
                + "WHEN EXISTS (SELECT 1 FROM course_answer a WHERE a.member_id = m.id AND a.course_slug = ?) "
                + "OR EXISTS (SELECT 1 FROM course_lesson_done d WHERE d.member_id = m.id AND d.course_slug = ?) "
                + "THEN 'STARTED' ELSE 'NOT_STARTED' END AS state "
                + "FROM member m JOIN household h ON h.id = m.household_id WHERE 1 = 1" + query.scopeCondition("h")
                + ") counted GROUP BY state";
        Map<String, Cell> counted = new HashMap<>();
        transactions.executeRead(status -> Sql.query(status.getConnection(), sql,
                rows -> new Object[] {rows.getString(1), rows.getLong(2), rows.getLong(3)},
                query.parameters(slug, slug, slug)))
                .forEach(row -> counted.put((String) row[0], new Cell((Long) row[1], (Long) row[2])));
        List<Row> rows = new ArrayList<>();
        for (String state : STATES) {
            rows.add(new Row(state, new Message(words() + "." + state), List.of(counted.getOrDefault(state, new Cell(0, 0)))));
        }
        return new ReportTable("reports.rows.courseState", List.of("reports.series.members"), rows);
    }
}
