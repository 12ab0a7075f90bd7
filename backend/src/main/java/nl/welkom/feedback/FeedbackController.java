package nl.welkom.feedback;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.auth.Caller;
import nl.welkom.model.feedback.Question;
import nl.welkom.household.HouseholdScope;
import nl.welkom.problem.ProblemException;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FeedbackController {
    private final Feedback feedback;
    private final HouseholdScope scope;

    FeedbackController(Feedback feedback, HouseholdScope scope) {
        this.feedback = feedback;
        this.scope = scope;
    }

    /** {@code {"helpful": true}} */
    @Serdeable
    record Vote(Boolean helpful) {
    }

    /** {@code {"lessonId": "…" (optional), "text": "…"}} */
    @Serdeable
    record Ask(@Nullable String lessonId, String text) {
    }

    @Post("/lessons/{id}/feedback")
    @Secured("NEWCOMER")
    HttpResponse<Void> vote(Authentication authentication, @PathVariable String id, @Body Vote vote) {
        if (vote.helpful() == null) {
            throw ProblemException.badRequest("helpful is required.");
        }
        feedback.vote(Caller.of(authentication), id, vote.helpful());
        return HttpResponse.noContent();
    }

    @Post("/questions")
    @Secured("NEWCOMER")
    HttpResponse<Question> ask(Authentication authentication, @Body Ask ask) {
        return HttpResponse.created(feedback.ask(Caller.of(authentication), ask.lessonId(), ask.text()));
    }

    @Get("/questions")
    @Secured({"OFFICER", "BUDDY"})
    List<Question> questions(Authentication authentication, @Nullable @QueryValue String householdId) {
        Caller caller = Caller.of(authentication);
        if (householdId != null && !scope.canSee(caller, householdId)) {
            throw ProblemException.notFound();
        }
        return feedback.questions(caller, householdId);
    }
}
