package nl.welkom.admin;

import java.net.URI;
import java.util.HashMap;
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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.auth.AuthService;
import nl.welkom.dashboard.Pages;
import nl.welkom.model.auth.Session;

/**
 * Where a staff member chooses a password with the one-time sign-in code an administrator handed
 * over: {@code /password/set?code=…} (the link) or {@code /password/set} (typing the code). The
 * password travels only in the POST body. On success the person is signed in — the same session
 * cookie as {@code /login} sets — and sent to their start page (303); a mistake shows the form again
 * with the message at its field and the code kept, never the password.
 */
@Hidden
@Controller("/password/set")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PasswordPageController {
    /** The dashboard's session cookie ({@code SessionController}, read by {@code BearerTokenFetcher}). */
    static final String SESSION_COOKIE = "WELKOM_SESSION";
    private static final String VIEW = "admin/password-set";

    private final PasswordSetting setting;
    private final AuthService authService;
    private final Pages pages;

    PasswordPageController(PasswordSetting setting, AuthService authService, Pages pages) {
        this.setting = setting;
        this.authService = authService;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String code) {
        Map<String, Object> model = model(code);
        if (code != null) {
            Optional<String> username = setting.usernameFor(code);
            username.ifPresent(name -> model.put("username", name));
            if (username.isEmpty()) {
                model.put("errors", Map.of("code", PasswordSetting.INVALID_CODE));
            }
        }
        return pages.ok(VIEW, model, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> choose(HttpRequest<?> request, @Body Map<String, String> form) {
        String code = form.get("code");
        String password = form.get("password");
        Optional<String> username = setting.usernameFor(code);
        Map<String, Object> model = model(code);
        username.ifPresent(name -> model.put("username", name));
        if (username.isPresent() && password != null && !password.isEmpty()
                && !password.equals(form.get("repeat"))) {
            model.put("errors", Map.of("repeat", "admin.password.error.repeat"));
            return pages.render(HttpStatus.BAD_REQUEST, VIEW, model, request);
        }
        Session session;
        try {
            session = setting.choose(code, password);
        } catch (InvalidInput invalid) {
            model.put("errors", invalid.fields());
            return pages.render(invalid.status(), VIEW, model, request);
        }
        // A session this browser held before (someone else's, perhaps) ends here.
        request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue).filter(token -> !token.isEmpty())
                .ifPresent(authService::logout);
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        Cookie cookie = Cookie.of(SESSION_COOKIE, session.token()).httpOnly(true).sameSite(SameSite.Strict).path("/")
                .secure(https);
        // "/" sends a signed-in person on to the start page of their role.
        return HttpResponse.seeOther(URI.create("/")).cookie(cookie);
    }

    private static Map<String, Object> model(@Nullable String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("code", code == null ? "" : code);
        model.put("errors", Map.of());
        model.put("minLength", PasswordRules.MIN_LENGTH);
        model.put("maxLength", PasswordRules.MAX_LENGTH);
        return model;
    }
}
