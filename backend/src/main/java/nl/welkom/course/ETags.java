package nl.welkom.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;

/** The content pack's ETag rule (a version, {@code If-None-Match} → 304) for the course and the phrasebook. */
public final class ETags {
    private ETags() {
    }

    /** {@code body} with its version as {@code ETag}, or 304 without a body when {@code ifNoneMatch} names it. */
    public static <T> HttpResponse<T> answer(T body, String version, @Nullable String ifNoneMatch) {
        String etag = "\"" + version + "\"";
        if (matches(ifNoneMatch, version)) {
            return HttpResponse.<T>notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return HttpResponse.ok(body)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

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
