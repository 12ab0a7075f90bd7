package nl.welkom.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.ConflictResolution;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.problem.ProblemException;

/**
 * Reads a household's tasks, makes and removes them, and edits them — the one path for every task
 * edit, whether an officer makes it online, a phone pushes it later or an officer restores a
 * conflict's value.
 *
 * <p>Edit rule (docs/sync.md, "Merging and conflicts"): an edit names the {@code baseVersion} it was
 * made on and sets one or more fields. For each field: the same value as now changes nothing (both
 * sides agree); another value is written. When that field had changed after {@code baseVersion}
 * (its field version is higher), the edit overwrites a change its author had not seen: the edit
 * that arrives last wins and a {@link Conflict} row keeps the overwritten value, with who wrote
 * each side. Edits to different fields therefore merge. A write bumps the version once and takes
 * the next change sequence, so phones pull it.
 */
@Singleton
public class TaskService {
    /** The {@code baseVersion} of an edit made on the task as it is now (restoring a conflict's value): never a conflict. */
    public static final long CURRENT = Long.MAX_VALUE;

    private static final String NOT_IN_SCOPE = "No such task in your scope.";
    /** The detail of a refused tick on an officer's task (docs/sync.md, "Who may tick what"). */
    public static final String OFFICERS_TASK = "Only an officer can tick or reopen an officer's task.";
    /** The detail of a refused change of a title or an assignee by anyone but an officer. */
    public static final String OFFICERS_FIELDS = "Only an officer can change a task's title or who does it.";
    private static final Comparator<TaskEntity> JOURNEY_ORDER = Comparator
            .comparing(TaskEntity::stage)
            .thenComparing(TaskEntity::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(TaskEntity::sortOrder)
            .thenComparing(TaskEntity::id);

    private final TaskRepository tasks;
    private final TaskTitleRepository titles;
    private final ConflictRepository conflicts;
    private final TaskFieldAuthor.Authors authors;
    private final ChangeSequence sequence;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final AppUserRepository users;

    TaskService(TaskRepository tasks, TaskTitleRepository titles, ConflictRepository conflicts,
                TaskFieldAuthor.Authors authors, ChangeSequence sequence, HouseholdScope scope, AuditLog audit,
                Clock clock, AppUserRepository users) {
        this.users = users;
        this.tasks = tasks;
        this.titles = titles;
        this.conflicts = conflicts;
        this.authors = authors;
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

    /** The ids of the household's removed tasks (tombstones). Scope is the caller's business. */
    public Set<String> removedTaskIdsOf(String householdId) {
        return tasks.findByHouseholdIdAndDeletedTrue(householdId).stream().map(TaskEntity::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A live task of a household the caller can see, or empty. Not audited (the page that shows it is). */
    public Optional<Task> task(Caller caller, String taskId) {
        return tasks.findById(taskId)
                .filter(row -> !row.deleted() && scope.canSee(caller, row.householdId()))
                .map(row -> withTitles(List.of(row)).get(0));
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
     * An officer makes a task for a household of the own municipality, open, at version 1, with the
     * next change sequence (so phones pull it). Audited.
     *
     * @throws ProblemException 400 when a value is not allowed (nothing is stored), 403 for anyone but
     *                          an officer, 404 when the household is out of scope
     */
    @Transactional
    public Task create(Caller officer, String householdId, NewTask task) {
        return createAll(officer, householdId, List.of(task)).get(0);
    }

    /**
     * Makes several tasks at once (applying templates), all or none; each takes its own change sequence.
     *
     * @throws ProblemException as {@link #create}; a refused task refuses them all
     */
    @Transactional
    public List<Task> createAll(Caller officer, String householdId, List<NewTask> newTasks) {
        requireOfficer(officer);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        for (NewTask task : newTasks) {
            refusal(task).ifPresent(detail -> {
                throw ProblemException.badRequest(detail);
            });
        }
        long now = clock.millis();
        String authorName = authorName(officer);
        int position = liveTasksOf(household.id()).size();
        List<TaskEntity> made = new ArrayList<>();
        for (NewTask task : newTasks) {
            NewTask normalized = new NewTask(task.stage(), task.assignee(), task.titles(),
                    TaskField.DUE_DATE.normalize(task.dueDate()), TaskField.NOTE.normalize(task.note()),
                    task.templateId(), task.lessonSlug());
            TaskEntity row = tasks.save(TaskEntity.made(household.id(), normalized, now, sequence.next(), position++,
                    authorName));
            TaskTitles.merged(Map.of(), task.titles()).forEach((lang, title) ->
                    titles.save(new TaskTitle(UUID.randomUUID().toString(), row.id(), lang, title)));
            made.add(row);
            audit.record(officer, JourneyAudit.TASK_CREATE, household.id());
        }
        return withTitles(made);
    }

    /**
     * An officer removes a task: it stays as a tombstone ({@code deleted}, one version later, the next
     * change sequence) so that phones drop it on their next pull; its open conflicts are closed
     * keeping the current value. Audited.
     *
     * @throws ProblemException 403 for anyone but an officer, 404 when the task does not exist, is
     *                          removed already or its household is out of scope
     */
    @Transactional
    public void remove(Caller officer, String taskId) {
        requireOfficer(officer);
        long seq = sequence.next();
        TaskEntity task = tasks.findById(taskId)
                .filter(row -> !row.deleted() && scope.canSee(officer, row.householdId()))
                .orElseThrow(ProblemException::notFound);
        tasks.update(task.deleted(seq));
        long now = clock.millis();
        conflicts.findByEntityIdAndResolvedAtIsNull(task.id()).forEach(conflict ->
                conflicts.resolve(conflict.id(), now, ConflictResolution.KEEP_CURRENT.name(), officer.userId()));
        audit.record(officer, JourneyAudit.TASK_DELETE, task.householdId());
    }

    /**
     * A staff member sets a task's status ({@code PUT /api/tasks/{id}/status}, the dashboard's button).
     *
     * @throws ProblemException 404 when the task does not exist, is deleted or its household is out of scope
     */
    @Transactional
    public Task setStatus(Caller caller, String taskId, TaskStatus target, long baseVersion) {
        return change(caller, taskId, Map.of(TaskField.STATUS, target.name()), baseVersion).task();
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
        return change(caller, taskId, values, baseVersion).task();
    }

    /**
     * {@link #edit}, also saying which conflict the edit left when it overwrote a change its author
     * had not seen (the dashboard tells the officer on the page it lands on).
     *
     * @throws ProblemException as {@link #edit}; 403 for a title or assignee edit by anyone but an officer
     */
    @Transactional
    public Changed change(Caller caller, String taskId, Map<TaskField, String> values, long baseVersion) {
        Edited edited = apply(caller, taskId, values, baseVersion, null);
        if (edited.task() == null) {
            throw ProblemException.notFound();
        }
        if (edited.outcome() == MutationOutcome.REJECTED) {
            if (OFFICERS_FIELDS.equals(edited.detail()) || OFFICERS_TASK.equals(edited.detail())) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", edited.detail());
            }
            throw ProblemException.badRequest(edited.detail());
        }
        return new Changed(withTitles(List.of(edited.task())).get(0),
                edited.conflictIds().isEmpty() ? null : edited.conflictIds().get(0));
    }

    /**
     * Applies an edit by the edit rule inside the caller's transaction, after checking that
     * {@code actor} may see the task, may change those fields, and that every value is allowed.
     * Takes the next change sequence before reading the task, so that concurrent writers are
     * ordered and the task read is the latest (docs/sync.md, "Terms"). A refusal writes nothing.
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
            return new Edited(MutationOutcome.REJECTED, NOT_IN_SCOPE, null, List.of());
        }
        TaskEntity task = found.get();
        if ((values.containsKey(TaskField.TITLE) || values.containsKey(TaskField.ASSIGNEE)) && actor.role() != Role.OFFICER) {
            return new Edited(MutationOutcome.REJECTED, OFFICERS_FIELDS, task, List.of());
        }
        boolean statusChanges = values.containsKey(TaskField.STATUS)
                && !Objects.equals(TaskField.STATUS.normalize(values.get(TaskField.STATUS)), task.status().name());
        if (statusChanges && !mayChangeStatus(actor, task)) {
            return new Edited(MutationOutcome.REJECTED, OFFICERS_TASK, task, List.of());
        }
        for (Map.Entry<TaskField, String> value : values.entrySet()) {
            Optional<String> refusal = value.getKey().refusal(value.getValue());
            if (refusal.isPresent()) {
                return new Edited(MutationOutcome.REJECTED, refusal.get(), task, List.of());
            }
        }
        Map<String, String> currentTitles = values.containsKey(TaskField.TITLE) ? titlesOf(task.id()) : Map.of();
        long now = clock.millis();
        String actorName = authorName(actor);
        Map<TaskField, String> changes = new EnumMap<>(TaskField.class);
        List<Conflict> overwritten = new ArrayList<>();
        for (Map.Entry<TaskField, String> value : values.entrySet()) {
            TaskField field = value.getKey();
            String current = field.valueOf(task, currentTitles);
            String wanted = field.wanted(current, value.getValue());
            if (Objects.equals(wanted, current)) {
                continue;
            }
            changes.put(field, wanted);
            if (field.versionOf(task) > baseVersion) {
                Author other = lastAuthor(task, field);
                overwritten.add(new Conflict(UUID.randomUUID().toString(), Conflict.TASK, task.id(), task.householdId(),
                        mutationId, actor.userId(), actor.deviceId(), baseVersion, task.version(),
                        current == null ? "" : current, wanted == null ? "" : wanted, now, null, field.wireName(),
                        null, null, actor.role().name(), actorName, other.role(), other.name(), other.at()));
            }
        }
        if (changes.isEmpty()) {
            return new Edited(MutationOutcome.APPLIED, null, task, List.of());
        }
        TaskEntity updated = task.edited(changes, now, seq, actor.role().name(), actorName);
        tasks.update(updated);
        if (changes.containsKey(TaskField.TITLE)) {
            titles.deleteByTaskId(task.id());
            TaskTitles.decode(changes.get(TaskField.TITLE)).forEach((lang, title) ->
                    titles.save(new TaskTitle(UUID.randomUUID().toString(), task.id(), lang, title)));
        }
        if (!overwritten.isEmpty()) {
            conflicts.saveAll(overwritten);
        }
        for (TaskField field : changes.keySet()) {
            authors.record(new TaskFieldAuthor(TaskFieldAuthor.idOf(task.id(), field), task.id(), task.householdId(),
                    field.wireName(), actor.role().name(), actorName, now));
            audit.record(actor, auditAction(field), task.householdId());
        }
        return new Edited(overwritten.isEmpty() ? MutationOutcome.APPLIED : MutationOutcome.APPLIED_WITH_CONFLICT,
                null, updated, overwritten.stream().map(Conflict::id).toList());
    }

    /** Why a new task may not be made, or empty when it may. */
    static Optional<String> refusal(NewTask task) {
        if (task.stage() == null) {
            return Optional.of("stage is required.");
        }
        if (task.assignee() == null) {
            return Optional.of("assignee must be FAMILY, OFFICER or BUDDY.");
        }
        Map<String, String> given = task.titles() == null ? Map.of() : task.titles();
        if (given.getOrDefault(TaskTitles.DUTCH, "").isBlank()) {
            return Optional.of("titles.nl (the Dutch title) is required.");
        }
        for (Map.Entry<String, String> title : given.entrySet()) {
            Optional<String> refusal = TaskTitles.refusal(title.getKey(), title.getValue());
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        Optional<String> due = TaskField.DUE_DATE.refusal(task.dueDate());
        return due.isPresent() ? due : TaskField.NOTE.refusal(task.note());
    }

    private Map<String, String> titlesOf(String taskId) {
        Map<String, String> byLang = new LinkedHashMap<>();
        titles.findByTaskId(taskId).forEach(title -> byLang.put(title.lang(), title.title()));
        return byLang;
    }

    /** Who last wrote {@code field} of {@code task}, as far as is known. */
    private Author lastAuthor(TaskEntity task, TaskField field) {
        Optional<TaskFieldAuthor> recorded = authors.findById(TaskFieldAuthor.idOf(task.id(), field));
        if (recorded.isPresent()) {
            return new Author(recorded.get().authorRole(), recorded.get().authorName(), recorded.get().changedAt());
        }
        if (field == TaskField.NOTE && task.noteByRole() != null) {
            return new Author(task.noteByRole(), task.noteByName(), task.noteAt());
        }
        return new Author(null, null, null);
    }

    private record Author(@Nullable String role, @Nullable String name, @Nullable Long at) {
    }

    /** The name readers see for an author: a staff member's or volunteer's display name; none for a family's phone. */
    @Nullable
    private String authorName(Caller actor) {
        return actor.userId() == null ? null : users.findById(actor.userId()).map(AppUser::displayName).orElse(null);
    }

    private static void requireOfficer(Caller caller) {
        if (caller.role() != Role.OFFICER) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an integration officer can make or remove tasks.");
        }
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
            case DUE_DATE:
                return AuditLog.TASK_DUE_DATE_CHANGE;
            case TITLE:
                return JourneyAudit.TASK_TITLE_CHANGE;
            default:
                return JourneyAudit.TASK_ASSIGNEE_CHANGE;
        }
    }

    /**
     * What {@link #apply} did.
     *
     * @param outcome     the outcome, as a push reports it
     * @param detail      why it was rejected, otherwise null
     * @param task        the task after the edit; null when it is out of the actor's scope
     * @param conflictIds the conflicts the edit left (one per overwritten field), oldest field first
     */
    public record Edited(MutationOutcome outcome, @Nullable String detail, @Nullable TaskEntity task,
                         List<String> conflictIds) {
    }

    /**
     * An online edit's result.
     *
     * @param task       the task after the edit
     * @param conflictId a conflict the edit left, or null when it overwrote nothing unseen
     */
    public record Changed(Task task, @Nullable String conflictId) {
    }
}
