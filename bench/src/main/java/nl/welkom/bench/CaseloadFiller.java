package nl.welkom.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a backend's SQLite file with a realistic caseload for the caseload benchmark: households
 * spread over journey stages, nationalities and arrival dates, three members each, four tasks each
 * (two done, two open with due dates around today, so some are overdue), an active buddy match for
 * a quarter of them and an open conflict for one in fifty. Like {@link Filler}: one transaction,
 * every household and task takes its own change-sequence value, and new rows are copies of the demo
 * data's rows (household, member, task, title, municipality, buddy) with their identity columns
 * replaced, so columns that later migrations add are filled with the template's values.
 */
final class CaseloadFiller {
    static final String TEMPLATE_REFERENCE = "WLK-2026-0002"; // Familie Al-Khatib, Zwolle
    static final String TEMPLATE_BUDDY = "buddy@zwolle.demo";
    /** Surnames of the filler families; a search for one of them finds about one household in twenty. */
    static final List<String> SURNAMES = List.of("Tesfay", "Haddad", "Mbeki", "Rahimi", "Warsame", "Yilma", "Osman",
            "Nkurunziza", "Haidari", "Abdi", "Kidane", "Alkhatib", "Mugisha", "Sultani", "Farah", "Gebremedhin",
            "Al-Hassan", "Niyonzima", "Karimi", "Hussein");
    static final List<String> NATIONALITIES = List.of("ER", "SY", "AF", "CD", "SO", "ET", "SD", "BI", "IQ", "YE");
    /** The tables the fill writes to, for counting. */
    static final List<String> TABLES = List.of("household", "member", "task", "task_title", "buddy_match", "conflict",
            "municipality");
    static final List<String> STAGES = List.of("SELECTED", "PRE_DEPARTURE", "TRAVEL", "ARRIVAL",
            "HOUSING_AND_REGISTRATION", "CIVIC_INTEGRATION", "SETTLED");

    private CaseloadFiller() {
    }

    /** What {@link #fill} wrote. */
    record Filled(int households, int members, int tasks, int matches, int conflicts, int municipalities, double seconds) {
    }

