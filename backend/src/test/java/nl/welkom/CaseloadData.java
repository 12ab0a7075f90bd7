package nl.welkom;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Writes caseload test data straight into a server's database (SQLite file or PostgreSQL), for what no endpoint makes yet
 * (households, conflicts, ended matches) and for many rows fast: municipalities, staff (with the
 * password hash of an existing fixture user, so the fixture password works), households, members,
 * tasks, conflicts and buddy matches. Each household and task takes the next change sequence value,
 * as the server's own writes do. Close the connection when done.
 */
public final class CaseloadData implements AutoCloseable {
    /** Today where the dashboard decides "overdue". */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Connection db;
    private final long now = System.currentTimeMillis();

    public CaseloadData(Connection db) {
        this.db = db;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public String municipality(String slug, String name) {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO municipality (id, slug, name, created_at) VALUES (?, ?, ?, ?)", id, slug, name, now);
        return id;
    }

    public String municipalityId(String slug) {
        return text("SELECT id FROM municipality WHERE slug = ?", slug);
    }

    /** A staff account with the same password as {@code passwordOf}. */
    public String user(String username, String role, String municipalityId, String displayName, String passwordOf) {
        String id = UUID.randomUUID().toString();
        String hash = text("SELECT password_hash FROM app_user WHERE username = ?", passwordOf);
        update("INSERT INTO app_user (id, username, password_hash, role, municipality_id, display_name, languages,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, 'nl', ?)", id, username, hash, role, municipalityId, displayName, now);
        return id;
    }

    public String userId(String username) {
        return text("SELECT id FROM app_user WHERE username = ?", username);
    }

    /** A household; {@code nationality} and {@code arrivedOn} may be null. */
    public String household(String municipalityId, String reference, String displayName, String nationality,
                            String stage, LocalDate arrivedOn) {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO household (id, municipality_id, reference, display_name, nationality, camp_of_origin,"
                        + " arrival_path, stage, languages, version, change_seq, created_at, arrived_on)"
                        + " VALUES (?, ?, ?, ?, ?, NULL, 'DIRECT', ?, 'nl', 1, ?, ?, ?)",
                id, municipalityId, reference, displayName, nationality, stage, nextSeq(), now,
                arrivedOn == null ? null : arrivedOn.toString());
        return id;
    }

    public void member(String householdId, String displayName) {
        update("INSERT INTO member (id, household_id, display_name, birth_year, languages, sort_order)"
                + " VALUES (?, ?, ?, NULL, 'nl', 1)", UUID.randomUUID().toString(), householdId, displayName);
    }

    /** A task with a Dutch title; {@code due} may be null. */
    public String task(String householdId, String status, LocalDate due, boolean deleted, String title) {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO task (id, household_id, stage, assignee, due_date, status, completed_at, version,"
                        + " status_version, change_seq, deleted, sort_order, created_at)"
                        + " VALUES (?, ?, 'ARRIVAL', 'FAMILY', ?, ?, ?, 1, 1, ?, ?, 1, ?)",
                id, householdId, due == null ? null : due.toString(), status, "DONE".equals(status) ? now : null,
                nextSeq(), deleted, now);
        update("INSERT INTO task_title (id, task_id, lang, title) VALUES (?, ?, 'nl', ?)",
                UUID.randomUUID().toString(), id, title);
        return id;
    }

    /** A status conflict on the household, open or resolved. */
    public void conflict(String householdId, String taskId, boolean resolved) {
        update("INSERT INTO conflict (id, entity_type, entity_id, household_id, base_version, server_version,"
                        + " server_value, client_value, created_at, resolved_at, resolution) VALUES (?, 'TASK', ?, ?, 1, 2,"
                        + " 'OPEN', 'DONE', ?, ?, ?)", UUID.randomUUID().toString(), taskId, householdId, now,
                resolved ? now : null, resolved ? "KEEP_CURRENT" : null);
    }

    /** A buddy match, active or ended. */
    public void match(String buddyUserId, String householdId, boolean ended) {
        update("INSERT INTO buddy_match (id, buddy_user_id, household_id, started_at, ended_at) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), buddyUserId, householdId, now, ended ? now : null);
    }

    /** Starts one transaction for many rows (on SQLite one write lock, taken at once). */
    public void begin() {
        try {
            if (db.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
                update("BEGIN IMMEDIATE");
            } else {
                db.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void commit() {
        try {
            if (db.getAutoCommit()) {
                update("COMMIT");
            } else {
                db.commit();
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long nextSeq() {
        update("UPDATE change_sequence SET last_seq = last_seq + 1 WHERE id = 1");
        return Long.parseLong(text("SELECT last_seq FROM change_sequence WHERE id = 1"));
    }

    private String text(String sql, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
