package nl.welkom.journey;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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

    /** An officer makes a task for a household of the own municipality (201); phones pull it. */
    @Post("/households/{id}/tasks")
    @Secured("OFFICER")
    HttpResponse<Task> create(Authentication authentication, @PathVariable String id, @Body TaskCreateCommand command) {
        Caller caller = Caller.of(authentication);
        HouseholdEntity household = scope.requireVisible(caller, id);
        NewTask task = new NewTask(command.stage() == null ? household.stage() : command.stage(), command.assignee(),
                command.titles(), command.dueDate(), command.note(), null, null);
        return HttpResponse.created(taskService.create(caller, household.id(), task));
    }

    /**
     * An officer edits status, note, due date, titles and/or assignee of a task of the own
     * municipality by the edit rule of docs/sync.md (a same-field overwrite is applied and leaves a
     * conflict record).
     */
    @Patch("/tasks/{id}")
    @Secured("OFFICER")
    Task edit(Authentication authentication, @PathVariable String id, @Valid @Body TaskEditCommand command) {
        Map<TaskField, String> values = command.values();
        if (values.isEmpty()) {
            throw ProblemException.badRequest("Name at least one of status, note, dueDate, titles and assignee.");
        }
        return taskService.edit(Caller.of(authentication), id, values, command.baseVersion());
    }

    /** An officer marks a task of the own municipality done or open: {@code PATCH} with only a status. */
    @Put("/tasks/{id}/status")
    @Secured("OFFICER")
    Task setStatus(Authentication authentication, @PathVariable String id, @Valid @Body TaskStatusCommand command) {
        return taskService.setStatus(Caller.of(authentication), id, command.status(), command.baseVersion());
    }

    /** An officer removes a task (204): it stays as a tombstone so that phones drop it. */
    @Delete("/tasks/{id}")
    @Secured("OFFICER")
    HttpResponse<Void> remove(Authentication authentication, @PathVariable String id) {
        taskService.remove(Caller.of(authentication), id);
        return HttpResponse.noContent();
    }
}