    /**
     * In one transaction: {@code perMunicipality.get(slug)} new households in each named municipality
     * (a slug that does not exist yet becomes a new municipality, copied from the template's).
     */
    static Filled fill(Connection c, Map<String, Integer> perMunicipality, long seed) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(seed);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = -262144");
        }
        Map<String, Object> household = Filler.one(c, "SELECT * FROM household WHERE reference = ?", TEMPLATE_REFERENCE);
        String templateId = (String) household.get("id");
        Map<String, Object> member = Filler.one(c, "SELECT * FROM member WHERE household_id = ?", templateId);
        Map<String, Object> task = Filler.one(c, "SELECT * FROM task WHERE household_id = ? AND deleted = FALSE", templateId);
        Map<String, Object> title = Filler.one(c, "SELECT * FROM task_title WHERE task_id = ?", task.get("id"));
        Map<String, Object> municipality = Filler.one(c, "SELECT * FROM municipality WHERE id = ?",
                household.get("municipality_id"));
        Map<String, Object> buddy = Filler.one(c, "SELECT * FROM app_user WHERE username = ?", TEMPLATE_BUDDY);
        List<String> householdColumns = Filler.columns(c, "household");
        List<String> memberColumns = Filler.columns(c, "member");
        List<String> taskColumns = Filler.columns(c, "task");
        List<String> titleColumns = Filler.columns(c, "task_title");
        List<String> municipalityColumns = Filler.columns(c, "municipality");
        List<String> userColumns = Filler.columns(c, "app_user");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        long now = System.currentTimeMillis();
        int households = 0;
        int members = 0;
        int tasks = 0;
        int matches = 0;
        int conflicts = 0;
        int newMunicipalities = 0;
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try (PreparedStatement insertHousehold = c.prepareStatement(Filler.insertSql("household", householdColumns));
             PreparedStatement insertMember = c.prepareStatement(Filler.insertSql("member", memberColumns));
             PreparedStatement insertTask = c.prepareStatement(Filler.insertSql("task", taskColumns));
             PreparedStatement insertTitle = c.prepareStatement(Filler.insertSql("task_title", titleColumns));
             PreparedStatement insertMunicipality = c.prepareStatement(
                     Filler.insertSql("municipality", municipalityColumns));
             PreparedStatement insertUser = c.prepareStatement(Filler.insertSql("app_user", userColumns));
             PreparedStatement insertMatch = c.prepareStatement("INSERT INTO buddy_match (id, buddy_user_id,"
                     + " household_id, started_at, ended_at) VALUES (?, ?, ?, ?, NULL)");
             PreparedStatement insertConflict = c.prepareStatement("INSERT INTO conflict (id, entity_type, entity_id,"
                     + " household_id, base_version, server_version, server_value, client_value, created_at, field)"
                     + " VALUES (?, 'TASK', ?, ?, 1, 2, 'OPEN', 'DONE', ?, 'status')")) {
            long seq = Filler.lastSeq(c);
            for (Map.Entry<String, Integer> entry : perMunicipality.entrySet()) {
                String slug = entry.getKey();
                String municipalityId = idOfMunicipality(c, slug);
                if (municipalityId == null) {
                    municipalityId = UUID.randomUUID().toString();
                    Map<String, Object> row = new LinkedHashMap<>(municipality);
                    row.put("id", municipalityId);
                    row.put("slug", slug);
                    row.put("name", "Gemeente " + slug);
                    row.put("created_at", now);
                    Filler.bind(insertMunicipality, municipalityColumns, row);
                    insertMunicipality.executeUpdate();
                    newMunicipalities++;
                }
                String buddyId = UUID.randomUUID().toString();
                Map<String, Object> buddyRow = new LinkedHashMap<>(buddy);
                buddyRow.put("id", buddyId);
                buddyRow.put("username", "bench-buddy@" + slug + ".bench");
                buddyRow.put("municipality_id", municipalityId);
                buddyRow.put("created_at", now);
                Filler.bind(insertUser, userColumns, buddyRow);
                insertUser.executeUpdate();
                for (int h = 1; h <= entry.getValue(); h++) {
                    String id = UUID.randomUUID().toString();
                    String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
                    Map<String, Object> row = new LinkedHashMap<>(household);
                    row.put("id", id);
                    row.put("municipality_id", municipalityId);
                    row.put("reference", String.format("BENCH-%07d", h));
                    row.put("display_name", "Familie " + surname + " " + h);
                    row.put("nationality", NATIONALITIES.get(random.nextInt(NATIONALITIES.size())));
                    row.put("stage", STAGES.get(random.nextInt(STAGES.size())));
                    row.put("arrived_on", random.nextInt(5) == 0 ? null
                            : today.minusDays(random.nextInt(6 * 365)).toString());
                    row.put("version", 1L);
                    row.put("change_seq", ++seq);
                    row.put("created_at", now);
                    Filler.bind(insertHousehold, householdColumns, row);
                    insertHousehold.addBatch();
                    households++;
                    for (int m = 0; m < 3; m++) {
                        Map<String, Object> memberRow = new LinkedHashMap<>(member);
                        memberRow.put("id", UUID.randomUUID().toString());
                        memberRow.put("household_id", id);
                        memberRow.put("display_name", (m == 0 ? "Amina " : m == 1 ? "Yonas " : "Sara ") + surname);
                        memberRow.put("sort_order", m + 1);
                        Filler.bind(insertMember, memberColumns, memberRow);
                        insertMember.addBatch();
                        members++;
                    }
                    String firstOpen = null;
                    for (int t = 0; t < 4; t++) {
                        String taskId = UUID.randomUUID().toString();
                        boolean done = t < 2;
                        Map<String, Object> taskRow = new LinkedHashMap<>(task);
                        taskRow.put("id", taskId);
                        taskRow.put("household_id", id);
                        taskRow.put("status", done ? "DONE" : "OPEN");
                        taskRow.put("completed_at", done ? now : null);
                        taskRow.put("due_date", done ? null : today.plusDays(t == 2 ? random.nextInt(70) - 10
                                : 10 + random.nextInt(110)).toString());
                        taskRow.put("deleted", false);
                        taskRow.put("change_seq", ++seq);
                        taskRow.put("sort_order", t + 1);
                        taskRow.put("created_at", now);
                        Filler.bind(insertTask, taskColumns, taskRow);
                        insertTask.addBatch();
                        Map<String, Object> titleRow = new LinkedHashMap<>(title);
                        titleRow.put("id", UUID.randomUUID().toString());
                        titleRow.put("task_id", taskId);
                        Filler.bind(insertTitle, titleColumns, titleRow);
                        insertTitle.addBatch();
                        tasks++;
                        if (!done && firstOpen == null) {
                            firstOpen = taskId;
                        }
                    }
                    if (random.nextInt(4) == 0) {
                        insertMatch.setString(1, UUID.randomUUID().toString());
                        insertMatch.setString(2, buddyId);
                        insertMatch.setString(3, id);
                        insertMatch.setLong(4, now);
                        insertMatch.addBatch();
                        matches++;
                    }
                    if (random.nextInt(50) == 0) {
                        insertConflict.setString(1, UUID.randomUUID().toString());
                        insertConflict.setString(2, firstOpen);
                        insertConflict.setString(3, id);
                        insertConflict.setLong(4, now);
                        insertConflict.addBatch();
                        conflicts++;
                    }
                    if (households % 2000 == 0) {
                        flush(insertHousehold, insertMember, insertTask, insertTitle, insertMatch, insertConflict);
                    }
                }
                flush(insertHousehold, insertMember, insertTask, insertTitle, insertMatch, insertConflict);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE change_sequence SET last_seq = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        } catch (SQLException | RuntimeException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw new SQLException("Filling the caseload failed (schema changed?): " + e, e);
        }
        return new Filled(households, members, tasks, matches, conflicts, newMunicipalities,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * New households per municipality slug: {@code fixed} as given (the demo's municipalities), the
     * rest of {@code total} in new municipalities of {@code perOtherMunicipality} each.
     */
    static Map<String, Integer> spread(int total, Map<String, Integer> fixed, int perOtherMunicipality) {
        Map<String, Integer> spread = new LinkedHashMap<>(fixed);
        int rest = total - fixed.values().stream().mapToInt(Integer::intValue).sum();
        for (int i = 1; rest > 0; i++) {
            int here = Math.min(rest, perOtherMunicipality);
            spread.put(String.format("bench-%03d", i), here);
            rest -= here;
        }
        return spread;
    }

    private static String idOfMunicipality(Connection c, String slug) throws SQLException {
        List<Map<String, Object>> rows = Filler.all(c, "SELECT id FROM municipality WHERE slug = ?", slug);
        return rows.isEmpty() ? null : (String) rows.get(0).get("id");
    }

    private static void flush(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
        }
    }

}
