package nl.welkom.announcement;

import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.welkom.auth.Caller;

/** The announcements API for officers (docs/announcements.md); phones receive them in the pull. */
@Controller("/api/announcements")
@Secured("OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AnnouncementController {
    private final AnnouncementService service;

    AnnouncementController(AnnouncementService service) {
        this.service = service;
    }

    @Get
    List<AnnouncementView> list(Authentication authentication) {
        return service.list(Caller.of(authentication));
    }

    @Post
    HttpResponse<AnnouncementView> publish(Authentication authentication, @Body AnnouncementCommand command) {
        return HttpResponse.created(service.publish(Caller.of(authentication), command));
    }

    @Put("/{id}")
    AnnouncementView edit(Authentication authentication, @PathVariable String id, @Body AnnouncementCommand command) {
        return service.edit(Caller.of(authentication), id, command);
    }

    @Put("/{id}/translations/{lang}")
    AnnouncementView translate(Authentication authentication, @PathVariable String id, @PathVariable String lang,
                               @Body TranslationCommand command) {
        return service.translate(Caller.of(authentication), id, lang, command);
    }

    @Post("/{id}/withdraw")
    AnnouncementView withdraw(Authentication authentication, @PathVariable String id) {
        return service.withdraw(Caller.of(authentication), id);
    }
}
