package nl.welkom.auth;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A stand-in dashboard page (tests only) to check the redirect of anonymous browsers to /login. */
@Controller("/dashboard/test-probe")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class DashboardProbeController {
    @Get
    @Produces(MediaType.TEXT_HTML)
    String page() {
        return "<p>probe</p>";
    }
}
