package nl.welkom.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * The HTML error page for a request that a person's browser made to one of the server-rendered pages
 * (not {@code /api/**}): implemented by the dashboard, used where an error is answered before any page
 * controller ran ({@link UndecodableBodyHandler}).
 */
public interface PageErrors {
    /** The error page for {@code status}, in the reader's dashboard language. */
    MutableHttpResponse<?> page(HttpStatus status, HttpRequest<?> request);

    /**
     * True for a request to one of the server-rendered pages (the dashboard, sign-in and sign-out, the
     * language switch, setting a password, the volunteer application): those get pages, everything
     * else — the API first — problem bodies. A path that cannot be read is not a page.
     */
    static boolean isPage(HttpRequest<?> request) {
        String path;
        try {
            path = request.getUri().getRawPath();
        } catch (RuntimeException unreadable) {
            return false;
        }
        return isPagePath(path);
    }

    /**
     * The rule of {@link #isPage} for a path already read: also how the dashboard's page filter picks the
     * requests it guards (one list, in code: a pattern per page in a filter's annotation is matched on
     * every request, the phones' pulls too).
     */
    static boolean isPagePath(String path) {
        if (path == null) {
            return false;
        }
        return path.equals("/login") || path.equals("/logout") || path.equals("/language")
                || path.equals("/password/set") || path.equals("/dashboard") || path.startsWith("/dashboard/")
                || path.equals("/vrijwilliger-worden") || path.startsWith("/vrijwilliger-worden/");
    }
}
