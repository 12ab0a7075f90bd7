package nl.welkom.appointment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.auth.Caller;
import nl.welkom.problem.ProblemException;

/** iCalendar of appointments (docs/appointments.md, "Calendars"). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class CalendarController {
    static final String CALENDAR = "text/calendar; charset=utf-8";
    private static final String SUFFIX = ".ics";

    private final AppointmentCalendar calendar;

    CalendarController(AppointmentCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * {@code {"token": "…", "path": "/calendar/….ics"}}: shown once; only its hash is stored.
     *
     * @param token the secret
     * @param path  the feed's path on this server
     */
    @Serdeable
    record Feed(String token, String path) {
    }

    @Post("/api/me/calendar-feed")
    @Secured({"OFFICER", "BUDDY"})
    HttpResponse<Feed> create(Authentication authentication) {
        String token = calendar.createFeed(Caller.of(authentication));
        return HttpResponse.created(new Feed(token, "/calendar/" + token + SUFFIX));
    }

    @Delete("/api/me/calendar-feed")
    @Secured({"OFFICER", "BUDDY"})
    HttpResponse<Void> revoke(Authentication authentication) {
        calendar.revokeFeed(Caller.of(authentication));
        return HttpResponse.noContent();
    }

    @Get("/calendar/{file}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> feed(@PathVariable String file) {
        String token = withoutSuffix(file);
        return calendar.feed(token)
                .map(body -> HttpResponse.ok(body).contentType(MediaType.of(CALENDAR)))
                .orElseThrow(ProblemException::notFound);
    }

    @Get("/api/appointments/{file}")
    @Secured({"OFFICER", "BUDDY", "NEWCOMER"})
    HttpResponse<String> one(Authentication authentication, @PathVariable String file) {
        String body = calendar.one(Caller.of(authentication), withoutSuffix(file));
        return HttpResponse.ok(body).contentType(MediaType.of(CALENDAR));
    }

    private static String withoutSuffix(String file) {
        if (!file.endsWith(SUFFIX) || file.length() == SUFFIX.length()) {
            throw ProblemException.notFound();
        }
        return file.substring(0, file.length() - SUFFIX.length());
    }
}
