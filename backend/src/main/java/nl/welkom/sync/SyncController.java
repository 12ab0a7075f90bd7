package nl.welkom.sync;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import nl.welkom.problem.ProblemException;

@SecurityRequirement(name = "bearer")
@Controller("/api/sync")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("NEWCOMER")
final class SyncController {
    private final SyncService sync;
    private final AuditLog audit;

    SyncController(SyncService sync, AuditLog audit) {
        this.sync = sync;
        this.audit = audit;
    }

    /** The phone's outbox, oldest first; one result per mutation. */
    @Post("/push")
    PushResponse push(Authentication authentication, @Body PushRequest request) {
        return sync.push(Caller.of(authentication), request);
    }

    /** Changes after {@code after}; {@code limit} defaults to 200 and is capped at 1000. Audited when it returns data. */
    @Get("/pull")
    PullResponse pull(Authentication authentication,
                      @QueryValue(defaultValue = "0") long after,
                      @QueryValue(defaultValue = "" + SyncService.DEFAULT_LIMIT) int limit) {
        if (after < 0 || limit < 1) {
            throw ProblemException.badRequest("after must be 0 or more and limit 1 or more.");
        }
        Caller caller = Caller.of(authentication);
        PullResponse response = sync.pull(caller, after, Math.min(limit, SyncService.MAX_LIMIT));
        if (response.household() != null || !response.tasks().isEmpty()) {
            audit.record(caller, AuditLog.SYNC_PULL, caller.householdId());
        }
        return response;
    }
}
