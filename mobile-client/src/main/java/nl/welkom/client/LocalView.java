package nl.welkom.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * What the reader sees: server copies with the pending outbox replayed on top, in order. Pure
 * functions; the store holds the inputs.
 */
final class LocalView {

    /** Journey order: stage, then due date (no deadline last), then id for a stable order. */
    static final Comparator<Task> JOURNEY_ORDER = Comparator
            .comparing((Task t) -> t.stage() == null ? Integer.MAX_VALUE : t.stage().ordinal())
            .thenComparing(t -> t.dueDate() == null ? "\uffff" : t.dueDate())
            .thenComparing(Task::id);

    private LocalView() {
    }

    /**
     * A new edit made on this phone: a client UUID (the server applies it at most once), the server
     * version it is based on (0 where versions do not apply), and when it was made, in milliseconds.
     */
    static Mutation newEdit(MutationType type, String entityId, long baseVersion, String value, java.time.Clock clock) {
        return new Mutation(java.util.UUID.randomUUID().toString(), type, entityId, baseVersion,
                java.time.Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), value);
    }

    static List<Task> tasks(List<Task> serverCopies, List<Mutation> outbox) {
        Map<String, Task> byId = new LinkedHashMap<>();
        for (Task t : serverCopies) {
            byId.put(t.id(), t);
        }
        for (Mutation m : outbox) {
            Task t = byId.get(m.entityId());
            if (t != null) {
                byId.put(t.id(), apply(t, m));
            }
        }
        List<Task> view = new ArrayList<>(byId.values());
        Collections.sort(view, JOURNEY_ORDER);
        return Collections.unmodifiableList(view);
    }

    /** The server copy of one task with its pending mutations replayed. */
    static Task task(Task serverCopy, List<Mutation> outbox) {
        Task t = serverCopy;
        for (Mutation m : outbox) {
            if (t.id().equals(m.entityId())) {
                t = apply(t, m);
            }
        }
        return t;
    }

    /**
     * One mutation's effect on a task. The version stays the server's: only the server assigns
     * versions, and the next pull brings the real one.
     */
    static Task apply(Task t, Mutation m) {
        if (m.type() == null) {
            return t;
        }
        switch (m.type()) {
            case TASK_COMPLETE:
                return withStatus(t, TaskStatus.DONE, m.createdAt());
            case TASK_REOPEN:
                return withStatus(t, TaskStatus.OPEN, null);
            case TASK_SET_NOTE:
                return new Task(t.id(), t.householdId(), t.stage(), t.titles(), t.assignee(), t.dueDate(), t.status(),
                        t.completedAt(), note(m.value()), t.version(), null, null, null);
            default:
                return t;
        }
    }

    /** A note as the server keeps it: an empty or blank value clears the note (docs/sync.md, TASK_SET_NOTE). */
    static String note(String value) {
        return value == null || value.trim().isEmpty() ? null : value;
    }

    private static Task withStatus(Task t, TaskStatus status, String completedAt) {
        return new Task(t.id(), t.householdId(), t.stage(), t.titles(), t.assignee(), t.dueDate(), status,
                completedAt, t.note(), t.version(), t.noteByRole(), t.noteByName(), t.noteAt());
    }
}
