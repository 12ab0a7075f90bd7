package nl.welkom.journey;

import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.problem.ProblemException;

/** Task templates of the officer's municipality and applying them to a household (docs/journey.md). */
@SecurityRequirement(name = "bearer")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
final class TaskTemplateController {
    private final TaskTemplates templates;

    TaskTemplateController(TaskTemplates templates) {
        this.templates = templates;
    }

    /** The municipality's templates (active and not), in journey order; {@code ?stage=} for one stage. */
    @Get("/task-templates{?stage}")
    List<TaskTemplate> list(Authentication authentication, @Nullable @QueryValue String stage) {
        JourneyStage only = stage == null ? null : parseStage(stage);
        return templates.list(Caller.of(authentication)).stream()
                .filter(template -> only == null || template.stage() == only)
                .toList();
    }

    @Get("/task-templates/{id}")
    TaskTemplate get(Authentication authentication, @PathVariable String id) {
        return templates.get(Caller.of(authentication), id);
    }

    /** A new template (201). */
    @Post("/task-templates")
    HttpResponse<TaskTemplate> create(Authentication authentication, @Body TaskTemplateCommand command) {
        return HttpResponse.created(templates.create(Caller.of(authentication), command));
    }

    @Put("/task-templates/{id}")
    TaskTemplate update(Authentication authentication, @PathVariable String id, @Body TaskTemplateCommand command) {
        return templates.update(Caller.of(authentication), id, command);
    }

    @Post("/task-templates/{id}/deactivate")
    TaskTemplate deactivate(Authentication authentication, @PathVariable String id) {
        return templates.setActive(Caller.of(authentication), id, false);
    }

    @Post("/task-templates/{id}/activate")
    TaskTemplate activate(Authentication authentication, @PathVariable String id) {
        return templates.setActive(Caller.of(authentication), id, true);
    }

    /** The active templates of a stage with the due dates they would get for this household. */
    @Get("/households/{id}/task-proposals{?stage}")
    List<TemplateProposal> proposals(Authentication authentication, @PathVariable String id,
                                     @Nullable @QueryValue String stage) {
        if (stage == null) {
            throw ProblemException.badRequest("stage is required, e.g. ?stage=HOUSING_AND_REGISTRATION.");
        }
        return templates.proposals(Caller.of(authentication), id, parseStage(stage));
    }

    /** Makes tasks from templates for a household (201, the tasks made); phones pull them. */
    @Post("/households/{id}/tasks/from-templates")
    HttpResponse<List<Task>> apply(Authentication authentication, @PathVariable String id,
                                   @Body ApplyTemplatesCommand command) {
        return HttpResponse.created(templates.apply(Caller.of(authentication), id, command.tasks()));
    }

    private static JourneyStage parseStage(String stage) {
        try {
            return JourneyStage.valueOf(stage.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("stage must be one of SELECTED, PRE_DEPARTURE, TRAVEL, ARRIVAL,"
                    + " HOUSING_AND_REGISTRATION, CIVIC_INTEGRATION, SETTLED.");
        }
    }
}
