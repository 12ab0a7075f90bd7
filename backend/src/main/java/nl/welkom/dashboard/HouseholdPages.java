package nl.welkom.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.device.DeviceService;
import nl.welkom.household.Caseload;
import nl.welkom.household.CaseloadFilter;
import nl.welkom.household.CaseloadPage;
import nl.welkom.household.CaseloadRow;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdReader;
import nl.welkom.household.HouseholdScope;
import nl.welkom.journey.ConflictService;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskService;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;

/**
 * Reads what the household pages show, always through {@link HouseholdScope}, and audits each
 * read: the list as {@link AuditLog#HOUSEHOLD_LIST} (by {@link Caseload}), a household page as
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
    private final Caseload caseload;
    private final ConflictService conflicts;
    private final DeviceService devices;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdPages(HouseholdScope scope, HouseholdReader reader, TaskService taskService,
                   TaskOverviewRepository overview, Caseload caseload, ConflictService conflicts, DeviceService devices,
                   AuditLog audit, Clock clock) {
        this.scope = scope;
        this.reader = reader;
        this.taskService = taskService;
        this.overview = overview;
        this.caseload = caseload;
        this.conflicts = conflicts;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One page of the viewer's caseload (minimal fields for a buddy), searched, filtered and sorted as
     * the URL's query parameters ask ({@link CaseloadFilter#lenient}: what is not understood is
     * ignored, a page past the end shows the last), with each household's next task due. The same
     * six queries for any number of households: the caseload's four, the page's open tasks and their
     * titles; audited as a list read by {@link Caseload}.
     */
    CaseloadView list(Viewer viewer, Map<String, List<String>> parameters) {
        Caller caller = viewer.caller();
        Display display = viewer.display();
        CaseloadFilter filter = CaseloadFilter.lenient(parameters, caller.role());
        CaseloadPage page = caseload.read(caller, filter, true);
        Map<String, HouseholdRow.NextTask> next = nextTasks(page, display);
        List<HouseholdRow> rows = page.items().stream()
                .map(row -> HouseholdRow.of(row, display, next.get(row.id())))
                .toList();
        return CaseloadView.of(page, filter, viewer, rows);
    }

    /** The open task due first for each household on the page that has one: two queries. */
    private Map<String, HouseholdRow.NextTask> nextTasks(CaseloadPage page, Display display) {
        if (page.items().isEmpty()) {
            return Map.of();
        }
        Map<String, TaskEntity> nextByHousehold = new HashMap<>();
        overview.findByHouseholdIdInAndStatusAndDeletedFalse(
                        page.items().stream().map(CaseloadRow::id).toList(), TaskStatus.OPEN)
                .stream()
                .collect(Collectors.groupingBy(TaskEntity::householdId))
                .forEach((householdId, tasks) -> tasks.stream().min(NEXT_DUE)
                        .ifPresent(task -> nextByHousehold.put(householdId, task)));
        LocalDate today = caseload.today();
        Map<String, HouseholdRow.NextTask> next = new HashMap<>();
        for (Task task : taskService.withTitles(List.copyOf(nextByHousehold.values()))) {
            next.put(task.householdId(), nextTask(task, display, today));
        }
        return next;
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
