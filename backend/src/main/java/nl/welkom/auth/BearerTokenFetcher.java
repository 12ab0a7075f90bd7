package nl.welkom.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.welkom.problem.Problems;
import org.reactivestreams.Publisher;

/**
 * Authenticates a request by its opaque token: {@code Authorization: Bearer <token>} (phones,
 * API clients) or else the {@value #COOKIE} cookie (the dashboard). No token, or a token
 * {@link AuthService} refuses, leaves the request anonymous; the security rules then answer 401 —
 * with the {@code device-revoked} problem when the token belongs to a revoked device (marked by the
 * request attribute {@link Problems#DEVICE_REVOKED_ATTRIBUTE}).
 * The database lookup runs on the blocking executor, never on the event loop, and the caller is
 * emitted from that same thread ({@link CheckOnBlockingThread}), so the security rules and a route
 * that asks {@link #onCheckingThread} go on there; a route's {@link TokenQuestion} rides along in
 * the same statement.
 *
 * <p>It replaces the framework's own token fetcher, which read the same header on every request to
 * hand it to token validators Welkom does not have (signed tokens): its work, a stream over the
 * header readers per request, was a twentieth of a phone's pull (docs/performance.md).
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public final class BearerTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    /** Name of the session cookie the dashboard sets to a token from {@link AuthService#login}. */
    static final String COOKIE = "WELKOM_SESSION";
    private static final String BEARER = "bearer ";
    private static final int MAX_TOKEN_LENGTH = 256;
    private static final String CHECKED_ON = "welkom.token-checked-on";

    private final AuthService authService;
    private final ExecutorService blocking;
    private final List<TokenQuestion> questions;

    BearerTokenFetcher(AuthService authService, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                       List<TokenQuestion> questions) {
        this.authService = authService;
        this.blocking = blocking;
        this.questions = List.copyOf(questions);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> token = tokenOf(request);
        if (token.isEmpty()) {
            return Publishers.empty();
        }
        TokenQuestion.Asked question = questionOf(request);
        return subscriber -> subscriber.onSubscribe(new CheckOnBlockingThread(subscriber, () -> {
            AuthService.TokenCheck check = authService.check(token.get(), question);
            if (check.deviceRevoked()) {
                request.setAttribute(Problems.DEVICE_REVOKED_ATTRIBUTE, Boolean.TRUE);
            }
            if (question != null && check.answer() != null) {
                request.setAttribute(question.attribute(), check.answer());
            }
            request.setAttribute(CHECKED_ON, Thread.currentThread());
            return check.authentication();
        }, blocking));
    }

    /**
     * Whether the current thread is the blocking thread that checked the request's token: the
     * security filter and the route go on on the thread that emitted the caller, so a route may do
     * its database work right there instead of handing the request to the blocking pool a second time.
     */
    public static boolean onCheckingThread(HttpRequest<?> request) {
        return request.getAttribute(CHECKED_ON).orElse(null) == Thread.currentThread();
    }

    /** The first question a route asks for this request, if any. */
    private TokenQuestion.Asked questionOf(HttpRequest<?> request) {
        for (TokenQuestion question : questions) {
            TokenQuestion.Asked asked = question.ask(request);
            if (asked != null) {
                return asked;
            }
        }
        return null;
    }

    /**
     * Whether the request's credential is the dashboard's session cookie rather than a bearer token:
     * such a request rides on whatever browser holds the cookie, so writes through it must come from
     * this server's own pages (nl.welkom.abuse.ApiOriginFilter).
     */
    public static boolean usesSessionCookie(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return false;
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> !value.isEmpty()).isPresent();
    }

    static Optional<String> tokenOf(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return usable(header.substring(BEARER.length()).trim());
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(BearerTokenFetcher::usable);
    }

    private static Optional<String> usable(String token) {
        return token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? Optional.empty() : Optional.of(token);
    }
}
