package nl.welkom.client.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import nl.welkom.model.sync.Mutation;

/**
 * A {@link LocalStore} in memory: a real implementation for tests and previews (it passes the same
 * contract test as the SQLite store), forgetting everything when the process ends. Transactions
 * take a snapshot of the state and restore it when the work throws.
 */
public final class InMemoryLocalStore implements LocalStore {

    private State state = new State();
    private final Deque<State> snapshots = new ArrayDeque<>();

    @Override
    public synchronized Optional<StoredDocument> document(String kind, String key) {
        return Optional.ofNullable(state.documents.get(key(Objects.requireNonNull(kind, "kind"),
                Objects.requireNonNull(key, "key"))));
    }

    @Override
    public synchronized void putDocument(StoredDocument document) {
        state.documents.put(key(document.kind(), document.key()), document);
    }

    @Override
    public synchronized void deleteDocument(String kind, String key) {
        state.documents.remove(key(kind, key));
    }

    @Override
    public synchronized List<StoredRecord> records(String kind) {
        Map<String, StoredRecord> ofKind = state.records.get(Objects.requireNonNull(kind, "kind"));
        return ofKind == null ? Collections.<StoredRecord>emptyList() : copy(ofKind.values());
    }

    @Override
    public synchronized Optional<StoredRecord> record(String kind, String id) {
        Map<String, StoredRecord> ofKind = state.records.get(Objects.requireNonNull(kind, "kind"));
        return Optional.ofNullable(ofKind == null ? null : ofKind.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized void putRecords(Collection<StoredRecord> records) {
        for (StoredRecord r : records) {
            Objects.requireNonNull(r, "record");
        }
        for (StoredRecord r : records) {
            Map<String, StoredRecord> ofKind = state.records.get(r.kind());
            if (ofKind == null) {
                ofKind = new TreeMap<>();
                state.records.put(r.kind(), ofKind);
            }
            ofKind.put(r.id(), r);
        }
    }

    @Override
    public synchronized void deleteRecords(String kind, Collection<String> ids) {
        Map<String, StoredRecord> ofKind = state.records.get(Objects.requireNonNull(kind, "kind"));
        if (ofKind != null) {
            ofKind.keySet().removeAll(ids);
        }
    }

    @Override
    public synchronized List<Mutation> removeHouseholds(Collection<String> householdIds) {
        Set<String> gone = new HashSet<>(householdIds);
        Set<String> entities = new HashSet<>();
        for (Map<String, StoredRecord> ofKind : state.records.values()) {
            for (Iterator<StoredRecord> it = ofKind.values().iterator(); it.hasNext(); ) {
                StoredRecord r = it.next();
                if (r.householdId() != null && gone.contains(r.householdId())) {
                    entities.add(r.id());
                    it.remove();
                }
            }
        }
        List<Mutation> removed = new ArrayList<>();
        for (Iterator<Mutation> it = state.outbox.values().iterator(); it.hasNext(); ) {
            Mutation m = it.next();
            if (entities.contains(m.entityId())) {
                removed.add(m);
                it.remove();
            }
        }
        return Collections.unmodifiableList(removed);
    }

    @Override
    public synchronized List<Mutation> outbox() {
        return copy(state.outbox.values());
    }

    @Override
    public synchronized void appendToOutbox(Mutation mutation) {
        Objects.requireNonNull(mutation.id(), "mutation id");
        Objects.requireNonNull(mutation.type(), "mutation type");
        Objects.requireNonNull(mutation.entityId(), "mutation entityId");
        if (!state.outbox.containsKey(mutation.id())) {
            state.outbox.put(mutation.id(), mutation);
        }
    }

    @Override
    public synchronized void removeFromOutbox(Collection<String> mutationIds) {
        state.outbox.keySet().removeAll(mutationIds);
    }

    @Override
    public synchronized long syncCursor() {
        return state.cursor;
    }

    @Override
    public synchronized void saveSyncCursor(long cursor) {
        state.cursor = cursor;
    }

    @Override
    public synchronized List<SyncNotice> notices() {
        return copy(state.notices.values());
    }

    @Override
    public synchronized void addNotice(SyncNotice notice) {
        if (!state.notices.containsKey(notice.id())) {
            state.notices.put(notice.id(), notice);
        }
    }

    @Override
    public synchronized void removeNotices(Collection<String> ids) {
        state.notices.keySet().removeAll(ids);
    }

    @Override
    public synchronized void forget(Collection<String> documentKinds) {
        Set<String> kinds = new HashSet<>(documentKinds);
        state.records.clear();
        state.outbox.clear();
        state.notices.clear();
        state.cursor = 0;
        state.documents.values().removeIf(d -> kinds.contains(d.kind()));
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        snapshots.push(state.copy());
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            state = snapshots.peek();
            throw e;
        } finally {
            snapshots.pop();
        }
    }

    private static String key(String kind, String key) {
        return kind + '\u0000' + key;
    }

    private static <T> List<T> copy(Collection<T> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Everything the store holds; copied for a transaction's snapshot (documents and records are immutable). */
    private static final class State {
        final Map<String, StoredDocument> documents = new LinkedHashMap<>();
        final Map<String, Map<String, StoredRecord>> records = new TreeMap<>();
        final Map<String, Mutation> outbox = new LinkedHashMap<>();
        final Map<String, SyncNotice> notices = new LinkedHashMap<>();
        long cursor;

        State copy() {
            State c = new State();
            c.documents.putAll(documents);
            for (Map.Entry<String, Map<String, StoredRecord>> e : records.entrySet()) {
                c.records.put(e.getKey(), new TreeMap<>(e.getValue()));
            }
            c.outbox.putAll(outbox);
            c.notices.putAll(notices);
            c.cursor = cursor;
            return c;
        }
    }
}
