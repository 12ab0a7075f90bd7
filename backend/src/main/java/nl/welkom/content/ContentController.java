package nl.welkom.content;

import java.util.List;

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
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Language;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
final class ContentController {
    private final ContentPacks packs;

    ContentController(ContentPacks packs) {
        this.packs = packs;
    }

    @Get("/languages")
    List<Language> languages() {
        return packs.languages();
    }

    /**
     * The content pack for {@code lang} (or {@code Accept-Language}). {@code ETag} is the pack
     * version; a matching {@code If-None-Match} gets 304 without a body.
     */
    @Get("/content")
    HttpResponse<ContentPack> content(@Nullable @QueryValue String lang,
                                      @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ContentPack pack = packs.pack(packs.chain(lang, acceptLanguage));
        String etag = "\"" + pack.version() + "\"";
        if (matches(ifNoneMatch, pack.version())) {
            return HttpResponse.<ContentPack>notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return HttpResponse.ok(pack)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** {@code If-None-Match} semantics: a list of (weak or strong) tags, or {@code *}. */
    static boolean matches(@Nullable String ifNoneMatch, String version) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*")) {
                return true;
            }
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.replace("\"", "").equals(version)) {
                return true;
            }
        }
        return false;
    }
}
