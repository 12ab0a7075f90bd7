package nl.welkom.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.inject.Named;
import nl.welkom.auth.BearerTokenFetcher;
import nl.welkom.auth.Caller;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import nl.welkom.problem.ProblemException;

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
     * The query is read here rather than bound by the framework: binding three values converted each
     * through the conversion service with the request's locale, a tenth of an up-to-date pull's own work.
     */
    @Get("/pull")
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "the cursor of the last page, 0 (default) for all")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "changes per page, 200 (default), at most 1000")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "language chain such as ar,en: asks for the content version")
    CompletableFuture<PullResponse> pull(HttpRequest<?> request, Authentication authentication) {
        HttpParameters query = request.getParameters();
        long after = number(query.get("after"), 0, "after");
        long limit = number(query.get("limit"), SyncService.DEFAULT_LIMIT, "limit");
        String lang = query.get("lang");
        ChangeProbe.Answer probed = request.getAttribute(PullProbeQuestion.ATTRIBUTE, ChangeProbe.Answer.class)
                .orElse(null);
        Supplier<PullResponse> page = () -> sync.pull(Caller.of(authentication), after,
                (int) Math.min(limit, Integer.MAX_VALUE), lang, probed);
        return BearerTokenFetcher.onCheckingThread(request) ? CompletableFuture.completedFuture(page.get())
                : CompletableFuture.supplyAsync(page, blocking);
    }

    /** A whole number in the query, {@code absent} without one; 400 naming the parameter when it is not a number. */
    private static long number(@Nullable String value, long absent, String name) {
        Long number = queryNumber(value, absent);
        if (number == null) {
            throw ProblemException.badRequest(name + " must be a whole number.");
        }
        return number;
    }

    /**
     * A query value as the pull reads it: {@code absent} when missing or empty, null when it is not a
     * whole number ({@link PullProbeQuestion} reads the cursor the same way before the route runs).
     */
    static @Nullable Long queryNumber(@Nullable String value, long absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
