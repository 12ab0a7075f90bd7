package nl.welkom.phrasebook;

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
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.course.ETags;
import nl.welkom.model.phrasebook.Phrasebook;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
final class PhrasebookController {
    private final Phrasebooks phrasebooks;

    PhrasebookController(Phrasebooks phrasebooks) {
        this.phrasebooks = phrasebooks;
    }

    /** The phrasebook for {@code lang} (or {@code Accept-Language}); {@code ETag}/304 like the content pack. */
    @Get("/phrasebook")
    HttpResponse<Phrasebook> phrasebook(@Nullable @QueryValue String lang,
                                        @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                        @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Phrasebook book = phrasebooks.phrasebook(phrasebooks.chain(lang, acceptLanguage));
        return ETags.answer(book, book.version(), ifNoneMatch);
    }
}
