package nl.welkom.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.util.HttpHeadersUtil;

/**
 * Drops an {@code Accept-Language} header that Micronaut's own parser cannot read (such as
 * {@code ;}), before routing: binding any route's arguments reads the request's locale, and that
 * header would otherwise answer every such request with a 500. Without the header the request is
 * served as if none had been sent (Dutch, or {@code lang}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AcceptLanguageFilter {

    @RequestFilter
    @PreMatching
    void dropUnreadableAcceptLanguage(MutableHttpRequest<?> request) {
        for (String header : request.getHeaders().getAll(HttpHeaders.ACCEPT_LANGUAGE)) {
            try {
                HttpHeadersUtil.splitAcceptHeader(header);
            } catch (RuntimeException unreadable) {
                request.getHeaders().remove(HttpHeaders.ACCEPT_LANGUAGE);
                return;
            }
        }
    }
}
