package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import nl.welkom.abuse.SameOrigin;
import nl.welkom.problem.PageErrors;

/**
 * Guards the dashboard's pages (sign-in, sign-out, everything under {@code /dashboard}, and
 * {@code /password/set}, where staff choose a password with a one-time code, and the public volunteer
 * application page {@code /vrijwilliger-worden}, whose form is as open to cross-site posting as any):
 * <ul>
 *   <li>refuses a state-changing request whose {@code Origin} (or, without one, {@code Referer})
 *       names another host than the one the request was sent to, with the 403 page. Together with
 *       the {@code SameSite=Strict} session cookie and POST-only forms this is the CSRF defence;
 *       a request with neither header (some privacy settings strip both) is let through, since the
 *       cookie does not travel cross-site anyway;</li>
 *   <li>marks every answer as not to be stored (pages carry personal data and activation codes),
 *       not to be framed, and allowed no scripts: a Content-Security-Policy that permits only the
 *       pages' own inline styles, same-origin form targets and inline images.</li>
 * </ul>
 * It sees every request and picks the pages by their path in code ({@link #guards}): a filter whose
 * annotation names paths is matched pattern by pattern on every request by the router, the phones'
 * pulls too, while a filter for all paths costs the router nothing (docs/performance.md).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PageFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Pages pages;

    PageFilter(Pages pages) {
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCrossSiteForms(HttpRequest<?> request) {
        if (SameOrigin.isSafe(request.getMethod()) || !guards(request) || isSameOrigin(request.getHeaders())) {
            return null;
        }
        return pages.error(HttpStatus.FORBIDDEN, null, request);
    }

    @ResponseFilter
    void protectPages(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!guards(request)) {
            return;
        }
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
    }

    /** The root (which sends a browser on to sign-in or the dashboard) and every page of {@link PageErrors#isPagePath}. */
    static boolean guards(HttpRequest<?> request) {
        String path = request.getPath();
        return "/".equals(path) || PageErrors.isPagePath(path);
    }

    /** The shared same-origin rule ({@link SameOrigin}), also applied to cookie-authenticated API writes. */
    static boolean isSameOrigin(HttpHeaders headers) {
        return SameOrigin.isSameOrigin(headers);
    }
}
