package nl.welkom.volunteer;

import java.util.OptionalLong;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.model.Problem;
import nl.welkom.problem.ProblemException;
import nl.welkom.problem.Problems;
import nl.welkom.volunteer.VolunteerWireFormat.Received;

/**
 * {@code POST /api/volunteer-applications}: anyone may apply (201), at most
 * {@code welkom.programme.applications-per-hour} times per client address per hour (then 429 with
 * Retry-After). JSON only, so a cross-site HTML form cannot post here.
 */
@Controller("/api/volunteer-applications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ApplicationController {
    private final VolunteerService service;
    private final ApplicationLimiter limiter;

    ApplicationController(VolunteerService service, ApplicationLimiter limiter) {
        this.service = service;
        this.limiter = limiter;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> apply(HttpRequest<?> request, @Body VolunteerApplication application) {
        OptionalLong retryAfter = limiter.attempt(request);
        if (retryAfter.isPresent()) {
            return tooMany(retryAfter.getAsLong());
        }
        Volunteer volunteer = service.apply(application);
        return HttpResponse.created(new Received(volunteer.id(), volunteer.state().name()));
    }

    @Error(exception = InvalidApplication.class)
    HttpResponse<Problem> invalid(HttpRequest<?> request, InvalidApplication invalid) {
        return Problems.response(ProblemException.badRequest(invalid.detail()).problem());
    }

    /** 429 with Retry-After (seconds). */
    static HttpResponse<Problem> tooMany(long seconds) {
        return Problems.response(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-applications",
                        "Too many applications", "Too many applications from this address; try again later.").problem())
                .header("Retry-After", Long.toString(seconds));
    }
}
