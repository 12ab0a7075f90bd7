package nl.welkom.journey;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.problem.ProblemException;

/**
 * Reads a household's tasks and changes their status — the one path for every status edit,
 * whether an officer makes it online or a phone pushes it later.
 *
 * <p>Edit rule: an edit names the {@code baseVersion} it was made on. If the task already has
 * the wanted status, nothing changes. Otherwise the edit is applied (version + 1, next change
 * sequence); when the status had changed after {@code baseVersion}, the edit overrides a change
 * its author had not seen, so a {@link Conflict} row keeps both values for review.
 */
@Singleton
public class TaskService {
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

    TaskService(TaskRepository tasks, TaskTitleRepository titles, ConflictRepository conflicts,
                ChangeSequence sequence, HouseholdScope scope, AuditLog audit, Clock clock) {
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
        List<TaskEntity> live = tasks.findByHouseholdIdAndDeletedFalse(householdId).stream()
                .sorted(JOURNEY_ORDER)
                .toList();
        return withTitles(live);
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
     * A staff member sets a task's status ({@code PUT /api/tasks/{id}/status}).
     *
     * @throws ProblemException 404 when the task does not exist, is deleted or its household is out of scope
     */
    @Transactional
    public Task setStatus(Caller caller, String taskId, TaskStatus target, long baseVersion) {
        TaskEntity task = tasks.findById(taskId)
                .filter(row -> !row.deleted())
                .orElseThrow(ProblemException::notFound);
        scope.requireVisible(caller, task.householdId());
        apply(task, target, baseVersion, caller, null);
        TaskEntity saved = tasks.findById(taskId).orElseThrow(ProblemException::notFound);
        return withTitles(List.of(saved)).get(0);
    }

    /**
     * Applies a status edit to {@code task} by the edit rule above, inside the caller's transaction.
     * Scope must already be checked.
     *
     * @param mutationId the phone's mutation id, recorded with a conflict; null for online edits
     * @return {@link MutationOutcome#APPLIED} or {@link MutationOutcome#APPLIED_WITH_CONFLICT}
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public MutationOutcome apply(TaskEntity task, TaskStatus target, long baseVersion, Caller actor,
                                 @Nullable String mutationId) {
        if (task.status() == target) {
            return MutationOutcome.APPLIED;
        }
        boolean unseenStatusChange = task.version() != baseVersion && task.statusVersion() > baseVersion;
        long now = clock.millis();
        tasks.update(task.withStatus(target, now, sequence.next()));
        audit.record(actor, AuditLog.TASK_STATUS_CHANGE, task.householdId());
        if (!unseenStatusChange) {
            return MutationOutcome.APPLIED;
        }
        conflicts.save(new Conflict(UUID.randomUUID().toString(), "task", task.id(), task.householdId(), mutationId,
                actor.userId(), actor.deviceId(), baseVersion, task.version(),
                "{\"status\":\"" + task.status() + "\",\"version\":" + task.version() + "}",
                "{\"status\":\"" + target + "\",\"baseVersion\":" + baseVersion + "}",
                now, null));
        return MutationOutcome.APPLIED_WITH_CONFLICT;
    }
}
