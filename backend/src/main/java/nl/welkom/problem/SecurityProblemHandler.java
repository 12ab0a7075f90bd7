package nl.welkom.problem;

import java.net.URI;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a request the security rules rejected: 403 problem for a known caller without the
 * right role, 401 problem for no or an unknown token ({@code device-revoked} for the token of a
 * revoked device, so the phone knows to wipe its copy). The one exception: an unauthenticated
 * request for a dashboard page ({@value #DASHBOARD}) is sent to {@value #LOGIN_PAGE} with 303,
 * because a person with a browser is on the other end.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class SecurityProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    static final String DASHBOARD = "/dashboard";
    static final String LOGIN_PAGE = "/login";

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return Problems.response(Problems.forStatus(HttpStatus.FORBIDDEN, "Your role may not do this."));
        }
        String path = request.getPath();
        if (path.equals(DASHBOARD) || path.startsWith(DASHBOARD + "/")) {
            return HttpResponse.seeOther(URI.create(LOGIN_PAGE));
        }
        if (request.getAttribute(Problems.DEVICE_REVOKED_ATTRIBUTE).isPresent()) {
            return Problems.response(Problems.deviceRevoked()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return Problems.response(Problems.forStatus(HttpStatus.UNAUTHORIZED, "Sign in or send a valid bearer token."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
