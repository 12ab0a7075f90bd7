package nl.welkom.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

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
 */
@ServerFilter({"/", "/login", "/logout", "/language", "/dashboard", "/dashboard/**", "/password/set",
    "/vrijwilliger-worden", "/vrijwilliger-worden/**"})
final class PageFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Pages pages;

    PageFilter(Pages pages) {
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCrossSiteForms(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || isSameOrigin(request.getHeaders())) {
            return null;
        }
        return pages.error(HttpStatus.FORBIDDEN, null, request);
    }

    @ResponseFilter
    void protectPages(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
    }

    /**
     * Whether the request comes from a page of this server: its {@code Origin}, or without one its
     * {@code Referer}, has the host and port of the {@code Host} header. True when neither is sent.
     */
    static boolean isSameOrigin(HttpHeaders headers) {
        String source = headers.get("Origin");
        if (source == null) {
            source = headers.get(HttpHeaders.REFERER);
        }
        if (source == null) {
            return true;
        }
        String host = headers.get(HttpHeaders.HOST);
        String sourceAuthority = authority(source);
        return host != null && sourceAuthority != null && sourceAuthority.equals(host.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code https://example.org:8443/x} → {@code example.org:8443}; the scheme's default port is left out as in {@code Host}. */
    @Nullable
    static String authority(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1
                    || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                    || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return defaultPort ? host : host + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
