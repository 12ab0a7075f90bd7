package nl.welkom.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The conversations on this phone (docs/sync.md, "Messages"): for a household's phone its one
 * conversation with its officers and family friend, for a family friend one per matched household.
 * Get it from {@link Welkom#messages()}. Writing and marking read work offline: they queue
 * {@code MESSAGE_SEND} / {@code MESSAGE_READ}, sent with the next sync. Reads touch the store only.
 */
public final class Messages {

    private final LocalStore store;
    private final Clock clock;

    Messages(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One message as shown.
     *
     * @param message the server's message, or for a pending one a stand-in (id = the mutation id,
     *                sentAt = when it was written, readAt null)
     * @param mine    written by this side (the household on its phone, the family friend on theirs)
     * @param pending not sent yet: it goes with the next sync
     */
    public record Entry(Message message, boolean mine, boolean pending) {
        /** True when the other side has read this message of mine. */
        public boolean readByOtherSide() {
            return message.readAt() != null;
        }
    }

    /** The households with a conversation on this phone: the phone's own household, or a family friend's matches. */
    public List<Household> households() {
        return Shelf.HOUSEHOLDS.all(store);
    }

    /**
     * The household's conversation, oldest first: the server's messages, then the pending ones
     * from the outbox (a message the server already has is shown once, as the server's).
     */
    public List<Entry> conversation(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        MessageAuthor me = mySide();
        List<Message> server = serverMessages(householdId);
        Set<String> known = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Message m : server) {
            known.add(m.id());
            entries.add(new Entry(m, m.from() == me, false));
        }
        for (Mutation m : store.outbox()) {
            Optional<Message> pending = asMessage(store, m);
            if (pending.isPresent() && householdId.equals(pending.get().householdId()) && !known.contains(m.id())) {
                entries.add(new Entry(pending.get(), true, true));
            }
        }
        return Collections.unmodifiableList(entries);
    }

    /**
     * Writes a message, offline: a {@code MESSAGE_SEND} is queued; its mutation id becomes the message's id.
     *
     * @return the message as it now shows (pending)
     * @throws IllegalArgumentException for an empty text, one over {@link Message#MAX_LENGTH} characters
     *                                  (code points), or a household not on this phone
     */
    public Entry send(String householdId, String text) {
        Objects.requireNonNull(householdId, "householdId");
        String body = text == null ? "" : text.trim();
        int length = body.codePointCount(0, body.length());
        if (length == 0) {
            throw new IllegalArgumentException("A message needs text");
        }
        if (length > Message.MAX_LENGTH) {
            throw new IllegalArgumentException("A message has at most " + Message.MAX_LENGTH + " characters");
        }
        Mutation[] queued = new Mutation[1];
        store.inTransaction(() -> {
            if (!Shelf.HOUSEHOLDS.get(store, householdId).isPresent()) {
                throw new IllegalArgumentException("No household " + householdId + " on this phone");
            }
            queued[0] = LocalView.newEdit(MutationType.MESSAGE_SEND, householdId, 0, body, clock);
            store.appendToOutbox(queued[0]);
        });
        return new Entry(asMessage(store, queued[0]).get(), true, true);
    }

    /**
     * The reader read the conversation: when the other side's newest message is unread by this side,
     * a {@code MESSAGE_READ} with its id is queued and remembered, so {@link #unread} drops at once.
     * Nothing is queued when everything is already read.
     *
     * @return true when something was marked read
     */
    public boolean markRead(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        boolean[] marked = new boolean[1];
        store.inTransaction(() -> {
            List<Message> unread = unreadMessages(householdId);
            if (unread.isEmpty()) {
                return;
            }
            Message newest = unread.get(unread.size() - 1);
            store.appendToOutbox(LocalView.newEdit(MutationType.MESSAGE_READ, householdId, newest.version(), newest.id(), clock));
            Shelf.MESSAGES_READ.put(store, Collections.singletonList(new MessageRead(householdId, newest.id())));
            marked[0] = true;
        });
        return marked[0];
    }

    /** The other side's messages in the household's conversation that this side has not read. */
    public int unread(String householdId) {
        return unreadMessages(Objects.requireNonNull(householdId, "householdId")).size();
    }

    /** Unread messages over every conversation on this phone. */
    public int unreadTotal() {
        int total = 0;
        for (Household h : households()) {
            total += unread(h.id());
        }
        return total;
    }

    private List<Message> unreadMessages(String householdId) {
        MessageAuthor me = mySide();
        List<Message> server = serverMessages(householdId);
        int readUpTo = -1;
        Optional<MessageRead> mark = Shelf.MESSAGES_READ.get(store, householdId);
        if (mark.isPresent()) {
            for (int i = 0; i < server.size(); i++) {
                if (server.get(i).id().equals(mark.get().messageId())) {
                    readUpTo = i;
                }
            }
        }
        List<Message> unread = new ArrayList<>();
        for (int i = readUpTo + 1; i < server.size(); i++) {
            Message m = server.get(i);
            if (otherSide(m.from(), me) && m.readAt() == null) {
                unread.add(m);
            }
        }
        return unread;
    }

    private static boolean otherSide(MessageAuthor from, MessageAuthor me) {
        return me == MessageAuthor.HOUSEHOLD ? from.staff() : from == MessageAuthor.HOUSEHOLD;
    }

    private List<Message> serverMessages(String householdId) {
        List<Message> mine = new ArrayList<>();
        for (Message m : Shelf.MESSAGES.all(store)) {
            if (householdId.equals(m.householdId())) {
                mine.add(m);
            }
        }
        mine.sort(ORDER);
        return mine;
    }

    /** Oldest first: by the instant the server received them, then by id. */
    static final Comparator<Message> ORDER = Comparator.comparing((Message m) -> Instant.parse(m.sentAt()))
            .thenComparing(Message::id);

    /** Which side this phone writes for: the family friend, else the household. */
    private MessageAuthor mySide() {
        return side(store);
    }

    private static MessageAuthor side(LocalStore store) {
        Optional<Session> session = Shelf.SESSION.get(store);
        return session.isPresent() && session.get().role() == Role.BUDDY ? MessageAuthor.BUDDY : MessageAuthor.HOUSEHOLD;
    }

    /**
     * A queued message or question as the message it becomes (sentAt: when it was written, unread);
     * empty for other mutations. The sync folds an applied one into the server copy with this.
     */
    static Optional<Message> asMessage(LocalStore store, Mutation m) {
        if (m.type() == MutationType.MESSAGE_SEND) {
            return Optional.of(new Message(m.id(), m.entityId(), side(store), null, m.value(), null, m.createdAt(), null, 0));
        }
        if (m.type() == MutationType.QUESTION_ASK) {
            Optional<Session> session = Shelf.SESSION.get(store);
            String household = session.isPresent() ? session.get().householdId() : null;
            if (household == null) {
                return Optional.empty();
            }
            String lesson = m.entityId() == null || m.entityId().isEmpty() ? null : m.entityId();
            return Optional.of(new Message(m.id(), household, MessageAuthor.HOUSEHOLD, null, m.value(), lesson,
                    m.createdAt(), null, 0));
        }
        return Optional.empty();
    }
}
