package nl.welkom.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

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
import jakarta.inject.Named;
import nl.welkom.auth.BearerTokenFetcher;
import nl.welkom.auth.Caller;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

/** Sync for phones (docs/sync.md): a household's device (NEWCOMER) or a family friend (BUDDY). Officers do not sync. */
@SecurityRequirement(name = "bearer")
@Controller("/api/sync")
@Secured({"NEWCOMER", "BUDDY"})
final class SyncController {
    private final SyncService sync;
    private final ExecutorService blocking;

    SyncController(SyncService sync, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sync = sync;
        this.blocking = blocking;
    }

    /** The phone's outbox, oldest first; one result per mutation. */
    @Post("/push")
    @ExecuteOn(TaskExecutors.BLOCKING)
    PushResponse push(Authentication authentication, @Body PushRequest request) {
        return sync.push(Caller.of(authentication), request);
    }

    /**
     * Changes in the caller's scope after {@code after}; {@code limit} defaults to 200 and is capped
     * at 1000; {@code lang} (a language chain such as {@code ar,en}) asks for the content version.
     * Runs on the blocking thread that checked the token (issue 14: the most common request saves a
     * hand-over), and is handed to the blocking pool only when it finds itself on another thread.
     */
    @Get("/pull")
    CompletableFuture<PullResponse> pull(HttpRequest<?> request, Authentication authentication,
                      @QueryValue(defaultValue = "0") long after,
                      @QueryValue(defaultValue = "" + SyncService.DEFAULT_LIMIT) int limit,
                      @Nullable @QueryValue String lang) {
        ChangeProbe.Answer probed = request.getAttribute(PullProbeQuestion.ATTRIBUTE, ChangeProbe.Answer.class)
                .orElse(null);
        Supplier<PullResponse> page = () -> sync.pull(Caller.of(authentication), after, limit, lang, probed);
        return BearerTokenFetcher.onCheckingThread(request) ? CompletableFuture.completedFuture(page.get())
                : CompletableFuture.supplyAsync(page, blocking);
    }
}
