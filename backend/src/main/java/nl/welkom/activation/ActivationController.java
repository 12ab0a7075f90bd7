package nl.welkom.activation;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ActivationController {
    private final ActivationService activation;

    ActivationController(ActivationService activation) {
        this.activation = activation;
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

    /** Is this code usable? {@code 204}, or the same {@code 400} problem as redeeming it. Spends nothing. */
    @Post("/activation/check")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Void> check(@Body ActivationCheck request) {
        activation.check(request.code());
        return HttpResponse.noContent();
    }

    /** The body of {@code POST /api/activation/check}. */
    @Serdeable
    record ActivationCheck(@Nullable String code) {
    }

    /** A phone redeems a code for a NEWCOMER session; 400 {@code activation-code-invalid} otherwise. */
    @Post("/activation")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Session redeem(@Body ActivationRequest request) {
        return activation.redeem(request.code(), request.deviceName());
    }
}
