package nl.welkom.abuse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import nl.welkom.auth.BearerTokenFetcher;
import nl.welkom.model.Problem;
import nl.welkom.problem.ProblemException;
import nl.welkom.problem.Problems;

/**
 * Cookie-authenticated writes to the API must come from this server's own pages. The dashboard's
 * session cookie is {@code SameSite=Strict}, but a site on another port or a sibling subdomain of the
 * same host is the same <em>site</em>, so the browser sends the cookie along with a form or
 * {@code fetch} from there. A POST, PUT, PATCH or DELETE to {@code /api/**} whose credential is that
 * cookie (no bearer token) and whose {@code Origin}/{@code Referer} is another origin
 * ({@link SameOrigin}) is refused with 403 problem {@code cross-origin} before anything runs. Bearer
 * requests (phones, the client library, scripts) are not affected: a bearer token does not ride along.
 * The filter sees every request and picks {@code /api/**} in code, as the dashboard's page filter does
 * its pages: a filter for all paths costs the router nothing on each request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiOriginFilter {
    private final AbuseCounters counters;

    ApiOriginFilter(AbuseCounters counters) {
        this.counters = counters;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseCrossOriginCookieWrites(HttpRequest<?> request) {
        if (SameOrigin.isSafe(request.getMethod()) || !isApi(request.getPath())
                || !BearerTokenFetcher.usesSessionCookie(request)
                || SameOrigin.isSameOrigin(request.getHeaders())) {
            return null;
        }
        counters.crossOriginRefusal();
        return Problems.response(new ProblemException(HttpStatus.FORBIDDEN, "cross-origin", "Cross-origin request",
                "A request signed in with the dashboard's cookie must come from the dashboard's own pages.").problem());
    }

    /** What {@code /api/**} matched: {@code /api} and everything under it. */
    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
