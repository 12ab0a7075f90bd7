package nl.welkom.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The households on this phone and their journey: tasks as the reader sees them (the server's copy
 * with the edits waiting in the outbox on top), and the edits a reader makes offline. Get it from
 * {@link Welkom#journey()}. Reads touch the store only; edits are queued in the outbox in one
 * transaction and sent by {@link Welkom#sync}.
 */
public final class Journey {

    private final LocalStore store;
    private final Clock clock;

    Journey(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Longest task note the server accepts (docs/sync.md, TASK_SET_NOTE), in characters (Unicode code points). */
    public static final int MAX_NOTE_LENGTH = 500;

    /**
     * Whether a phone — the family's or the family friend's — may tick or reopen this task: the
     * server's rule "Who may tick what" (docs/sync.md): an officer's own task ({@code OFFICER}) only
     * an officer, every other task the family and its friend. Screens offer ticking only where this
     * is true; the server refuses the rest.
     */
    public static boolean mayTick(Task task) {
        return task.assignee() != TaskAssignee.OFFICER;
    }

    /**
     * A newcomer device's own household (the session's) as last pulled; empty before the first
     * sync, and on a buddy's phone (see {@link #households()}). Reads the store only.
     */
    public Optional<Household> household() {
        Optional<Session> session = Shelf.SESSION.get(store);
        if (!session.isPresent() || session.get().householdId() == null) {
            return Optional.empty();
        }
        return Shelf.HOUSEHOLDS.get(store, session.get().householdId());
    }

    /**
     * Every household this phone holds, ordered by id: the own one on a newcomer's device, the
     * matched ones on a buddy's phone. Reads the store only.
     */
    public List<Household> households() {
        return Shelf.HOUSEHOLDS.all(store);
    }

    /**
     * All tasks on this phone as the reader should see them: the server's copy with the edits still
     * waiting in the outbox applied on top, ordered by journey stage, then due date (none last).
     * Reads the store only.
     */
    public List<Task> tasks() {
        return LocalView.tasks(Shelf.TASKS.all(store), store.outbox());
    }

    /** The tasks of one household, like {@link #tasks()}. Reads the store only. */
    public List<Task> tasks(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        List<Task> mine = new ArrayList<>();
        for (Task t : tasks()) {
            if (householdId.equals(t.householdId())) {
                mine.add(t);
            }
        }
        return Collections.unmodifiableList(mine);
    }

    /** Ids of tasks with an edit waiting to be sent (for a "waiting to sync" mark). Reads the store only. */
    public Set<String> pendingTaskIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Mutation m : store.outbox()) {
            ids.add(m.entityId());
        }
        return Collections.unmodifiableSet(ids);
    }

    /**
     * Marks a task done. Works fully offline: the task shows as done at once and a
     * {@code TASK_COMPLETE} mutation (new client UUID, base version = the task's server version,
     * createdAt = now) is appended to the outbox in the same transaction; {@link Welkom#sync} sends it.
     * A task that already shows as done is returned unchanged and nothing is queued.
     *
     * <p>Toggling a task twice before a sync queues both mutations, in order; they are never
     * coalesced, because a mutation may already have reached the server in a push whose answer was
     * lost, and cancelling it locally would leave phone and server disagreeing for good.
     *
     * @return the task as it now shows
     * @throws IllegalArgumentException when no task with that id is on this phone
     */
    public Task complete(String taskId) {
        return edit(taskId, MutationType.TASK_COMPLETE, TaskStatus.DONE);
    }

    /**
     * Marks a done task open again; otherwise exactly like {@link #complete(String)} (offline,
     * queued as {@code TASK_REOPEN}, a task that already shows as open is returned unchanged).
     *
     * @throws IllegalArgumentException when no task with that id is on this phone
     */
    public Task reopen(String taskId) {
        return edit(taskId, MutationType.TASK_REOPEN, TaskStatus.OPEN);
    }

    /**
     * Sets the household's own note on a task ("appointment Tuesday 10:00"); an empty note clears
     * it. Works fully offline, like {@link #complete(String)}: the note shows at once and a
     * {@code TASK_SET_NOTE} mutation carrying the note is queued. A note equal to the one shown
     * queues nothing. When someone else changed the note meanwhile, the edit that reaches the
     * server last wins and the overwritten note is kept on the server as a conflict
     * ({@link SyncNotice.Kind#CONFLICT}). The server has the last word on what a note may hold
     * (it refuses control characters other than line breaks and tabs); a refused note comes back
     * as a {@link SyncNotice.Kind#REJECTED} notice and the old note shows again.
     *
     * @param note the note, at most {@link #MAX_NOTE_LENGTH} characters; null, empty or blank clears it
     * @return the task as it now shows
     * @throws IllegalArgumentException when no task with that id is on this phone, or the note is too long
     */
    public Task setNote(String taskId, String note) {
        String value = note == null ? "" : note;
        if (value.codePointCount(0, value.length()) > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("A note has at most " + MAX_NOTE_LENGTH + " characters");
        }
        return edit(taskId, MutationType.TASK_SET_NOTE, value,
                shown -> Objects.equals(shown.note(), LocalView.note(value)));
    }

    private Task edit(String taskId, MutationType type, TaskStatus target) {
        return edit(taskId, type, null, shown -> shown.status() == target);
    }

    private Task edit(String taskId, MutationType type, String value, Predicate<Task> alreadyShown) {
        Objects.requireNonNull(taskId, "taskId");
        Task[] result = new Task[1];
        store.inTransaction(() -> {
            Task serverCopy = Shelf.TASKS.get(store, taskId)
                    .orElseThrow(() -> new IllegalArgumentException("No task " + taskId + " on this phone"));
            Task shown = LocalView.task(serverCopy, store.outbox());
            if (alreadyShown.test(shown)) {
                result[0] = shown;
                return;
            }
            Mutation mutation = LocalView.newEdit(type, taskId, serverCopy.version(), value, clock);
            store.appendToOutbox(mutation);
            result[0] = LocalView.apply(shown, mutation);
        });
        return result[0];
    }
}
