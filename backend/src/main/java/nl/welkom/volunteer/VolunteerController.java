package nl.welkom.volunteer;

import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.model.Problem;
import nl.welkom.problem.ProblemException;
import nl.welkom.problem.Problems;
import nl.welkom.volunteer.VolunteerWireFormat.Moved;
import nl.welkom.volunteer.VolunteerWireFormat.SignInCode;
import nl.welkom.volunteer.VolunteerWireFormat.Transition;
import nl.welkom.volunteer.VolunteerWireFormat.VolunteerDetail;
import nl.welkom.volunteer.VolunteerWireFormat.VolunteerSummary;

/** The coordinator's (an officer's) volunteer API: list, read, move through screening. */
@SecurityRequirement(name = "bearer")
@Controller("/api/volunteers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
class VolunteerController {
    private final VolunteerService service;

    VolunteerController(VolunteerService service) {
        this.service = service;
    }

    /** The municipality's volunteers, newest first; {@code state} filters (400 for an unknown state). */
    @Get
    List<VolunteerSummary> list(Authentication authentication, @Nullable @QueryValue String state) {
        return service.list(Caller.of(authentication), state(state)).stream()
                .map(v -> VolunteerSummary.of(v, service.attention(v)))
                .toList();
    }

    /** One volunteer with languages, history and the allowed next states; 404 outside the municipality. */
    @Get("/{id}")
    VolunteerDetail get(Authentication authentication, @PathVariable String id) {
        VolunteerService.Detail detail = service.detail(Caller.of(authentication), id);
        return VolunteerDetail.of(detail, service.attention(detail.volunteer()));
    }

    /** Moves the volunteer on; 409 {@code invalid-transition} when the step is not allowed. */
    @Post("/{id}/transitions")
    Moved move(Authentication authentication, @PathVariable String id, @Body Transition transition) {
        VolunteerService.Moved moved = service.move(Caller.of(authentication), id, transition.to(),
                transition.vogDate(), transition.note());
        return new Moved(VolunteerDetail.of(moved.detail(), service.attention(moved.detail().volunteer())),
                moved.code() == null ? null
                        : new SignInCode(moved.code().code(), moved.code().link(), moved.code().expiresAt()));
    }

    @Error(exception = InvalidApplication.class)
    HttpResponse<Problem> invalid(HttpRequest<?> request, InvalidApplication invalid) {
        return Problems.response(ProblemException.badRequest(invalid.detail()).problem());
    }

    @Nullable
    private static VolunteerState state(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return VolunteerState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state is not a volunteer state.");
        }
    }
}
