package nl.welkom.course;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.problem.ProblemException;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CourseController {
    static final String PROGRESS_READ = "course.progress.read";

    private final CourseCatalog catalog;
    private final CourseProgressService progress;
    private final HouseholdScope scope;
    private final AuditLog audit;

    CourseController(CourseCatalog catalog, CourseProgressService progress, HouseholdScope scope, AuditLog audit) {
        this.catalog = catalog;
        this.progress = progress;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * The course for {@code lang} (or {@code Accept-Language}); {@code ETag} is its version, a
     * matching {@code If-None-Match} gets 304. 404 when no course is bundled.
     */
    @Get("/course")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Course> course(@Nullable @QueryValue String lang,
                                @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Course course = catalog.course(catalog.chain(lang, acceptLanguage)).orElseThrow(ProblemException::notFound);
        return ETags.answer(course, course.version(), ifNoneMatch);
    }

    /** Course progress of every household in the phone's scope (its own, or a buddy's matches); audited. */
    @Get("/course/progress")
    @Secured({"NEWCOMER", "BUDDY"})
    @SecurityRequirement(name = "bearer")
    List<CourseProgress> progress(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<String> households = scope.visibleHouseholdIds(caller);
        households.forEach(id -> audit.record(caller, PROGRESS_READ, id));
        return progress.progress(households);
    }

    /** Course progress of one household's members; 404 outside the caller's scope; audited. */
    @Get("/households/{id}/course-progress")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    @SecurityRequirement(name = "bearer")
    CourseProgress householdProgress(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        scope.requireVisible(caller, id);
        audit.record(caller, PROGRESS_READ, id);
        return progress.progress(List.of(id)).get(0);
    }
}
