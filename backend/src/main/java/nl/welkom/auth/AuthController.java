package nl.welkom.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.abuse.SignInGuard;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {
    private final AuthService authService;
    private final SignInGuard guard;

    AuthController(AuthService authService, SignInGuard guard) {
        this.authService = authService;
        this.guard = guard;
    }

    /**
     * Password login for staff and volunteers; 401 problem {@code login-failed} otherwise, 429 with
     * {@code Retry-After} after too many failures for this account from this address (docs/abuse.md).
     */
    @Post("/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Session login(HttpRequest<?> http, @Body LoginRequest request) {
        return guard.login(http, request.username(), request.password());
    }

    /**
     * Ends the session of the bearer token that made the request (a family friend signing out of the
     * app): the token is refused from then on. {@code 204}; {@code 401} without a valid token.
     */
    @SecurityRequirement(name = "bearer")
    @Post("/auth/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> logout(HttpRequest<?> request) {
        BearerTokenFetcher.tokenOf(request).ifPresent(authService::logout);
        return HttpResponse.noContent();
    }

    /** Who the token belongs to: the session without its token. */
    @SecurityRequirement(name = "bearer")
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Session me(Authentication authentication) {
        return authService.describe(authentication);
    }
}
