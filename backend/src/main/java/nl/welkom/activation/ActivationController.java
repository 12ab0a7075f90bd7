package nl.welkom.activation;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.abuse.SignInGuard;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ActivationController {
    private final ActivationService activation;
    private final SignInGuard guard;

    ActivationController(ActivationService activation, SignInGuard guard) {
        this.activation = activation;
        this.guard = guard;
    }

    /** An officer creates a single-use code for a household of the own municipality (201). */
    @SecurityRequirement(name = "bearer")
    @Post("/households/{id}/activation-codes")
    @Secured("OFFICER")
    HttpResponse<ActivationCode> create(Authentication authentication, @PathVariable String id) {
        return HttpResponse.created(activation.create(Caller.of(authentication), id));
    }

    /** A household's codes that can still activate a phone (unused, not withdrawn, not expired), oldest first. */
    @SecurityRequirement(name = "bearer")
    @Get("/households/{id}/activation-codes")
    @Secured("OFFICER")
    List<OutstandingCode> outstanding(Authentication authentication, @PathVariable String id) {
        return activation.outstanding(Caller.of(authentication), id);
    }

    /** An officer withdraws an unused code (204): it can no longer activate a phone. */
    @SecurityRequirement(name = "bearer")
    @Post("/activation-codes/{id}/withdraw")
    @Secured("OFFICER")
    HttpResponse<Void> withdraw(Authentication authentication, @PathVariable String id) {
        activation.withdraw(Caller.of(authentication), id);
        return HttpResponse.noContent();
    }

    /**
     * Is this code usable? {@code 204}, or the same {@code 400} problem as redeeming it. Spends nothing.
     * Refused codes count towards the same per-address limit as redeeming (429, docs/abuse.md).
     */
    @Post("/activation/check")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Void> check(HttpRequest<?> http, @Body ActivationCheck request) {
        return guard.activation(http, wellFormed(request.code()), () -> {
            activation.check(request.code());
            return HttpResponse.noContent();
        });
    }

    /** The body of {@code POST /api/activation/check}. */
    @Serdeable
    record ActivationCheck(@Nullable String code) {
    }

    /**
     * A phone redeems a code for a NEWCOMER session; 400 {@code activation-code-invalid} otherwise, 429
     * with {@code Retry-After} after too many refused codes from this address (docs/abuse.md).
     */
    @Post("/activation")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Session redeem(HttpRequest<?> http, @Body ActivationRequest request) {
        return guard.activation(http, wellFormed(request.code()),
                () -> activation.redeem(request.code(), request.deviceName()));
    }

    private static boolean wellFormed(@Nullable String code) {
        return ActivationCodes.normalize(code).isPresent();
    }
}
