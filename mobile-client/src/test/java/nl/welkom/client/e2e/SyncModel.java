package nl.welkom.client.e2e;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;

/**
 * The oracle of {@link SyncConvergenceIT}: docs/sync.md's rules, written down independently of
 * the server, replayed over every edit in the order it reached the server (the order the test
 * observed: officer edits as they were made, phone pushes as the fault proxy delivered them whole).
 *
 * <ul>
 *   <li><b>At most once</b>: a mutation id takes effect at its first arrival only; later arrivals
 *       answer {@code ALREADY_APPLIED} (or {@code REJECTED} again if it was refused).</li>
 *   <li><b>Per-field merge</b>: an edit of field f based on version b applies when f has not
 *       changed after b; a value equal to the current one changes nothing (both sides agreed).</li>
 *   <li><b>Last arrival wins</b>: when f changed after b to another value, the edit is applied and
 *       the value it overwrites is recorded as a conflict ({@code APPLIED_WITH_CONFLICT}).</li>
 *   <li>A write bumps the task version exactly once and stamps each field it changed with it.</li>
 *   <li>A value the server does not allow (a note with control characters, or longer than 500
 *       characters) is {@code REJECTED} and changes nothing.</li>
 * </ul>
 *
 * The test then demands that the server's tasks, versions and conflict list equal this model's.
 */
final class SyncModel {

    enum Field {
        STATUS("status"),
        NOTE("note"),
        DUE_DATE("dueDate");

        final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }
    }

    /** One task's editable state. Field versions start at 0: every edit in a run is based on a version at least the starting one. */
    static final class TaskState {
        final Map<Field, String> values = new EnumMap<>(Field.class);
        final Map<Field, Long> fieldVersions = new EnumMap<>(Field.class);
        long version;

        TaskState(Task task) {
            values.put(Field.STATUS, task.status().name());
            values.put(Field.NOTE, task.note());
            values.put(Field.DUE_DATE, task.dueDate());
            for (Field f : Field.values()) {
                fieldVersions.put(f, 0L);
            }
            version = task.version();
        }
    }

    /** A recorded overwrite, as {@code GET /api/conflicts} shows it. */
    static String conflict(String taskId, String field, String currentValue, String otherValue) {
        return taskId + " " + field + ": " + currentValue + " overwrote " + otherValue;
    }

    private final Map<String, TaskState> tasks = new LinkedHashMap<>();
    private final Map<String, List<MutationOutcome>> arrivals = new HashMap<>();
    private final List<String> conflicts = new ArrayList<>();
    private int merges;

    SyncModel(List<Task> initial) {
        for (Task t : initial) {
            tasks.put(t.id(), new TaskState(t));
        }
    }

    /** A pushed mutation reached the server (again, perhaps); returns the outcome the server must answer. */
    MutationOutcome arrive(Mutation m) {
        List<MutationOutcome> seen = arrivals.get(m.id());
        if (seen != null) {
            MutationOutcome repeat = seen.get(0) == MutationOutcome.REJECTED
                    ? MutationOutcome.REJECTED : MutationOutcome.ALREADY_APPLIED;
            seen.add(repeat);
            return repeat;
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        switch (m.type()) {
            case TASK_COMPLETE:
                values.put(Field.STATUS, "DONE");
                break;
            case TASK_REOPEN:
                values.put(Field.STATUS, "OPEN");
                break;
            default:
                values.put(Field.NOTE, m.value());
                break;
        }
        MutationOutcome outcome = apply(m.entityId(), values, m.baseVersion());
        List<MutationOutcome> list = new ArrayList<>();
        list.add(outcome);
        arrivals.put(m.id(), list);
        return outcome;
    }

    /** An officer's {@code PATCH /api/tasks/{id}}. */
    MutationOutcome officerEdit(String taskId, Map<Field, String> values, long baseVersion) {
        return apply(taskId, values, baseVersion);
    }

    private MutationOutcome apply(String taskId, Map<Field, String> values, long base) {
        TaskState task = tasks.get(taskId);
        if (task == null) {
            return MutationOutcome.REJECTED;
        }
        for (Map.Entry<Field, String> v : values.entrySet()) {
            if (!allowed(v.getKey(), v.getValue())) {
                return MutationOutcome.REJECTED;
            }
        }
        Map<Field, String> changes = new EnumMap<>(Field.class);
        boolean conflicted = false;
        for (Map.Entry<Field, String> v : values.entrySet()) {
            Field f = v.getKey();
            String wanted = normalize(f, v.getValue());
            String current = task.values.get(f);
            boolean changedSinceBase = task.fieldVersions.get(f) > base;
            if (Objects.equals(wanted, current)) {
                if (changedSinceBase) {
                    merges++; // a same-field edit that agreed with the other side
                }
                continue;
            }
            changes.put(f, wanted);
            if (changedSinceBase) {
                conflicts.add(conflict(taskId, f.wireName, wanted, current));
                conflicted = true;
            }
        }
        if (changes.isEmpty()) {
            return MutationOutcome.APPLIED;
        }
        task.version++;
        for (Map.Entry<Field, String> c : changes.entrySet()) {
            task.values.put(c.getKey(), c.getValue());
            task.fieldVersions.put(c.getKey(), task.version);
        }
        return conflicted ? MutationOutcome.APPLIED_WITH_CONFLICT : MutationOutcome.APPLIED;
    }

    private static boolean allowed(Field f, String value) {
        if (f != Field.NOTE || value == null) {
            return true;
        }
        if (value.codePointCount(0, value.length()) > 500) {
            return false;
        }
        return value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** Stored form: an empty or blank note or due date is no value. */
    private static String normalize(Field f, String value) {
        if (f == Field.STATUS || value == null) {
            return value;
        }
        if (value.trim().isEmpty()) {
            return null;
        }
        if (f == Field.DUE_DATE) {
            try {
                return LocalDate.parse(value.trim()).toString();
            } catch (DateTimeParseException e) {
                return value.trim();
            }
        }
        return value;
    }

    TaskState task(String id) {
        return tasks.get(id);
    }

    Map<String, TaskState> tasks() {
        return Collections.unmodifiableMap(tasks);
    }

    /** The outcome of every arrival of a mutation id, in order; empty when it never reached the server. */
    List<MutationOutcome> arrivals(String mutationId) {
        List<MutationOutcome> a = arrivals.get(mutationId);
        return a == null ? Collections.<MutationOutcome>emptyList() : Collections.unmodifiableList(a);
    }

    /** Every overwrite recorded, in order. */
    List<String> conflicts() {
        return Collections.unmodifiableList(conflicts);
    }

    /** Same-field edits that met an equal value (merged without a conflict). */
    int merges() {
        return merges;
    }
}
