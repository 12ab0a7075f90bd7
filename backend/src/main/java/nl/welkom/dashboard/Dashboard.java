package nl.welkom.dashboard;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.welkom.auth.AuthService;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;

/**
 * What every dashboard page starts with, for the dashboard's own controllers and for features that
 * add pages ({@code /dashboard/...}) from their own package: who is looking, in which language
 * ({@link DashboardLocale}), and the model every template expects ({@code viewer}).
 */
@Singleton
public final class Dashboard {
    private final AuthService authService;
    private final DashboardLocale locales;
    private final DashboardProperties properties;

    Dashboard(AuthService authService, DashboardLocale locales, DashboardProperties properties) {
        this.authService = authService;
        this.locales = locales;
        this.properties = properties;
    }

    /**
     * The signed-in person when their role may use household pages (officer, buddy).
     *
     * @throws PageException 403 page for any other role
     */
    public Viewer viewer(Authentication authentication, HttpRequest<?> request) {
        return require(authentication, request, Viewer::admits);
    }

    /** An officer. @throws PageException 403 page for any other role */
    public Viewer officer(Authentication authentication, HttpRequest<?> request) {
        return require(authentication, request, role -> role == Role.OFFICER);
    }

    /** An administrator. @throws PageException 403 page for any other role */
    public Viewer admin(Authentication authentication, HttpRequest<?> request) {
        return require(authentication, request, role -> role == Role.ADMIN);
    }

    /** A content editor. @throws PageException 403 page for any other role */
    public Viewer editor(Authentication authentication, HttpRequest<?> request) {
        return require(authentication, request, role -> role == Role.EDITOR);
    }

    /** The model every page template expects: the viewer. Add the page's own entries to it. */
    public static Map<String, Object> model(Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", viewer);
        return model;
    }

    /** A display in the request's language (for pages without a signed-in viewer, such as the sign-in form). */
    public Display display(HttpRequest<?> request) {
        return new Display(properties.timeZone(), locales.resolveOrDefault(request));
    }

    /** {@code /dashboard/households/{id}#fragment}: where a change to a household sends the browser back. */
    public static URI householdPage(String householdId, String fragment) {
        return UriBuilder.of("/dashboard/households").path(householdId).fragment(fragment).build();
    }

    private Viewer require(Authentication authentication, HttpRequest<?> request, Predicate<Role> allowed) {
        Caller caller = Caller.of(authentication);
        if (caller.isDevice()) {
            // A newcomer's phone has no business on the dashboard.
            throw PageException.forbidden(null);
        }
        Session session = authService.describe(authentication);
        Viewer viewer = new Viewer(caller, session.displayName(), session.municipalityName(), display(request));
        if (!allowed.test(caller.role())) {
            throw PageException.forbidden(viewer);
        }
        return viewer;
    }
}
