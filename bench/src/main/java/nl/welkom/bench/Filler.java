package nl.welkom.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes rows straight into the backend's SQLite file with sqlite-jdbc, the way the backend's own
 * writes would leave them: every household and task takes its own value of the one
 * {@code change_sequence} counter, which is read and written back in the same transaction.
 *
 * <p>Schema-tolerant on purpose (colleagues add migrations while this bench exists): each new row
 * is a copy of a real <em>template</em> row of the demo data with its identity columns replaced,
 * inserted with an explicit column list read from {@code PRAGMA table_info}. A column a later
 * migration adds is thus filled with the template's value.
 */
final class Filler {

    private Filler() {
    }

    static Connection open(Path dbFile) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA foreign_keys = true");
        }
        return c;
    }

    /** What {@link #insert} wrote. */
    record Inserted(int households, int tasks, int titles, long firstSeq, long lastSeq, double seconds) {
    }

    static String householdIdByReference(Connection c, String reference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM household WHERE reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No household with reference " + reference);
                }
                return rs.getString(1);
            }
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * In one transaction: {@code newHouseholds} copies of the template household (in its
     * municipality) and {@code tasks} copies of its live tasks (in turn) spread round-robin over the
     * new households (or, when {@code newHouseholds} is 0, all given to the template household
     * itself), each task with copies of its template task's titles (all languages). Sequence values are interleaved
     * across households, as changes arriving over time would be.
     *
     * @param bulk true for an offline fill (no fsync, big cache); false when the backend is running
     */
    static Inserted insert(Connection c, String templateHouseholdId, int newHouseholds, int tasks, boolean bulk)
            throws SQLException {
        long started = System.nanoTime();
        if (bulk) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -262144");
            }
        }
        Map<String, Object> household = one(c, "SELECT * FROM household WHERE id = ?", templateHouseholdId);
        List<Map<String, Object>> templateTasks = all(c, "SELECT * FROM task WHERE household_id = ? AND deleted = FALSE "
                + "ORDER BY sort_order, id", templateHouseholdId);
        if (templateTasks.isEmpty()) {
            throw new IllegalStateException("No live task in household " + templateHouseholdId + " to copy");
        }
        List<List<Map<String, Object>>> templateTitles = new ArrayList<>();
        for (Map<String, Object> t : templateTasks) {
            templateTitles.add(all(c, "SELECT * FROM task_title WHERE task_id = ?", t.get("id")));
        }
        List<String> householdColumns = columns(c, "household");
        List<String> taskColumns = columns(c, "task");
        List<String> titleColumns = columns(c, "task_title");

        int titleRows = 0;
        long now = System.currentTimeMillis();
        try (Statement s = c.createStatement()) {
            // IMMEDIATE: take the write lock first, so reading the counter and writing it back
            // cannot interleave with the backend's own writers.
            s.execute("BEGIN IMMEDIATE");
        }
        try (PreparedStatement insertHousehold = c.prepareStatement(insertSql("household", householdColumns));
             PreparedStatement insertTask = c.prepareStatement(insertSql("task", taskColumns));
             PreparedStatement insertTitle = c.prepareStatement(insertSql("task_title", titleColumns))) {
            long seq = lastSeq(c);
            long firstSeq = seq + 1;
            List<String> owners = new ArrayList<>();
            for (int h = 0; h < newHouseholds; h++) {
                String id = UUID.randomUUID().toString();
                Map<String, Object> row = new LinkedHashMap<>(household);
                row.put("id", id);
                row.put("reference", String.format("BENCH-%07d", h + 1));
                row.put("display_name", "Bench filler " + (h + 1));
                row.put("change_seq", ++seq);
                row.put("created_at", now);
                bind(insertHousehold, householdColumns, row);
                insertHousehold.addBatch();
                owners.add(id);
            }
            insertHousehold.executeBatch();
            if (owners.isEmpty()) {
                owners.add(templateHouseholdId);
            }
            for (int i = 0; i < tasks; i++) {
                String id = UUID.randomUUID().toString();
                int template = i % templateTasks.size();
                Map<String, Object> row = new LinkedHashMap<>(templateTasks.get(template));
                row.put("id", id);
                row.put("household_id", owners.get(i % owners.size()));
                row.put("change_seq", ++seq);
                row.put("sort_order", 1000 + i / owners.size());
                row.put("created_at", now);
                bind(insertTask, taskColumns, row);
                insertTask.addBatch();
                for (Map<String, Object> title : templateTitles.get(template)) {
                    Map<String, Object> t = new LinkedHashMap<>(title);
                    t.put("id", UUID.randomUUID().toString());
                    t.put("task_id", id);
                    bind(insertTitle, titleColumns, t);
                    insertTitle.addBatch();
                    titleRows++;
                }
                if (i % 5000 == 4999) {
                    insertTask.executeBatch();
                    insertTitle.executeBatch();
                }
            }
            insertTask.executeBatch();
            insertTitle.executeBatch();
            try (PreparedStatement ps = c.prepareStatement("UPDATE change_sequence SET last_seq = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
            return new Inserted(newHouseholds, tasks, titleRows, firstSeq, seq, (System.nanoTime() - started) / 1e9);
        } catch (SQLException | RuntimeException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw new SQLException("Filling failed (schema changed? task columns " + taskColumns + "): " + e, e);
        }
    }

    /** Folds the WAL into the main file so the copy on disk is complete and compact. */
    static void checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    static long lastSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seq FROM change_sequence WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code EXPLAIN QUERY PLAN} of a statement with unbound parameters: one line per plan step. */
    static List<String> explain(Connection c, String sql) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.add(rs.getString("detail"));
            }
        }
        return plan;
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No table " + table);
        }
        return names;
    }

    static String insertSql(String table, List<String> columns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        sql.append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    static void bind(PreparedStatement ps, List<String> columns, Map<String, Object> row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            ps.setObject(i + 1, row.get(columns.get(i)));
        }
    }

    static Map<String, Object> one(Connection c, String sql, Object arg) throws SQLException {
        List<Map<String, Object>> rows = all(c, sql, arg);
        if (rows.isEmpty()) {
            throw new IllegalStateException("No template row for: " + sql + " [" + arg + "]");
        }
        return rows.get(0);
    }

    static List<Map<String, Object>> all(Connection c, String sql, Object arg) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
