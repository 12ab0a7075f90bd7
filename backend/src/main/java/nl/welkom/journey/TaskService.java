package nl.welkom.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.problem.ProblemException;

/**
 * Reads a household's tasks and edits them — the one path for every task edit, whether an officer
 * makes it online, a phone pushes it later or an officer restores a conflict's value.
 *
 * <p>Edit rule (docs/sync.md, "Merging and conflicts"): an edit names the {@code baseVersion} it was
 * made on and sets one or more fields. For each field: the same value as now changes nothing (both
 * sides agree); another value is written. When that field had changed after {@code baseVersion}
 * (its field version is higher), the edit overwrites a change its author had not seen: the edit
 * that arrives last wins and a {@link Conflict} row keeps the overwritten value. Edits to different
 * fields therefore merge. A write bumps the version once and takes the next change sequence.
 */
@Singleton
public class TaskService {
    /** The {@code baseVersion} of an edit made on the task as it is now (restoring a conflict's value): never a conflict. */
    public static final long CURRENT = Long.MAX_VALUE;

    private static final String NOT_IN_SCOPE = "No such task in your scope.";
    /** The detail of a refused tick on an officer's task (docs/sync.md, "Who may tick what"). */
    public static final String OFFICERS_TASK = "Only an officer can tick or reopen an officer's task.";
    private static final Comparator<TaskEntity> JOURNEY_ORDER = Comparator
            .comparing(TaskEntity::stage)
            .thenComparing(TaskEntity::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(TaskEntity::sortOrder)
            .thenComparing(TaskEntity::id);

    private final TaskRepository tasks;
    private final TaskTitleRepository titles;
    private final ConflictRepository conflicts;
    private final ChangeSequence sequence;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final Clock clock;

    private final AppUserRepository users;

    TaskService(TaskRepository tasks, TaskTitleRepository titles, ConflictRepository conflicts,
                ChangeSequence sequence, HouseholdScope scope, AuditLog audit, Clock clock, AppUserRepository users) {
        this.users = users;
        this.tasks = tasks;
        this.titles = titles;
        this.conflicts = conflicts;
        this.sequence = sequence;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's live tasks ordered by stage, then due date (none last). Scope is the caller's business. */
    public List<Task> tasksOf(String householdId) {
        return withTitles(liveTasksOf(householdId).stream().sorted(JOURNEY_ORDER).toList());
    }

    /** The household's live task rows, in no particular order. Scope is the caller's business. */
    public List<TaskEntity> liveTasksOf(String householdId) {
        return tasks.findByHouseholdIdAndDeletedFalse(householdId);
    }

    /** The wire form of each task, titles included (one query), in the given order. */
    public List<Task> withTitles(List<TaskEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> byTask = new HashMap<>();
        rows.forEach(row -> byTask.put(row.id(), new HashMap<>()));
        for (TaskTitle title : titles.findByTaskIdIn(byTask.keySet())) {
            byTask.get(title.taskId()).put(title.lang(), title.title());
        }
        return rows.stream().map(row -> row.asModel(byTask.get(row.id()))).toList();
    }

    /**
     * A staff member sets a task's status ({@code PUT /api/tasks/{id}/status}, the dashboard's button).
     *
     * @throws ProblemException 404 when the task does not exist, is deleted or its household is out of scope
     */
    @Transactional
    public Task setStatus(Caller caller, String taskId, TaskStatus target, long baseVersion) {
        Map<TaskField, String> values = new EnumMap<>(TaskField.class);
        values.put(TaskField.STATUS, target.name());
        return edit(caller, taskId, values, baseVersion);
    }

    /**
     * A staff member edits one or more fields of a task by the edit rule ({@code PATCH /api/tasks/{id}}).
     *
     * @param values the new value per field; null clears a note or due date
     * @return the task as it is after the edit
     * @throws ProblemException 400 when a value is not allowed, 404 when the task does not exist, is
     *                          deleted or its household is out of scope
     */
    @Transactional
    public Task edit(Caller caller, String taskId, Map<TaskField, String> values, long baseVersion) {
        Edited edited = apply(caller, taskId, values, baseVersion, null);
        if (edited.task() == null) {
            throw ProblemException.notFound();
        }
        if (edited.outcome() == MutationOutcome.REJECTED) {
            throw ProblemException.badRequest(edited.detail());
        }
        return withTitles(List.of(edited.task())).get(0);
    }

    /**
     * Applies an edit by the edit rule inside the caller's transaction, after checking that
     * {@code actor} may see the task and that every value is allowed. Takes the next change
     * sequence before reading the task, so that concurrent writers are ordered and the task read
     * is the latest (docs/sync.md, "Terms").
     *
     * @param values     the new value per field (null: no note, no due date)
     * @param mutationId the phone's mutation id, recorded with a conflict; null for online edits
     * @return {@link MutationOutcome#APPLIED}, {@link MutationOutcome#APPLIED_WITH_CONFLICT}, or
     *         {@link MutationOutcome#REJECTED} with a detail (and no task when it is out of scope)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Edited apply(Caller actor, String taskId, Map<TaskField, String> values, long baseVersion,
                        @Nullable String mutationId) {
        long seq = sequence.next();
        Optional<TaskEntity> found = tasks.findById(taskId)
                .filter(row -> !row.deleted() && scope.canSee(actor, row.householdId()));
        if (found.isEmpty()) {
            return new Edited(MutationOutcome.REJECTED, NOT_IN_SCOPE, null);
        }
        TaskEntity task = found.get();
        boolean statusChanges = values.containsKey(TaskField.STATUS)
                && !Objects.equals(TaskField.STATUS.normalize(values.get(TaskField.STATUS)), TaskField.STATUS.valueOf(task));
        if (statusChanges && !mayChangeStatus(actor, task)) {
            return new Edited(MutationOutcome.REJECTED, OFFICERS_TASK, task);
        }
        for (Map.Entry<TaskField, String> value : values.entrySet()) {
            Optional<String> refusal = value.getKey().refusal(value.getValue());
            if (refusal.isPresent()) {
                return new Edited(MutationOutcome.REJECTED, refusal.get(), task);
            }
        }
        long now = clock.millis();
        Map<TaskField, String> changes = new EnumMap<>(TaskField.class);
        List<Conflict> overwritten = new ArrayList<>();
        for (Map.Entry<TaskField, String> value : values.entrySet()) {
            TaskField field = value.getKey();
            String wanted = field.normalize(value.getValue());
            String current = field.valueOf(task);
            if (Objects.equals(wanted, current)) {
                continue;
            }
            changes.put(field, wanted);
            if (field.versionOf(task) > baseVersion) {
                overwritten.add(new Conflict(UUID.randomUUID().toString(), Conflict.TASK, task.id(), task.householdId(),
                        mutationId, actor.userId(), actor.deviceId(), baseVersion, task.version(),
                        current == null ? "" : current, wanted == null ? "" : wanted, now, null, field.wireName(),
                        null, null));
            }
        }
        if (changes.isEmpty()) {
            return new Edited(MutationOutcome.APPLIED, null, task);
        }
        TaskEntity updated = task.edited(changes, now, seq, actor.role().name(), authorName(actor));
        tasks.update(updated);
        if (!overwritten.isEmpty()) {
            conflicts.saveAll(overwritten);
        }
        changes.keySet().forEach(field -> audit.record(actor, auditAction(field), task.householdId()));
        return new Edited(overwritten.isEmpty() ? MutationOutcome.APPLIED : MutationOutcome.APPLIED_WITH_CONFLICT,
                null, updated);
    }

    /** The name a note's readers see for its author: a staff member's or volunteer's display name; none for a family's phone. */
    @io.micronaut.core.annotation.Nullable
    private String authorName(Caller actor) {
        return actor.userId() == null ? null : users.findById(actor.userId()).map(AppUser::displayName).orElse(null);
    }

    /**
     * Who may tick or reopen what: an officer's task only an officer (it is the municipality's work,
     * such as finalising the PIP); the family's and the buddy's tasks the family, the buddy or the
     * officer. Notes and due dates are not restricted here: anyone in scope may write a note.
     */
    static boolean mayChangeStatus(Caller actor, TaskEntity task) {
        return task.assignee() != TaskAssignee.OFFICER || actor.role() == Role.OFFICER;
    }

    private static String auditAction(TaskField field) {
        switch (field) {
            case STATUS:
                return AuditLog.TASK_STATUS_CHANGE;
            case NOTE:
                return AuditLog.TASK_NOTE_CHANGE;
            default:
                return AuditLog.TASK_DUE_DATE_CHANGE;
        }
    }

    /**
     * What {@link #apply} did.
     *
     * @param outcome the outcome, as a push reports it
     * @param detail  why it was rejected, otherwise null
     * @param task    the task after the edit; null when it is out of the actor's scope
     */
    public record Edited(MutationOutcome outcome, @Nullable String detail, @Nullable TaskEntity task) {
    }
}
