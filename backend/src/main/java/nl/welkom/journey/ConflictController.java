package nl.welkom.journey;

import java.util.List;

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
import nl.welkom.auth.Caller;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.ResolveConflictRequest;
import nl.welkom.problem.ProblemException;

@SecurityRequirement(name = "bearer")
@Controller("/api/conflicts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
final class ConflictController {
    private final ConflictService conflicts;

    ConflictController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    /** The open conflicts of the officer's municipality, oldest first. */
    @Get
    List<ConflictRecord> open(Authentication authentication) {
        return conflicts.openInMunicipality(Caller.of(authentication));
    }

    /** Keeps the current value or restores the overwritten one; 409 when resolved already. */
    @Post("/{id}/resolve")
    ConflictRecord resolve(Authentication authentication, @PathVariable String id,
                           @Body ResolveConflictRequest request) {
        if (request.resolution() == null) {
            throw ProblemException.badRequest("resolution must be KEEP_CURRENT or RESTORE_OTHER.");
        }
        return conflicts.resolve(Caller.of(authentication), id, request.resolution());
    }
}
