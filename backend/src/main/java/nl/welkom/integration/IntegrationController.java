package nl.welkom.integration;

import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
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
import nl.welkom.auth.Caller;
import nl.welkom.integration.IntegrationViews.ChangeView;
import nl.welkom.integration.IntegrationViews.IntakeView;
import nl.welkom.integration.IntegrationViews.MeetingView;
import nl.welkom.integration.IntegrationViews.ObligationView;
import nl.welkom.integration.IntegrationViews.Overview;
import nl.welkom.integration.IntegrationViews.PlanView;
import nl.welkom.model.Problem;
import nl.welkom.problem.Problems;

/**
 * Civic integration of a household (docs/integration.md), for the officers of its municipality:
 * anyone else gets 403, a household out of scope 404. Bad input is answered 400 with every broken
 * field named in the problem's detail, and nothing is stored.
 */
@SecurityRequirement(name = "bearer")
@Controller("/api/households/{id}/integration")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
class IntegrationController {
    private final IntegrationService service;

    IntegrationController(IntegrationService service) {
        this.service = service;
    }

    /** Every member, with intake, plan (term and warnings as of today) and meetings of those who are obliged. */
    @Get
    Overview overview(Authentication authentication, @PathVariable String id) {
        return service.overview(Caller.of(authentication), id);
    }

    /** Marks a member as inburgeringsplichtig, or not (409 when records exist). */
    @Put("/members/{memberId}/obligation")
    ObligationView obligation(Authentication authentication, @PathVariable String id, @PathVariable String memberId,
                              @Body IntegrationCommands.Obligation command) {
        return service.setObligation(Caller.of(authentication), id, memberId, command);
    }

    /** Records the broad intake (201) or replaces it (200). */
    @Put("/members/{memberId}/intake")
    HttpResponse<IntakeView> intake(Authentication authentication, @PathVariable String id,
                                    @PathVariable String memberId, @Body IntegrationCommands.Intake command) {
        IntegrationService.SavedIntake saved = service.saveIntake(Caller.of(authentication), id, memberId, command);
        return saved.created() ? HttpResponse.created(saved.intake()) : HttpResponse.ok(saved.intake());
    }

    /** Draws up the plan (201); 409 when the member has one. */
    @Post("/members/{memberId}/plan")
    HttpResponse<PlanView> createPlan(Authentication authentication, @PathVariable String id,
                                      @PathVariable String memberId, @Body IntegrationCommands.Plan command) {
        return HttpResponse.created(service.createPlan(Caller.of(authentication), id, memberId, command));
    }

    /** Changes the plan from {@code baseVersion}; 409 {@code plan-changed} when someone changed it since. */
    @Patch("/members/{memberId}/plan")
    PlanView editPlan(Authentication authentication, @PathVariable String id, @PathVariable String memberId,
                      @Body IntegrationCommands.Plan command) {
        return service.editPlan(Caller.of(authentication), id, memberId, command);
    }

    /** Every change to the plan, one row per field, newest change first. */
    @Get("/members/{memberId}/plan/history")
    List<ChangeView> history(Authentication authentication, @PathVariable String id, @PathVariable String memberId) {
        return service.history(Caller.of(authentication), id, memberId);
    }

    /** Records an extension of the term (201), answering the plan with its moved deadline. */
    @Post("/members/{memberId}/plan/extensions")
    HttpResponse<PlanView> extend(Authentication authentication, @PathVariable String id,
                                  @PathVariable String memberId, @Body IntegrationCommands.Extension command) {
        return HttpResponse.created(service.extend(Caller.of(authentication), id, memberId, command));
    }

    /** Records a progress meeting (201). */
    @Post("/members/{memberId}/meetings")
    HttpResponse<MeetingView> addMeeting(Authentication authentication, @PathVariable String id,
                                         @PathVariable String memberId, @Body IntegrationCommands.Meeting command) {
        return HttpResponse.created(service.addMeeting(Caller.of(authentication), id, memberId, command));
    }

    /** Corrects a recorded progress meeting. */
    @Put("/meetings/{meetingId}")
    MeetingView editMeeting(Authentication authentication, @PathVariable String id, @PathVariable String meetingId,
                            @Body IntegrationCommands.Meeting command) {
        return service.editMeeting(Caller.of(authentication), id, meetingId, command);
    }

    /** Broken rules as a 400 problem naming each field. */
    @Error(exception = InvalidInput.class)
    HttpResponse<Problem> invalid(HttpRequest<?> request, InvalidInput exception) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                exception.detail()));
    }
}
