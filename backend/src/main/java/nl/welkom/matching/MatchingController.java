package nl.welkom.matching;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.DashboardLocale;
import nl.welkom.problem.ProblemException;

@SecurityRequirement(name = "bearer")
@Controller("/api/households/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
class MatchingController {
    private final MatchingService service;

    MatchingController(MatchingService service) {
        this.service = service;
    }

    /** Body and answer of the household's buddy preference: {@code {"prefers":"WOMAN"}}, MAN, or null. */
    @Serdeable
    record Preference(@Nullable String prefers) {
    }

    /** The ranked family-friend suggestions for the household, explained in Dutch. */
    @Get("/buddy-suggestions")
    SuggestionInfo suggestions(Authentication authentication, @PathVariable String id) {
        return service.suggestions(Caller.of(authentication), id, DashboardLocale.DUTCH);
    }

    @Get("/buddy-preference")
    Preference preference(Authentication authentication, @PathVariable String id) {
        return new Preference(service.preference(Caller.of(authentication), id).orElse(null));
    }

    @Put("/buddy-preference")
    Preference setPreference(Authentication authentication, @PathVariable String id,
                             @Nullable @Body Map<String, Object> body) {
        Object prefers = body == null ? null : body.get("prefers");
        if (prefers != null && !(prefers instanceof String)) {
            throw ProblemException.badRequest("prefers must be WOMAN, MAN or null.");
        }
        return new Preference(service.setPreference(Caller.of(authentication), id, (String) prefers).orElse(null));
    }
}
