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

import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;
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
    public synchronized Optional<Session> session() {
        return Optional.ofNullable(state.session);
    }

    @Override
    public synchronized void saveSession(Session session) {
        state.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public synchronized List<String> languageChain() {
        return copy(state.languageChain);
    }

    @Override
    public synchronized void saveLanguageChain(List<String> chain) {
        state.languageChain = copy(Objects.requireNonNull(chain, "chain"));
    }

    @Override
    public synchronized Optional<ContentPack> contentPack() {
        return Optional.ofNullable(state.pack);
    }

    @Override
    public synchronized Optional<String> contentPackEtag(List<String> requestedChain) {
        if (state.pack == null || !state.packChain.equals(requestedChain)) {
            return Optional.empty();
        }
        return Optional.ofNullable(state.packEtag);
    }

    @Override
    public synchronized void saveContentPack(List<String> requestedChain, String etag, ContentPack pack) {
        state.pack = Objects.requireNonNull(pack, "pack");
        state.packChain = copy(Objects.requireNonNull(requestedChain, "requestedChain"));
        state.packEtag = etag;
    }

    @Override
    public synchronized Optional<String> contentPackVersion(List<String> requestedChain) {
        if (state.pack == null || !state.packChain.equals(requestedChain)) {
            return Optional.empty();
        }
        return Optional.ofNullable(state.pack.version());
    }

    @Override
    public synchronized Optional<Course> course() {
        return Optional.ofNullable(state.course == null ? null : state.course.body);
    }

    @Override
    public synchronized Optional<String> courseEtag(List<String> requestedChain) {
        return etagOf(state.course, requestedChain);
    }

    @Override
    public synchronized void saveCourse(List<String> requestedChain, String etag, Course course) {
        state.course = new Stored<>(copy(Objects.requireNonNull(requestedChain, "requestedChain")), etag,
                Objects.requireNonNull(course, "course"));
    }

    @Override
    public synchronized Optional<Phrasebook> phrasebook() {
        return Optional.ofNullable(state.phrasebook == null ? null : state.phrasebook.body);
    }

    @Override
    public synchronized Optional<String> phrasebookEtag(List<String> requestedChain) {
        return etagOf(state.phrasebook, requestedChain);
    }

    @Override
    public synchronized void savePhrasebook(List<String> requestedChain, String etag, Phrasebook phrasebook) {
        state.phrasebook = new Stored<>(copy(Objects.requireNonNull(requestedChain, "requestedChain")), etag,
                Objects.requireNonNull(phrasebook, "phrasebook"));
    }

    @Override
    public synchronized Optional<Places> places() {
        return Optional.ofNullable(state.places == null ? null : state.places.body);
    }

    @Override
    public synchronized Optional<String> placesEtag(List<String> requestedChain) {
        return etagOf(state.places, requestedChain);
    }

    @Override
    public synchronized void savePlaces(List<String> requestedChain, String etag, Places places) {
        state.places = new Stored<>(copy(Objects.requireNonNull(requestedChain, "requestedChain")), etag,
                Objects.requireNonNull(places, "places"));
    }

    @Override
    public synchronized Optional<String> readingVersion(List<String> requestedChain) {
        if (state.readingVersion == null || !state.readingVersion.chain.equals(requestedChain)) {
            return Optional.empty();
        }
        return Optional.of(state.readingVersion.body);
    }

    @Override
    public synchronized void saveReadingVersion(List<String> requestedChain, String version) {
        state.readingVersion = new Stored<>(copy(Objects.requireNonNull(requestedChain, "requestedChain")), null,
                Objects.requireNonNull(version, "version"));
    }

    @Override
    public synchronized List<CourseProgress> courseProgress() {
        return copy(state.progress.values());
    }

    @Override
    public synchronized void saveCourseProgress(Collection<CourseProgress> progress) {
        for (CourseProgress p : progress) {
            state.progress.put(Objects.requireNonNull(p.householdId(), "household id"), p);
        }
    }

    private static Optional<String> etagOf(Stored<?> stored, List<String> requestedChain) {
        if (stored == null || !stored.chain.equals(requestedChain)) {
            return Optional.empty();
        }
        return Optional.ofNullable(stored.etag);
    }

    /** A document kept with the chain it was fetched for and its validator; immutable. */
    private static final class Stored<T> {
        final List<String> chain;
        final String etag;
        final T body;

        Stored(List<String> chain, String etag, T body) {
            this.chain = chain;
            this.etag = etag;
            this.body = body;
        }
    }

    @Override
    public synchronized List<Household> households() {
        return copy(state.households.values());
    }

    @Override
    public synchronized Optional<Household> household(String id) {
        return Optional.ofNullable(state.households.get(id));
    }

    @Override
    public synchronized void saveHouseholds(Collection<Household> households) {
        for (Household household : households) {
            Objects.requireNonNull(household.id(), "household id");
        }
        for (Household household : households) {
            state.households.put(household.id(), household);
        }
    }

    @Override
    public synchronized List<Mutation> removeHouseholds(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        Set<String> goneTasks = new HashSet<>();
        for (Iterator<Task> it = state.tasks.values().iterator(); it.hasNext(); ) {
            Task task = it.next();
            if (gone.contains(task.householdId())) {
                goneTasks.add(task.id());
                it.remove();
            }
        }
        List<Mutation> removed = new ArrayList<>();
        for (Iterator<Mutation> it = state.outbox.values().iterator(); it.hasNext(); ) {
            Mutation m = it.next();
            if (goneTasks.contains(m.entityId())) {
                removed.add(m);
                it.remove();
            }
        }
        state.households.keySet().removeAll(gone);
        return Collections.unmodifiableList(removed);
    }

    @Override
    public synchronized List<Task> tasks() {
        return copy(state.tasks.values());
    }

    @Override
    public synchronized Optional<Task> task(String id) {
        return Optional.ofNullable(state.tasks.get(id));
    }

    @Override
    public synchronized void saveTasks(Collection<Task> tasks) {
        for (Task task : tasks) {
            Objects.requireNonNull(task.id(), "task id");
        }
        for (Task task : tasks) {
            state.tasks.put(task.id(), task);
        }
    }

    @Override
    public synchronized void deleteTasks(Collection<String> ids) {
        for (String id : ids) {
            state.tasks.remove(id);
        }
    }

    @Override
    public synchronized List<Mutation> outbox() {
        return copy(state.outbox.values());
    }

    @Override
    public synchronized void appendToOutbox(Mutation mutation) {
        Objects.requireNonNull(mutation.id(), "mutation id");
        if (!state.outbox.containsKey(mutation.id())) {
            state.outbox.put(mutation.id(), mutation);
        }
    }

    @Override
    public synchronized void removeFromOutbox(Collection<String> mutationIds) {
        for (String id : mutationIds) {
            state.outbox.remove(id);
        }
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
        for (String id : ids) {
            state.notices.remove(id);
        }
    }

    @Override
    public synchronized void clearSyncedData() {
        state.households.clear();
        state.tasks.clear();
        state.outbox.clear();
        state.notices.clear();
        state.progress.clear();
        state.places = null;
        state.readingVersion = null;
        state.cursor = 0;
    }

    @Override
    public synchronized void wipe() {
        clearSyncedData();
        state.session = null;
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

    private static <T> List<T> copy(Collection<T> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Everything the store holds; copied whole for a transaction's snapshot (records are immutable). */
    private static final class State {
        Session session;
        List<String> languageChain = Collections.emptyList();
        ContentPack pack;
        List<String> packChain = Collections.emptyList();
        String packEtag;
        final Map<String, Household> households = new TreeMap<>();
        final Map<String, Task> tasks = new TreeMap<>();
        final Map<String, Mutation> outbox = new LinkedHashMap<>();
        final Map<String, SyncNotice> notices = new LinkedHashMap<>();
        final Map<String, CourseProgress> progress = new TreeMap<>();
        Stored<Course> course;
        Stored<Phrasebook> phrasebook;
        Stored<Places> places;
        Stored<String> readingVersion;
        long cursor;

        State copy() {
            State c = new State();
            c.session = session;
            c.languageChain = languageChain;
            c.pack = pack;
            c.packChain = packChain;
            c.packEtag = packEtag;
            c.households.putAll(households);
            c.tasks.putAll(tasks);
            c.outbox.putAll(outbox);
            c.notices.putAll(notices);
            c.progress.putAll(progress);
            c.course = course;
            c.phrasebook = phrasebook;
            c.places = places;
            c.readingVersion = readingVersion;
            c.cursor = cursor;
            return c;
        }
    }
}
