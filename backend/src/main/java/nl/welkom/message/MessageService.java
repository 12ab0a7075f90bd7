package nl.welkom.message;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.problem.ProblemException;

/**
 * A household's conversation with its officers and its family friend (docs/messages.md): sent by the
 * household's phone, an officer of its municipality or its matched family friend; read per side. A
 * family friend sees only what was sent since the start of their current match. Every write takes a
 * change-sequence value so phones pull it; reads and writes are audited.
 */
@Singleton
public class MessageService {
    /** How many of a conversation's latest messages a household entering a phone's scope brings. */
    public static final int ENTERING_LIMIT = 200;

    private final MessageRepository messages;
    private final HouseholdScope scope;
    private final ChangeSequence sequence;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    MessageService(MessageRepository messages, HouseholdScope scope, ChangeSequence sequence, AuditLog audit,
                   TransactionOperations<Connection> transactions, Clock clock) {
        this.messages = messages;
        this.scope = scope;
        this.sequence = sequence;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What applying a pushed message mutation did. */
    public record Applied(MutationOutcome outcome, @Nullable String detail) {
    }

    /**
     * One row of the inbox.
     *
     * @param unanswered the last message is the household's
     * @param unread     the household's messages the staff side has not read
     */
    public record Conversation(String householdId, String displayName, long lastMessageAt, MessageAuthor lastFrom,
                               boolean unanswered, int unread) {
    }

    /**
     * The conversation as the caller may see it, oldest first; 404 out of scope. Audited.
     */
    @Transactional
    public List<Message> conversation(Caller caller, String householdId) {
        return entries(caller, householdId).stream().map(MessageEntity::asModel).toList();
    }

    /** As {@link #conversation}, the rows (for the dashboard). Audited. */
    @Transactional
    public List<MessageEntity> entries(Caller caller, String householdId) {
        scope.requireVisible(caller, householdId);
        List<MessageEntity> rows = messages.findConversation(householdId, visibleFrom(caller, householdId));
        audit.record(caller, MessageAudit.LIST, householdId);
        return rows;
    }

    /**
     * Sends a message to the household's conversation from the dashboard or the API: by the
     * household's phone, an officer of its municipality or its matched family friend.
     *
     * @throws ProblemException 404 out of scope, 400 for an empty or too long text or one with control characters
     */
    @Transactional
    public Message send(Caller caller, String householdId, @Nullable String text) {
        scope.requireVisible(caller, householdId);
        MessageAuthor author = author(caller);
        if (author == null) {
            throw ProblemException.notFound();
        }
        String checked = check(text);
        if (checked == null) {
            throw ProblemException.badRequest(problem(text));
        }
        MessageEntity sent = insert(UUID.randomUUID().toString(), householdId, caller, author, checked, null);
        audit.record(caller, MessageAudit.SEND, householdId);
        return sent.asModel();
    }

    /**
     * A question of the household's phone (old clients: {@code POST /api/questions} and the pushed
     * {@code QUESTION_ASK}) as a message of the household, in the caller's transaction. The text is
     * checked by the caller.
     */
    public Message ask(Caller device, String id, @Nullable String lessonId, String text) {
        return transactions.executeWrite(status -> {
            MessageEntity sent = insert(id, device.householdId(), device, MessageAuthor.HOUSEHOLD, text, lessonId);
            audit.record(device, MessageAudit.SEND, device.householdId());
            return sent.asModel();
        });
    }

    /**
     * A demo message (MessageDemo) sent at {@code sentAt}; an officer's is read by the family, a
     * family's earlier than the newest officer message is read by the officers.
     */
    @Transactional
    void demo(String householdId, MessageAuthor author, @Nullable String userId, @Nullable String name, String text,
              long sentAt) {
        messages.save(new MessageEntity(UUID.randomUUID().toString(), householdId, author, userId, null, name, text,
                null, sentAt, author.staff() ? sentAt : null, 1, sequence.next()));
        if (author.staff()) {
            for (MessageEntity row : messages.findConversation(householdId, Long.MIN_VALUE)) {
                if (!row.author().staff() && row.readAt() == null && row.sentAt() <= sentAt) {
                    messages.update(row.read(sentAt, sequence.next()));
                }
            }
        }
    }

    /** Whether the household has an active family friend now. */
    public boolean hasBuddy(String householdId) {
        return messages.countActiveMatches(householdId) > 0;
    }

    /**
     * Marks the other side's messages up to and including {@code upTo} read for the caller's side.
     *
     * @throws ProblemException 404 out of scope, 400 when {@code upTo} is not a message the caller sees
     */
    @Transactional
    public void markRead(Caller caller, String householdId, @Nullable String upTo) {
        scope.requireVisible(caller, householdId);
        if (author(caller) == null) {
            throw ProblemException.notFound();
        }
        if (upTo == null || upTo.isBlank()) {
            throw ProblemException.badRequest("upTo is required: the id of the newest message read.");
        }
        if (!readUpTo(caller, householdId, upTo.strip())) {
            throw ProblemException.badRequest("upTo is not a message of this conversation.");
        }
        audit.record(caller, MessageAudit.READ, householdId);
    }

    /** Marks everything of the other side read that the caller sees (opening the household page). */
    @Transactional
    public void markAllRead(Caller caller, String householdId) {
        if (author(caller) == null || !scope.canSee(caller, householdId)) {
            return;
        }
        List<MessageEntity> rows = messages.findConversation(householdId, visibleFrom(caller, householdId));
        if (!rows.isEmpty() && readUpTo(caller, householdId, rows.get(rows.size() - 1).id())) {
            audit.record(caller, MessageAudit.READ, householdId);
        }
    }

    /** Applies a pushed {@code MESSAGE_SEND} in the push's transaction; never throws for bad input. */
    @Transactional
    public Applied applySend(Caller caller, String mutationId, @Nullable String householdId, @Nullable String value) {
        MessageAuthor author = author(caller);
        if (householdId == null || author == null || author == MessageAuthor.OFFICER
                || !scope.canSee(caller, householdId)) {
            return new Applied(MutationOutcome.REJECTED, "No such household.");
        }
        String checked = check(value);
        if (checked == null) {
            return new Applied(MutationOutcome.REJECTED, problem(value));
        }
        if (messages.existsById(mutationId)) {
            return new Applied(MutationOutcome.REJECTED, "Message id already used.");
        }
        insert(mutationId, householdId, caller, author, checked, null);
        audit.record(caller, MessageAudit.SEND, householdId);
        return new Applied(MutationOutcome.APPLIED, null);
    }

    /** Applies a pushed {@code MESSAGE_READ} in the push's transaction; never throws for bad input. */
    @Transactional
    public Applied applyRead(Caller caller, @Nullable String householdId, @Nullable String upTo) {
        MessageAuthor author = author(caller);
        if (householdId == null || author == null || author == MessageAuthor.OFFICER
                || !scope.canSee(caller, householdId)) {
            return new Applied(MutationOutcome.REJECTED, "No such household.");
        }
        if (upTo == null || !readUpTo(caller, householdId, upTo.strip())) {
            return new Applied(MutationOutcome.REJECTED, "No such message in this conversation.");
        }
        audit.record(caller, MessageAudit.READ, householdId);
        return new Applied(MutationOutcome.APPLIED, null);
    }

    /**
     * The conversations of the caller's households (an officer: the municipality's; a family friend:
     * their matched households, from the match on) that have messages: unanswered first, the longest
     * waiting first, then the rest by last message, newest first. Audited per household.
     */
    @Transactional
    public List<Conversation> conversations(Caller caller) {
        if (caller.role() != Role.OFFICER && caller.role() != Role.BUDDY) {
            return List.of();
        }
        HouseholdScope.Condition condition = scope.condition(caller, "h");
        List<Object> parameters = new ArrayList<>(condition.parameters());
        String from = "";
        if (caller.role() == Role.BUDDY) {
            from = " AND m.sent_at >= (SELECT b.started_at FROM buddy_match b WHERE b.household_id = h.id"
                    + " AND b.buddy_user_id = ? AND b.ended_at IS NULL)";
            parameters.add(caller.userId());
        }
        String sql = "SELECT h.id, h.display_name, MAX(m.sent_at),"
                + " SUM(CASE WHEN m.author = 'HOUSEHOLD' AND m.read_at IS NULL THEN 1 ELSE 0 END),"
                + " (SELECT l.author FROM message l WHERE l.household_id = h.id ORDER BY l.sent_at DESC, l.id DESC LIMIT 1)"
                + " FROM household h JOIN message m ON m.household_id = h.id"
                + " WHERE " + condition.sql() + from
                + " GROUP BY h.id, h.display_name";
        Object[] bound = parameters.toArray();
        List<Conversation> rows = new ArrayList<>(transactions.executeRead(status -> Sql.query(status.getConnection(), sql,
                row -> {
                    MessageAuthor last = MessageAuthor.valueOf(row.getString(5));
                    return new Conversation(row.getString(1), row.getString(2), row.getLong(3), last,
                            last == MessageAuthor.HOUSEHOLD, row.getInt(4));
                }, bound)));
        rows.sort(INBOX_ORDER);
        rows.forEach(row -> audit.record(caller, MessageAudit.CONVERSATIONS, row.householdId()));
        return rows;
    }

    /** Unanswered first (oldest waiting first), then the rest by last message, newest first. */
    static final Comparator<Conversation> INBOX_ORDER = (a, b) -> {
        if (a.unanswered() != b.unanswered()) {
            return a.unanswered() ? -1 : 1;
        }
        int byTime = a.unanswered() ? Long.compare(a.lastMessageAt(), b.lastMessageAt())
                : Long.compare(b.lastMessageAt(), a.lastMessageAt());
        return byTime != 0 ? byTime : a.householdId().compareTo(b.householdId());
    };

    /**
     * From when (epoch ms) the caller sees the household's conversation: a family friend from the start
     * of their active match (Long.MAX_VALUE without one), everyone else from the beginning.
     */
    public long visibleFrom(Caller caller, String householdId) {
        if (caller.role() != Role.BUDDY) {
            return Long.MIN_VALUE;
        }
        return messages.findMatchStart(caller.userId(), householdId).stream().findFirst().orElse(Long.MAX_VALUE);
    }

    /** Marks the other side's unread messages up to {@code upTo} read; false when {@code upTo} is not visible. */
    private boolean readUpTo(Caller caller, String householdId, String upTo) {
        long from = visibleFrom(caller, householdId);
        Optional<MessageEntity> last = messages.findById(upTo)
                .filter(row -> row.householdId().equals(householdId) && row.sentAt() >= from);
        if (last.isEmpty()) {
            return false;
        }
        boolean household = caller.isDevice();
        long now = clock.millis();
        for (MessageEntity row : messages.findConversation(householdId, from)) {
            if (row.sentAt() > last.get().sentAt()) {
                break;
            }
            if (row.readAt() == null && row.author().staff() == household) {
                messages.update(row.read(now, sequence.next()));
            }
        }
        return true;
    }

    private MessageEntity insert(String id, String householdId, Caller caller, MessageAuthor author, String text,
                                 @Nullable String lessonId) {
        String name = caller.isDevice() || caller.userId() == null ? null
                : messages.findDisplayName(caller.userId()).orElse(null);
        MessageEntity row = new MessageEntity(id, householdId, author, caller.userId(), caller.deviceId(), name, text,
                lessonId, clock.millis(), null, 1, sequence.next());
        messages.save(row);
        return row;
    }

    @Nullable
    private static MessageAuthor author(Caller caller) {
        if (caller.isDevice()) {
            return caller.role() == Role.NEWCOMER ? MessageAuthor.HOUSEHOLD : null;
        }
        return switch (caller.role()) {
            case OFFICER -> MessageAuthor.OFFICER;
            case BUDDY -> MessageAuthor.BUDDY;
            default -> null;
        };
    }

    /** The text trimmed, with Windows line ends made plain, or null when it is not a valid message. */
    @Nullable
    static String check(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replace("\r\n", "\n").strip();
        int length = plain.codePointCount(0, plain.length());
        if (length < 1 || length > Message.MAX_LENGTH) {
            return null;
        }
        boolean control = plain.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
        return control ? null : plain;
    }

    /** Why {@link #check} refused the text. */
    static String problem(@Nullable String text) {
        String plain = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (plain.isEmpty()) {
            return "text is required.";
        }
        if (plain.codePointCount(0, plain.length()) > Message.MAX_LENGTH) {
            return "text is longer than " + Message.MAX_LENGTH + " characters.";
        }
        return "text holds control characters; only new lines and tabs are allowed.";
    }

    /** The instant as ISO-8601. */
    static String iso(long at) {
        return Instant.ofEpochMilli(at).toString();
    }
}
