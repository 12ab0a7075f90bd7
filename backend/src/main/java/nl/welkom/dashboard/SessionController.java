package nl.welkom.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.abuse.SignInGuard;
import nl.welkom.abuse.Throttled;
import nl.welkom.auth.AuthService;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.problem.ProblemException;

/**
 * Signing in and out of the dashboard. A successful sign-in puts the session token in the
 * {@value #COOKIE} cookie, which {@code nl.welkom.auth} reads on every later request: HttpOnly (no
 * script can read it), {@code SameSite=Strict} (never sent from another site), {@code Path=/}, and
 * {@code Secure} when the request came over https. It is a browser-session cookie; the token
 * itself expires after the staff token lifetime.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionController {
    static final String COOKIE = "WELKOM_SESSION";
    static final URI DASHBOARD = URI.create("/dashboard");
    static final URI LOGIN = URI.create("/login");
    private static final URI SIGNED_OUT = URI.create("/login?signed-out");

    private final AuthService authService;
    private final SignInGuard guard;
    private final Pages pages;

    SessionController(AuthService authService, SignInGuard guard, Pages pages) {
        this.authService = authService;
        this.guard = guard;
        this.pages = pages;
    }

    /** The start page: the households when signed in, else the sign-in form. */
    @Get
    HttpResponse<?> home(@Nullable Authentication authentication) {
        return HttpResponse.seeOther(authentication == null ? LOGIN : startOf(authentication));
    }

    @Get("/login")
    HttpResponse<?> loginForm(HttpRequest<?> request, @Nullable Authentication authentication,
                              @Nullable @QueryValue("signed-out") String signedOut) {
        if (authentication != null) {
            return HttpResponse.seeOther(startOf(authentication));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("signedOut", signedOut != null);
        return pages.ok("login", model, request);
    }

    /**
     * Checks the password; on success sets the cookie and sends the browser to the households (303).
     * A failure shows the form again with 401 and one message for every cause, so it does not tell
     * whether the account exists. After too many failures for this account from this address the
     * form comes back with 429, a message saying when to try again and {@code Retry-After} (docs/abuse.md).
     */
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        Session session;
        try {
            session = guard.login(request, form.username(), form.password());
        } catch (Throttled e) {
            Map<String, Object> model = new HashMap<>();
            model.put("throttledMinutes", e.retryAfterMinutes());
            model.put("username", form.username() == null ? "" : form.username());
            return pages.render(HttpStatus.TOO_MANY_REQUESTS, "login", model, request)
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()));
        } catch (ProblemException e) {
            Map<String, Object> model = new HashMap<>();
            model.put("failed", true);
            model.put("username", form.username() == null ? "" : form.username());
            return pages.render(HttpStatus.UNAUTHORIZED, "login", model, request);
        }
        // A token this browser held before is of no further use: revoke it rather than let it linger.
        tokenOf(request).ifPresent(authService::logout);
        return HttpResponse.seeOther(startOf(session.role())).cookie(sessionCookie(session.token(), isHttps(request)));
    }

    /** Revokes the session's token, clears the cookie and shows the sign-in form (303). */
    @Post(value = "/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> logout(HttpRequest<?> request) {
        tokenOf(request).ifPresent(authService::logout);
        return HttpResponse.seeOther(SIGNED_OUT).cookie(sessionCookie("", isHttps(request)).maxAge(0));
    }

    /**
     * Switches the dashboard's language (Dutch or English) for this browser with the
     * {@link DashboardLocale#COOKIE} cookie, then shows the page the switch was on again (303).
     * Only a path on this server is followed back; anything else goes to the start page.
     */
    @Post(value = "/language", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> language(HttpRequest<?> request, @Body LanguageForm form) {
        String lang = form.lang() == null ? "" : form.lang();
        Locale locale = DashboardLocale.spoken(lang).orElse(null);
        if (locale == null) {
            return pages.error(HttpStatus.BAD_REQUEST, null, request);
        }
        URI target = backTo(form.back());
        Cookie cookie = Cookie.of(DashboardLocale.COOKIE, locale.getLanguage()).sameSite(SameSite.Lax).path("/")
                .maxAge(Duration.ofDays(365)).secure(isHttps(request));
        return HttpResponse.seeOther(target).cookie(cookie);
    }

    /**
     * A path on this server to send the browser back to, else the start page: never another site
     * ({@code //host}, {@code /\host}, {@code https://host}) and never a value that is not a plain URI path.
     */
    static URI backTo(@Nullable String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return URI.create("/");
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : URI.create("/");
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }

    /** Where a signed-in caller starts: editors on the content page, administrators on theirs, everyone else on the households. */
    private static URI startOf(Authentication authentication) {
        return authentication.getRoles().stream().findFirst().map(role -> {
            try {
                return startOf(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                return DASHBOARD;
            }
        }).orElse(DASHBOARD);
    }

    private static URI startOf(Role role) {
        return URI.create(Viewer.startPage(role));
    }

    private static Optional<String> tokenOf(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(token -> !token.isEmpty());
    }

    private static Cookie sessionCookie(String value, boolean secure) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Strict).path("/").secure(secure);
    }

    /** Https directly, or through a proxy that says so; a forged header can only make the cookie stricter. */
    private static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
