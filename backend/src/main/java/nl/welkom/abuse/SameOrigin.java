package nl.welkom.abuse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;

/**
 * The one same-origin rule, for dashboard forms ({@code nl.welkom.dashboard.PageFilter}) and for
 * cookie-authenticated API writes ({@link ApiOriginFilter}): the request's {@code Origin}, or without
 * one its {@code Referer}, must have the host and port of the {@code Host} header. Another port or a
 * sibling subdomain is another origin; {@code Origin: null} (a sandboxed page, a redirect chain) is
 * refused. A request with neither header is let through: browsers send {@code Origin} on every
 * cross-origin POST, PUT, PATCH and DELETE, so such a request comes from a non-browser client, which
 * has no victim's cookie to ride on.
 */
public final class SameOrigin {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private SameOrigin() {
    }

    /** GET, HEAD and OPTIONS change nothing, so need no check. */
    public static boolean isSafe(HttpMethod method) {
        return SAFE.contains(method);
    }

    /** Whether the request comes from a page of this server (true when neither Origin nor Referer is sent). */
    public static boolean isSameOrigin(HttpHeaders headers) {
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
    public static String authority(String url) {
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
