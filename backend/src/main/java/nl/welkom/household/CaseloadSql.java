package nl.welkom.household;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import nl.welkom.model.journey.JourneyStage;

/**
 * The caseload's SQL, built from a {@link CaseloadFilter} and the caller's scope
 * ({@link HouseholdScope#condition}): the SQL text is made only of fixed fragments chosen by the
 * filter, every value is a bound parameter. Plain SQL that SQLite and PostgreSQL both run (no
 * {@code NULLS LAST}, no {@code ILIKE}, no functions beyond {@code LOWER}, {@code MIN},
 * {@code COUNT}, {@code COALESCE}); {@code CaseloadQueryPlanTest} checks that each statement
 * searches indexes and never reads a whole table.
 */
final class CaseloadSql {
    /** The open, live tasks of household {@code h}. */
    private static final String OPEN_TASKS = "FROM task t WHERE t.household_id = h.id AND t.status = 'OPEN'"
            + " AND t.deleted = FALSE";
    /**
     * Ends each {@code EXISTS} about one household. It changes nothing in what {@code EXISTS} answers; it
     * keeps PostgreSQL from rewriting the {@code EXISTS} into a join or a hashed subplan over the whole
     * table (PostgreSQL never rewrites a subquery with an {@code OFFSET}), which read every member or task
     * of the country, or every household to find the municipality's. So the rows of each household in
     * scope are looked up by its id, as SQLite does anyway, and the cost follows the caseload
     * (PostgresCaseloadPlanTest).
     */
    private static final String PER_HOUSEHOLD = " LIMIT 1 OFFSET 0)";
    /** An open, live task of {@code h} due before the bound date. */
    static final String OVERDUE = "EXISTS (SELECT 1 " + OPEN_TASKS + " AND t.due_date < ?" + PER_HOUSEHOLD;
    static final String OPEN_CONFLICT = "EXISTS (SELECT 1 FROM conflict c WHERE c.household_id = h.id"
            + " AND c.resolved_at IS NULL" + PER_HOUSEHOLD;
    static final String ACTIVE_BUDDY = "EXISTS (SELECT 1 FROM buddy_match b WHERE b.household_id = h.id"
            + " AND b.ended_at IS NULL" + PER_HOUSEHOLD;
    static final String NEXT_DUE = "(SELECT MIN(t.due_date) " + OPEN_TASKS + ")";
    /** A LIKE pattern's escape character, in the pattern and in the SQL. */
    private static final char ESCAPE = '!';

    /**
     * A statement and its parameters in order.
     *
     * @param sql        SQL text with {@code ?} placeholders
     * @param parameters their values
     */
    record Statement(String sql, List<Object> parameters) {
        Statement {
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    private final HouseholdScope.Condition scope;
    private final CaseloadFilter filter;
    private final boolean searchReference;
    private final String today;

    /**
     * @param scope           the caller's scope on alias {@code h}
     * @param filter          what was asked
     * @param searchReference whether the search also looks at the case reference (not for a buddy, who does not see it)
     * @param today           ISO date of today in the dashboard's time zone: a task due before it is overdue
     */
    CaseloadSql(HouseholdScope.Condition scope, CaseloadFilter filter, boolean searchReference, String today) {
        this.scope = scope;
        this.filter = filter;
        this.searchReference = searchReference;
        this.today = today;
    }

    /** How many households match. */
    Statement count() {
        List<Object> parameters = new ArrayList<>();
        String where = where(parameters);
        return new Statement("SELECT COUNT(*) FROM household h WHERE " + where, parameters);
    }

    /** The ids of the households on the page, in order. */
    Statement pageIds(long offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(parameters);
        parameters.add(limit);
        parameters.add(offset);
        return new Statement("SELECT h.id FROM household h WHERE " + where + " ORDER BY " + orderBy()
                + " LIMIT ? OFFSET ?", parameters);
    }

    /**
     * What the list shows of the given households (in no particular order); {@code ids} must not be
     * empty and must come from {@link #pageIds} in the same transaction, which applied the scope. The
     * scope is not repeated here on purpose: with it, SQLite may read the whole municipality through
     * its index instead of looking the page's ids up by primary key.
     */
    Statement details(List<String> ids) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT h.id, h.reference, h.display_name, h.nationality, h.camp_of_origin, h.arrival_path,"
                + " h.stage, h.arrived_on,"
                + " (SELECT COUNT(*) FROM task t WHERE t.household_id = h.id AND t.deleted = FALSE) AS tasks_total,"
                + " (SELECT COUNT(*) FROM task t WHERE t.household_id = h.id AND t.status = 'DONE'"
                + " AND t.deleted = FALSE) AS tasks_done,"
                + " (SELECT COUNT(*) " + OPEN_TASKS + " AND t.due_date < ?) AS overdue_tasks,"
                + " " + NEXT_DUE + " AS next_due,"
                + " (SELECT COUNT(*) FROM conflict c WHERE c.household_id = h.id AND c.resolved_at IS NULL)"
                + " AS open_conflicts,"
                + " (SELECT COUNT(*) FROM buddy_match b WHERE b.household_id = h.id AND b.ended_at IS NULL)"
                + " AS active_buddies"
                + " FROM household h WHERE h.id IN (" + placeholders(ids.size()) + ")";
        parameters.add(today);
        parameters.addAll(ids);
        return new Statement(sql, parameters);
    }

