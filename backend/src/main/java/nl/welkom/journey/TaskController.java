package nl.welkom.journey;

import java.util.List;
import java.util.Map;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.journey.Task;
import nl.welkom.problem.ProblemException;

@SecurityRequirement(name = "bearer")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class TaskController {
    private final HouseholdScope scope;
    private final TaskService taskService;
    private final AuditLog audit;

    TaskController(HouseholdScope scope, TaskService taskService, AuditLog audit) {
        this.scope = scope;
        this.taskService = taskService;
        this.audit = audit;
    }

    /** A household's tasks ordered by stage and due date; 404 out of scope; audited. */
    @Get("/households/{id}/tasks")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    List<Task> tasks(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        HouseholdEntity household = scope.requireVisible(caller, id);
        audit.record(caller, AuditLog.TASKS_READ, household.id());
        return taskService.tasksOf(household.id());
    }

    /**
     * An officer edits status, note and/or due date of a task of the own municipality by the edit
     * rule of docs/sync.md (a same-field overwrite is applied and leaves a conflict record).
     */
    @Patch("/tasks/{id}")
    @Secured("OFFICER")
    Task edit(Authentication authentication, @PathVariable String id, @Valid @Body TaskEditCommand command) {
        Map<TaskField, String> values = command.values();
        if (values.isEmpty()) {
            throw ProblemException.badRequest("Name at least one of status, note and dueDate.");
        }
        return taskService.edit(Caller.of(authentication), id, values, command.baseVersion());
    }

    /** An officer marks a task of the own municipality done or open: {@code PATCH} with only a status. */
    @Put("/tasks/{id}/status")
    @Secured("OFFICER")
    Task setStatus(Authentication authentication, @PathVariable String id, @Valid @Body TaskStatusCommand command) {
        return taskService.setStatus(Caller.of(authentication), id, command.status(), command.baseVersion());
    }
}
