package nl.welkom.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.device.DeviceService;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdReader;
import nl.welkom.household.HouseholdScope;
import nl.welkom.journey.ConflictService;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskService;
import nl.welkom.model.household.Household;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;

/**
 * Reads what the household pages show, always through {@link HouseholdScope}, and audits each
 * read: the list as {@link AuditLog#HOUSEHOLD_LIST}, a household page as
 * {@link AuditLog#HOUSEHOLD_READ} and {@link AuditLog#TASKS_READ} ({@link HouseholdReader} and
 * {@link TaskService#tasksOf} do not audit themselves).
 */
@Singleton
final class HouseholdPages {
    /** Which open task the list shows as "next": the earliest due date, then journey order. */
    private static final Comparator<TaskEntity> NEXT_DUE = Comparator
            .comparing(TaskEntity::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskEntity::stage)
            .thenComparingInt(TaskEntity::sortOrder)
            .thenComparing(TaskEntity::id);

    private final HouseholdScope scope;
    private final HouseholdReader reader;
    private final TaskService taskService;
    private final TaskOverviewRepository overview;
    private final ConflictService conflicts;
    private final DeviceService devices;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdPages(HouseholdScope scope, HouseholdReader reader, TaskService taskService,
                   TaskOverviewRepository overview, ConflictService conflicts, DeviceService devices, AuditLog audit,
                   Clock clock) {
        this.scope = scope;
        this.reader = reader;
        this.taskService = taskService;
        this.overview = overview;
        this.conflicts = conflicts;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The caller's households (minimal fields for a buddy) with task progress and the next task due;
     * four queries for any number of households.
     */
    List<HouseholdRow> list(Viewer viewer) {
        Caller caller = viewer.caller();
        Display display = viewer.display();
        List<HouseholdEntity> households = scope.visibleHouseholds(caller);
        List<HouseholdRow> rows = new ArrayList<>();
        if (!households.isEmpty()) {
            Map<String, List<TaskEntity>> tasksByHousehold = overview.findByHouseholdIdInAndDeletedFalse(
                            households.stream().map(HouseholdEntity::id).toList()).stream()
                    .collect(Collectors.groupingBy(TaskEntity::householdId));
            Map<String, TaskEntity> nextByHousehold = new HashMap<>();
            tasksByHousehold.forEach((householdId, tasks) -> tasks.stream()
                    .filter(task -> task.status() == TaskStatus.OPEN)
                    .min(NEXT_DUE)
                    .ifPresent(next -> nextByHousehold.put(householdId, next)));
            Map<String, Task> nextWithTitles = taskService.withTitles(List.copyOf(nextByHousehold.values())).stream()
                    .collect(Collectors.toMap(Task::id, Function.identity()));
            LocalDate today = display.today(clock);
            for (Household household : reader.read(caller, households)) {
                List<TaskEntity> tasks = tasksByHousehold.getOrDefault(household.id(), List.of());
                int done = (int) tasks.stream().filter(task -> task.status() == TaskStatus.DONE).count();
                HouseholdRow.NextTask next = Optional.ofNullable(nextByHousehold.get(household.id()))
                        .map(task -> nextTask(nextWithTitles.get(task.id()), display, today))
                        .orElse(null);
                rows.add(HouseholdRow.of(household, display, done, tasks.size(), next));
            }
        }
        audit.record(caller, AuditLog.HOUSEHOLD_LIST, null);
        return rows;
    }

    /**
     * One household's page (minimal fields for a buddy); for an officer with its open conflicts and
     * its phones.
     *
     * @throws nl.welkom.problem.ProblemException 404 when the household is out of the caller's scope
     */
    HouseholdDetail detail(Viewer viewer, String householdId) {
        Caller caller = viewer.caller();
        Display display = viewer.display();
        HouseholdEntity household = scope.requireVisible(caller, householdId);
        LocalDate today = display.today(clock);
        List<Task> taskList = taskService.tasksOf(household.id());
        List<TaskRow> tasks = taskList.stream().map(task -> TaskRow.of(task, display, today)).toList();
        List<HouseholdDetail.ConflictRow> conflictRows = List.of();
        List<HouseholdDetail.DeviceRow> deviceRows = List.of();
        if (caller.role() == Role.OFFICER) {
            Map<String, Display.Text> titles = taskList.stream()
                    .collect(Collectors.toMap(Task::id, task -> display.title(task.titles())));
            conflictRows = conflicts.openDetailsInHousehold(caller, household.id()).stream()
                    .map(conflict -> HouseholdDetail.ConflictRow.of(conflict,
                            titles.getOrDefault(conflict.record().entityId(), new Display.Text("", "nl")), display))
                    .toList();
            deviceRows = devices.devicesOf(caller, household.id()).stream()
                    .map(device -> HouseholdDetail.DeviceRow.of(device, display))
                    .toList();
        }
        HouseholdDetail detail = HouseholdDetail.of(reader.read(caller, household), display, tasks, conflictRows, deviceRows);
        audit.record(caller, AuditLog.HOUSEHOLD_READ, household.id());
        audit.record(caller, AuditLog.TASKS_READ, household.id());
        return detail;
    }

    /**
     * Whether {@code taskId} is a live task of {@code householdId}, which the caller must be able to see.
     *
     * @throws nl.welkom.problem.ProblemException 404 when the household is out of the caller's scope
     */
    boolean hasTask(Caller caller, String householdId, String taskId) {
        HouseholdEntity household = scope.requireVisible(caller, householdId);
        return taskService.tasksOf(household.id()).stream().anyMatch(task -> task.id().equals(taskId));
    }

    /**
     * The household a page about one of its codes or phones is headed with (a new activation code,
     * the confirmation before revoking a phone). Not audited again: creating the code is
     * ({@link AuditLog#ACTIVATION_CODE_CREATE}), and the household page that lists the phones is.
     */
    HouseholdEntity household(Caller caller, String householdId) {
        return scope.requireVisible(caller, householdId);
    }

    private static HouseholdRow.NextTask nextTask(Task task, Display display, LocalDate today) {
        LocalDate due = Display.parseDate(task.dueDate());
        return new HouseholdRow.NextTask(display.title(task.titles()), display.date(due),
                due != null && due.isBefore(today));
    }
}
