package nl.welkom.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import nl.welkom.auth.Caller;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

/** Sync for phones (docs/sync.md): a household's device (NEWCOMER) or a family friend (BUDDY). Officers do not sync. */
@SecurityRequirement(name = "bearer")
@Controller("/api/sync")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"NEWCOMER", "BUDDY"})
final class SyncController {
    private final SyncService sync;

    SyncController(SyncService sync) {
        this.sync = sync;
    }

    /** The phone's outbox, oldest first; one result per mutation. */
    @Post("/push")
    PushResponse push(Authentication authentication, @Body PushRequest request) {
        return sync.push(Caller.of(authentication), request);
    }

    /**
     * Changes in the caller's scope after {@code after}; {@code limit} defaults to 200 and is capped
     * at 1000; {@code lang} (a language chain such as {@code ar,en}) asks for the content version.
     */
    @Get("/pull")
    PullResponse pull(HttpRequest<?> request, Authentication authentication,
                      @QueryValue(defaultValue = "0") long after,
                      @QueryValue(defaultValue = "" + SyncService.DEFAULT_LIMIT) int limit,
                      @Nullable @QueryValue String lang) {
        ChangeProbe.Answer probed = request.getAttribute(PullProbeQuestion.ATTRIBUTE, ChangeProbe.Answer.class)
                .orElse(null);
        return sync.pull(Caller.of(authentication), after, limit, lang, probed);
    }
}
