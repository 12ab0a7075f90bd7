package nl.welkom.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;

/** The content pack's ETag rule (a version, {@code If-None-Match} → 304) for the course, the phrasebook and the places. */
public final class ETags {
    private ETags() {
    }

    /** {@code body} with its version as {@code ETag}, or 304 without a body when {@code ifNoneMatch} names it. */
    public static <T> HttpResponse<T> answer(T body, String version, @Nullable String ifNoneMatch) {
        return answer(body, version, ifNoneMatch, "no-cache", HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** Like {@link #answer}, for a body that depends on who asks (the places of the caller's municipality). */
    public static <T> HttpResponse<T> answerPerCaller(T body, String version, @Nullable String ifNoneMatch) {
        return answer(body, version, ifNoneMatch, "private, no-cache",
                HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.AUTHORIZATION);
    }

    private static <T> HttpResponse<T> answer(T body, String version, @Nullable String ifNoneMatch,
                                              String cacheControl, String vary) {
        String etag = "\"" + version + "\"";
        if (matches(ifNoneMatch, version)) {
            return HttpResponse.<T>notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, vary);
        }
        return HttpResponse.ok(body)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, vary);
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
