package nl.welkom.abuse;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** The abuse metric for administrators (every other role 403, anonymous 401). */
@Controller("/api/admin/abuse-counters")
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
final class AbuseController {
    private final AbuseCounters counters;

    AbuseController(AbuseCounters counters) {
        this.counters = counters;
    }

    /** Failed logins, refused activation codes, 429s, denied accesses and refused cross-origin writes since start. */
    @Get
    AbuseCounters.Snapshot counters() {
        return counters.snapshot();
    }
}
