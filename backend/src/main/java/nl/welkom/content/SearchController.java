package nl.welkom.content;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.auth.Caller;
import nl.welkom.model.content.SearchHit;
import nl.welkom.problem.ProblemException;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
final class SearchController {
    private final ContentSearch search;

    SearchController(ContentSearch search) {
        this.search = search;
    }

    /** Lessons matching {@code q} along {@code lang} (or {@code Accept-Language}) and then Dutch. */
    @Get("/search")
    List<SearchHit> search(@Nullable Authentication authentication, @Nullable @QueryValue String q,
                           @Nullable @QueryValue String lang,
                           @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q is required.");
        }
        if (q.length() > 500) {
            throw ProblemException.badRequest("q is longer than 500 characters.");
        }
        String municipality = authentication == null ? null : Caller.of(authentication).municipalityId();
        return search.search(q, lang, acceptLanguage, municipality);
    }
}
