package nl.welkom.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.admin.AdminWireFormat.PasswordChoice;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.Session;

/** A staff member chooses a password with a one-time sign-in code, from an app or a script. */
@Controller("/api/password")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PasswordController {
    private final PasswordSetting setting;
    private final AdminProblems problems;

    PasswordController(PasswordSetting setting, AdminProblems problems) {
        this.setting = setting;
        this.problems = problems;
    }

    /**
     * Sets the password and answers a session, as a login would. 400 {@code sign-in-code-invalid} (the
     * same for an unknown, used, withdrawn or expired code), or 400 naming the password rule it breaks.
     */
    @Post("/set")
    Session set(@Body PasswordChoice body) {
        return setting.choose(body.code(), body.password());
    }

    @Error(exception = InvalidInput.class)
    HttpResponse<Problem> invalid(InvalidInput invalid) {
        return problems.response(invalid);
    }
}
