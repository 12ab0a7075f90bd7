package nl.welkom.place;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.course.ETags;
import nl.welkom.model.place.Places;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PlacesController {
    private final LocalPlaces places;

    PlacesController(LocalPlaces places) {
        this.places = places;
    }

    /**
     * The places of the caller's municipality (a phone: its household's) for {@code lang} (or
     * {@code Accept-Language}); {@code ETag}/304 like the content pack.
     */
    @Get("/places")
    @Secured({"NEWCOMER", "BUDDY", "OFFICER"})
    @SecurityRequirement(name = "bearer")
    HttpResponse<Places> places(Authentication authentication, @Nullable @QueryValue String lang,
                                @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Caller caller = Caller.of(authentication);
        Places resolved = places.places(caller.municipalityId(), places.chain(lang, acceptLanguage));
        return ETags.answerPerCaller(resolved, resolved.version(), ifNoneMatch);
    }
}
