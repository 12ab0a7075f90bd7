package nl.welkom.buddy;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import nl.welkom.auth.Caller;
import nl.welkom.problem.ProblemException;

@SecurityRequirement(name = "bearer")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
class BuddyMatchController {
    private final BuddyMatchService service;

    BuddyMatchController(BuddyMatchService service) {
        this.service = service;
    }

    /** The family friends of the officer's municipality. */
    @Get("/buddies")
    List<BuddyInfo> buddies(Authentication authentication) {
        return service.buddies(Caller.of(authentication));
    }

    /** The household's matches, active and ended, newest first. */
    @Get("/households/{id}/buddy-matches")
    List<BuddyMatchInfo> matches(Authentication authentication, @PathVariable String id) {
        return service.matchesOf(Caller.of(authentication), id);
    }

    /** Matches a family friend with the household (201); 409 when they are matched already. */
    @Post("/households/{id}/buddy-matches")
    HttpResponse<BuddyMatchInfo> start(Authentication authentication, @PathVariable String id,
                                       @Valid @Body BuddyMatchCommand command) {
        return HttpResponse.created(service.start(Caller.of(authentication), id, command.buddyUserId()));
    }

    /** Ends a match with its reason (and an optional note); ending an ended match answers it unchanged. */
    @Post("/buddy-matches/{id}/end")
    BuddyMatchInfo end(Authentication authentication, @PathVariable String id, @Nullable @Body BuddyMatchEnd body) {
        Caller officer = Caller.of(authentication);
        if (body == null) {
            throw ProblemException.badRequest("reason is required: one of " + java.util.Arrays.toString(EndReason.values()) + ".");
        }
        return service.end(officer, id, BuddyMatchService.reason(body.reason()), body.note());
    }
}
