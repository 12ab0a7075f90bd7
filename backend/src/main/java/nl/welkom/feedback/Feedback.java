package nl.welkom.feedback;

import nl.welkom.model.feedback.Question;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.message.MessageService;
import nl.welkom.model.message.Message;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Readers' feedback: "was this helpful?" (one changeable vote per device and lesson) and free-text
 * questions, which are messages of the household's conversation (docs/messages.md), routed to the
 * household's active buddy when it has one, else to its municipality's officers. Used by the API and by sync (each pushed mutation exactly once, by the sync layer).
 */
@Singleton
public class Feedback {
    public static final int MAX_QUESTION = 1_000;
    static final String QUESTION_LIST = "question.list";

    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final MessageService messages;
    private final Clock clock;

    Feedback(TransactionOperations<Connection> transactions, AuditLog audit, MessageService messages, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.messages = messages;
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
            Message sent = messages.ask(device, UUID.randomUUID().toString(), lessonId, text.strip());
            return new Question(sent.id(), device.householdId(), lessonId, null, sent.text(),
                    messages.hasBuddy(device.householdId()) ? "BUDDY" : "OFFICER", sent.sentAt());
        });
    }

    /**
     * The questions (the households' messages, since issue 11: docs/messages.md) a buddy or officer
     * should answer, newest first: a buddy those its matched households sent since the match started;
     * an officer every household message of its municipality. Optionally of one household. A question
     * is routed to "BUDDY" when its household has an active family friend, else to "OFFICER". Audited.
     */
    public List<Question> questions(Caller caller, @Nullable String householdId) {
        String sql = """
                SELECT q.id, q.household_id, q.lesson_id, lt.title, q.text,
                       (SELECT COUNT(*) FROM buddy_match a WHERE a.household_id = q.household_id AND a.ended_at IS NULL),
                       q.sent_at
                FROM message q
                JOIN household h ON h.id = q.household_id
                LEFT JOIN lesson_translation lt ON lt.lesson_id = q.lesson_id AND lt.lang = 'nl'
                WHERE q.author = 'HOUSEHOLD'
                """;
        Object[] parameters;
        if (caller.role() == Role.BUDDY) {
            sql += " AND EXISTS (SELECT 1 FROM buddy_match m WHERE m.household_id = q.household_id"
                    + " AND m.buddy_user_id = ? AND m.ended_at IS NULL AND m.started_at <= q.sent_at)";
            parameters = new Object[] {caller.userId()};
        } else {
            sql += " AND h.municipality_id = ?";
            parameters = new Object[] {caller.municipalityId()};
        }
        if (householdId != null) {
            sql += " AND q.household_id = ?";
            Object[] more = java.util.Arrays.copyOf(parameters, parameters.length + 1);
            more[parameters.length] = householdId;
            parameters = more;
        }
        String query = sql + " ORDER BY q.sent_at DESC, q.id";
        Object[] bound = parameters;
        List<Question> questions = transactions.executeRead(status -> Sql.query(status.getConnection(), query,
                rows -> new Question(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getLong(6) > 0 ? "BUDDY" : "OFFICER",
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
            messages.ask(device, mutationId, lessonId, value.strip());
            return new Pushed(true, null);
        });
    }

    private static void requireLesson(Connection connection, String lessonId) {
        if (Sql.query(connection, "SELECT id FROM lesson WHERE id = ?", rows -> rows.getString(1), lessonId).isEmpty()) {
            throw ProblemException.notFound();
        }
    }
}