    /** The nationalities among all households in scope, sorted, for the filter's menu. */
    Statement nationalities() {
        return new Statement("SELECT DISTINCT h.nationality FROM household h WHERE " + scope.sql()
                + " AND h.nationality IS NOT NULL ORDER BY h.nationality", scope.parameters());
    }

    private String where(List<Object> parameters) {
        StringBuilder where = new StringBuilder(scope.sql());
        parameters.addAll(scope.parameters());
        if (filter.query() != null) {
            String pattern = "%" + escapeLike(filter.query()) + "%";
            String like = " LIKE LOWER(?) ESCAPE '" + ESCAPE + "'";
            where.append(" AND (LOWER(h.display_name)").append(like);
            parameters.add(pattern);
            if (searchReference) {
                where.append(" OR LOWER(h.reference)").append(like);
                parameters.add(pattern);
            }
            where.append(" OR EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id AND LOWER(m.display_name)")
                    .append(like).append(PER_HOUSEHOLD).append(")");
            parameters.add(pattern);
        }
        if (filter.stage() != null) {
            where.append(" AND h.stage = ?");
            parameters.add(filter.stage().name());
        }
        if (filter.nationality() != null) {
            where.append(" AND h.nationality = ?");
            parameters.add(filter.nationality());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND " : " AND NOT ").append(OVERDUE);
            parameters.add(today);
        }
        if (filter.conflicts() != null) {
            where.append(filter.conflicts() ? " AND " : " AND NOT ").append(OPEN_CONFLICT);
        }
        if (filter.buddy() != null) {
            where.append(filter.buddy() ? " AND " : " AND NOT ").append(ACTIVE_BUDDY);
        }
        return where.toString();
    }

    /**
     * ORDER BY for the filter's sort. Ties are broken by reference, then id, so that pages never
     * overlap. A household without an arrival or next due date comes last in both directions: the
     * missing date is replaced by one after (ascending) or before (descending) every real date,
     * ISO dates comparing as text; one expression, so the next due date is computed once per row.
     */
    private String orderBy() {
        String direction = filter.descending() ? " DESC" : "";
        String missingDate = filter.descending() ? "''" : "'9999-12-31'";
        switch (filter.sort()) {
            case NAME:
                return "LOWER(h.display_name)" + direction + ", h.reference, h.id";
            case ARRIVAL:
                return "COALESCE(h.arrived_on, " + missingDate + ")" + direction + ", h.reference, h.id";
            case DUE:
                return "COALESCE(" + NEXT_DUE + ", " + missingDate + ")" + direction + ", h.reference, h.id";
            case STAGE:
                return stageOrder() + direction + ", h.reference, h.id";
            case REFERENCE:
            default:
                return "h.reference" + direction + ", h.id";
        }
    }

    /** The journey order of stages (not the alphabet): constants from the enum, no user input. */
    private static String stageOrder() {
        StringBuilder order = new StringBuilder("CASE h.stage");
        for (JourneyStage stage : JourneyStage.values()) {
            order.append(" WHEN '").append(stage.name()).append("' THEN ").append(stage.ordinal());
        }
        return order.append(" END").toString();
    }

    /** The text as a LIKE pattern that matches it literally. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
