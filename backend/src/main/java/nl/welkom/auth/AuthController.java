package nl.welkom.auth;

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
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {
    private final AuthService authService;

    AuthController(AuthService authService) {
        this.authService = authService;
    }

    /** Password login for staff and volunteers; 401 problem {@code login-failed} otherwise. */
    @Post("/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Session login(@Body LoginRequest request) {
        return authService.login(request.username(), request.password());
    }

    /** Who the token belongs to: the session without its token. */
    @SecurityRequirement(name = "bearer")
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Session me(Authentication authentication) {
        return authService.describe(authentication);
    }
}
