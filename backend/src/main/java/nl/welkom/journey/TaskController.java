package nl.welkom.journey;

import java.util.List;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

    /** An officer marks a task of the own municipality done or open. */
    @Put("/tasks/{id}/status")
    @Secured("OFFICER")
    Task setStatus(Authentication authentication, @PathVariable String id, @Valid @Body TaskStatusCommand command) {
        return taskService.setStatus(Caller.of(authentication), id, command.status(), command.baseVersion());
    }
}
