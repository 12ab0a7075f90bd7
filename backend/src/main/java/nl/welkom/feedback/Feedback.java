package nl.welkom.feedback;

import nl.welkom.model.feedback.Question;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Readers' feedback: "was this helpful?" (one changeable vote per device and lesson) and free-text
 * questions, routed to the household's active buddy when it has one, else to its municipality's
 * officers. Used by the API and by sync (each pushed mutation exactly once, by the sync layer).
 */
@Singleton
public class Feedback {
    public static final int MAX_QUESTION = 1_000;
    static final String QUESTION_LIST = "question.list";

    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Clock clock;

    Feedback(TransactionOperations<Connection> transactions, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }


    /**
     * Records the device's vote on a lesson, replacing its earlier one.
     *
     * @throws ProblemException 404 for an unknown lesson
     */
    public void vote(Caller device, String lessonId, boolean helpful) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            requireLesson(connection, lessonId);
            Sql.update(connection, "DELETE FROM lesson_feedback WHERE device_id = ? AND lesson_id = ?", device.deviceId(), lessonId);
            Sql.update(connection, "INSERT INTO lesson_feedback (device_id, lesson_id, helpful, updated_at) VALUES (?, ?, ?, ?)",
                    device.deviceId(), lessonId, helpful, clock.millis());
            return null;
        });
    }

    /** Votes per lesson: lesson id → {helpful, not helpful}. */
    public Map<String, long[]> counts() {
        Map<String, long[]> counts = new HashMap<>();
        transactions.executeRead(status -> Sql.query(status.getConnection(),
                "SELECT lesson_id, helpful, COUNT(*) FROM lesson_feedback GROUP BY lesson_id, helpful",
                rows -> {
                    long[] pair = counts.computeIfAbsent(rows.getString(1), key -> new long[2]);
                    pair[rows.getBoolean(2) ? 0 : 1] = rows.getLong(3);
                    return null;
                }));
        return counts;
    }

    /**
     * A household device asks a question, optionally about a lesson.
     *
     * @throws ProblemException 400 for an empty or too long text, 404 for an unknown lesson
     */
    public Question ask(Caller device, @Nullable String lessonId, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text is required.");
        }
        if (text.length() > MAX_QUESTION) {
            throw ProblemException.badRequest("text is longer than " + MAX_QUESTION + " characters.");
        }
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (lessonId != null) {
                requireLesson(connection, lessonId);
            }
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            Optional<String> buddy = insertQuestion(connection, id, device, lessonId, text.trim());
            return new Question(id, device.householdId(), lessonId, null, text.trim(),
                    buddy.isPresent() ? "BUDDY" : "OFFICER", Instant.ofEpochMilli(now).toString());
        });
    }

    /**
     * The questions a buddy or officer should answer, newest first: a buddy those routed to it by
     * households it is still matched with; an officer every question of its municipality's
     * households (also those a buddy got: officers oversee). Optionally of one household. Audited.
     */
    public List<Question> questions(Caller caller, @Nullable String householdId) {
        String sql = """
                SELECT q.id, q.household_id, q.lesson_id, lt.title, q.text, q.buddy_user_id, q.created_at
                FROM question q
                JOIN household h ON h.id = q.household_id
                LEFT JOIN lesson_translation lt ON lt.lesson_id = q.lesson_id AND lt.lang = 'nl'
                """;
        Object[] parameters;
        if (caller.role() == Role.BUDDY) {
            sql += " WHERE q.buddy_user_id = ? AND EXISTS (SELECT 1 FROM buddy_match m WHERE m.household_id = q.household_id"
                    + " AND m.buddy_user_id = ? AND m.ended_at IS NULL)";
            parameters = new Object[] {caller.userId(), caller.userId()};
        } else {
            sql += " WHERE h.municipality_id = ?";
            parameters = new Object[] {caller.municipalityId()};
        }
        if (householdId != null) {
            sql += " AND q.household_id = ?";
            Object[] more = java.util.Arrays.copyOf(parameters, parameters.length + 1);
            more[parameters.length] = householdId;
            parameters = more;
        }
        String query = sql + " ORDER BY q.created_at DESC, q.id";
        Object[] bound = parameters;
        List<Question> questions = transactions.executeRead(status -> Sql.query(status.getConnection(), query,
                rows -> new Question(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6) != null ? "BUDDY" : "OFFICER",
                        Instant.ofEpochMilli(rows.getLong(7)).toString()), bound));
        audit.record(caller, QUESTION_LIST, householdId);
        return questions;
    }

    /** The outcome of a pushed feedback or question mutation: {@code detail} is null when applied. */
    public record Pushed(boolean applied, @Nullable String detail) {
    }

    /**
     * Applies a pushed {@code LESSON_FEEDBACK} or {@code QUESTION_ASK} inside the caller's
     * transaction (the sync layer records the mutation id in it, so it happens exactly once).
     * Never throws for bad input: a refusal is returned, so the recording transaction commits.
     */
    public Pushed applyPushed(Caller device, String mutationId, boolean question, String entityId, @Nullable String value) {
        if (!device.isDevice() || device.householdId() == null) {
            return new Pushed(false, "Only a household's phone sends feedback and questions.");
        }
        String lessonId = entityId == null || entityId.isEmpty() ? null : entityId;
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (lessonId != null && Sql.query(connection, "SELECT id FROM lesson WHERE id = ?", rows -> rows.getString(1),
                    lessonId).isEmpty()) {
                return new Pushed(false, "Unknown lesson.");
            }
            if (!question) {
                if (lessonId == null || !("true".equals(value) || "false".equals(value))) {
                    return new Pushed(false, "A vote needs a lesson and the value true or false.");
                }
                Sql.update(connection, "DELETE FROM lesson_feedback WHERE device_id = ? AND lesson_id = ?", device.deviceId(), lessonId);
                Sql.update(connection, "INSERT INTO lesson_feedback (device_id, lesson_id, helpful, updated_at) VALUES (?, ?, ?, ?)",
                        device.deviceId(), lessonId, Boolean.parseBoolean(value), clock.millis());
                return new Pushed(true, null);
            }
            if (value == null || value.isBlank() || value.length() > MAX_QUESTION) {
                return new Pushed(false, "A question needs a text of at most " + MAX_QUESTION + " characters.");
            }
            insertQuestion(connection, mutationId, device, lessonId, value.trim());
            return new Pushed(true, null);
        });
    }

    private Optional<String> insertQuestion(Connection connection, String id, Caller device, @Nullable String lessonId,
                                            String text) {
        Optional<String> buddy = Sql.query(connection,
                "SELECT buddy_user_id FROM buddy_match WHERE household_id = ? AND ended_at IS NULL ORDER BY started_at DESC",
                rows -> rows.getString(1), device.householdId()).stream().findFirst();
        Sql.update(connection, """
                INSERT INTO question (id, household_id, device_id, lesson_id, text, buddy_user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                id, device.householdId(), device.deviceId(), lessonId, text, buddy.orElse(null), clock.millis());
        return buddy;
    }

    private static void requireLesson(Connection connection, String lessonId) {
        if (Sql.query(connection, "SELECT id FROM lesson WHERE id = ?", rows -> rows.getString(1), lessonId).isEmpty()) {
            throw ProblemException.notFound();
        }
    }
}
