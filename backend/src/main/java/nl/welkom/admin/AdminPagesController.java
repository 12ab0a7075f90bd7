package nl.welkom.admin;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import nl.welkom.admin.AdminWireFormat.NewStaffAccount;
import nl.welkom.admin.AdminWireFormat.SignInCode;
import nl.welkom.admin.AdminWireFormat.StaffAccount;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.OneTimeDisplay;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * The administrator's pages: municipalities with counts (never household data), each
 * municipality's staff accounts, the administrators, and the one page that shows a new sign-in code.
 * Every change is a POST answered with 303 (post-redirect-get); a form with a mistake comes back with
 * its values and a message at each field. Only administrators: everyone else gets the 403 page.
 */
@Hidden
@Controller("/dashboard/admin")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminPagesController {
    static final String HOME = "/dashboard/admin";
    /** Roles an administrator gives to a municipality's accounts on the municipality page. */
    static final List<String> MUNICIPALITY_ROLES = List.of(Role.OFFICER.name(), Role.EDITOR.name(), Role.BUDDY.name());
    private static final String LANGUAGE_FIELD = "lang.";
    /** A new account's form as first shown: Dutch ticked. */
    private static final Map<String, String> NEW_ACCOUNT = Map.of(LANGUAGE_FIELD + "nl", "on");
    /** What {@code ?done=} may announce after a change (admin.done.* in the bundle); anything else is ignored. */
    private static final Set<String> DONE = Set.of("created", "renamed", "deactivated", "reactivated");

    private final Dashboard dashboard;
    private final Pages pages;
    private final StaffAccounts staff;
    /**
     * A new sign-in code on its way from the POST (create account, reset password) to the one page
     * that shows it: for the administrator who made it and the account it is for, for
     * {@code welkom.admin.handover-ttl}, handed out once. A reload of that page finds nothing and says
     * so; it never makes a second code. A restart forgets pending codes (the administrator resets again).
     */
    private final OneTimeDisplay<SignInCode> handover;

    AdminPagesController(Dashboard dashboard, Pages pages, StaffAccounts staff, AdminProperties properties, Clock clock) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.staff = staff;
        this.handover = new OneTimeDisplay<>(clock, properties.handoverTtl());
    }

    /** Municipalities with counts, a form for a new one, and the administrators. */
    @Get
    HttpResponse<?> home(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String done) {
        Viewer viewer = dashboard.admin(authentication, request);
        return pages.ok("admin/home", homeModel(viewer, done), request);
    }

    /** A municipality: its name (to change), its slug, and its staff accounts with a form for a new one. */
    @Get("/municipalities/{id}")
    HttpResponse<?> municipality(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Nullable @QueryValue String done) {
        Viewer viewer = dashboard.admin(authentication, request);
        return pages.ok("admin/municipality", municipalityModel(viewer, found(viewer, id), done), request);
    }

    @Post(value = "/municipalities", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createMunicipality(HttpRequest<?> request, Authentication authentication,
                                       @Body Map<String, String> form) {
        Viewer viewer = dashboard.admin(authentication, request);
        try {
            MunicipalitySummary created = staff.createMunicipality(viewer.caller(), form.get("slug"), form.get("name"));
            return HttpResponse.seeOther(municipalityPage(created.id(), "created", null));
        } catch (InvalidInput invalid) {
            Map<String, Object> model = homeModel(viewer, null);
            model.put("municipalityForm", form);
            model.put("municipalityErrors", invalid.fields());
            return pages.render(invalid.status(), "admin/home", model, request);
        }
    }

    @Post(value = "/municipalities/{id}/name", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> renameMunicipality(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                       @Body Map<String, String> form) {
        Viewer viewer = dashboard.admin(authentication, request);
        MunicipalitySummary municipality = found(viewer, id);
        try {
            staff.renameMunicipality(viewer.caller(), municipality.id(), form.get("name"), null);
            return HttpResponse.seeOther(municipalityPage(municipality.id(), "renamed", null));
        } catch (InvalidInput invalid) {
            Map<String, Object> model = municipalityModel(viewer, municipality, null);
            model.put("renameForm", form);
            model.put("renameErrors", invalid.fields());
            return pages.render(invalid.status(), "admin/municipality", model, request);
        }
    }

    /**
     * A new account for a municipality (or a new administrator when the form has no municipality),
     * then the page that shows its one-time sign-in code (303).
     */
    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createAccount(HttpRequest<?> request, Authentication authentication,
                                  @Body Map<String, String> form) {
        Viewer viewer = dashboard.admin(authentication, request);
        String municipalityId = blankToNull(form.get("municipalityId"));
        MunicipalitySummary municipality = municipalityId == null ? null : found(viewer, municipalityId);
        String role = municipality == null ? Role.ADMIN.name() : form.get("role");
        if (municipality != null && role != null && !MUNICIPALITY_ROLES.contains(role)) {
            throw PageException.badRequest(viewer);
        }
        List<String> languages = new ArrayList<>();
        form.forEach((field, value) -> {
            if (field.startsWith(LANGUAGE_FIELD)) {
                languages.add(field.substring(LANGUAGE_FIELD.length()));
            }
        });
        try {
            AccountWithCode created = staff.create(viewer.caller(),
                    new NewStaffAccount(form.get("username"), form.get("displayName"), role, municipalityId, languages));
            return HttpResponse.seeOther(codePage(viewer, created));
        } catch (InvalidInput invalid) {
            Map<String, Object> model = municipality == null ? homeModel(viewer, null)
                    : municipalityModel(viewer, municipality, null);
            model.put("accountForm", form);
            model.put("accountErrors", invalid.fields());
            return pages.render(invalid.status(), municipality == null ? "admin/home" : "admin/municipality", model,
                    request);
        }
    }

    /** Asks before deactivating: what it means, and a button that does it. */
    @Get("/users/{id}/deactivate")
    HttpResponse<?> confirmDeactivate(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return confirm(request, authentication, id, "deactivate");
    }

    /** Asks before resetting a password: the current one stops working at once. */
    @Get("/users/{id}/reset")
    HttpResponse<?> confirmReset(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return confirm(request, authentication, id, "reset");
    }

    @Post(value = "/users/{id}/deactivate", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> deactivate(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.admin(authentication, request);
        StaffAccount account = staff.deactivate(viewer.caller(), id);
        return HttpResponse.seeOther(accountPlace(account, "deactivated"));
    }

    @Post(value = "/users/{id}/reactivate", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> reactivate(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.admin(authentication, request);
        StaffAccount account = staff.reactivate(viewer.caller(), id);
        return HttpResponse.seeOther(accountPlace(account, "reactivated"));
    }

    /** Resets the password, then the page that shows the new sign-in code (303). */
    @Post(value = "/users/{id}/reset", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> reset(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.admin(authentication, request);
        AccountWithCode reset = staff.reset(viewer.caller(), id);
        return HttpResponse.seeOther(codePage(viewer, reset));
    }

    /**
     * The new sign-in code, once: for the administrator who made it, right after the POST. Opened again
     * (a reload, the back button) it says the code was shown already; it never makes another.
     */
    @Get("/users/{id}/code")
    HttpResponse<?> code(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Nullable @QueryValue String ticket) {
        Viewer viewer = dashboard.admin(authentication, request);
        StaffAccount account = account(viewer, id);
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("account", account);
        model.put("back", accountPlace(account, null).toString());
        Optional<SignInCode> code = handover.takeOnce(ticket, viewer.caller().userId(), account.id());
        code.ifPresent(shown -> {
            model.put("code", shown.code());
            model.put("link", absolute(request, shown.link()));
            model.put("expires", viewer.display().dateTime(shown.expiresAt()));
            model.put("setPage", absolute(request, StaffAccounts.SET_PASSWORD_PATH));
            model.put("minLength", PasswordRules.MIN_LENGTH);
        });
        return pages.ok("admin/sign-in-code", model, request);
    }

    /** A service's refusal (an unknown account, one's own account) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private HttpResponse<?> confirm(HttpRequest<?> request, Authentication authentication, String id, String action) {
        Viewer viewer = dashboard.admin(authentication, request);
        StaffAccount account = account(viewer, id);
        boolean possible = !account.id().equals(viewer.caller().userId())
                && ("deactivate".equals(action) || account.active());
        if (!possible) {
            throw PageException.badRequest(viewer);
        }
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("account", account);
        model.put("action", action);
        model.put("back", accountPlace(account, null).toString());
        return pages.ok("admin/confirm", model, request);
    }

    private Map<String, Object> homeModel(Viewer viewer, @Nullable String done) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("municipalities", staff.municipalities());
        model.put("admins", staff.accounts(null));
        model.put("languages", staff.offeredLanguages());
        model.put("municipalityForm", Map.of());
        model.put("municipalityErrors", Map.of());
        model.put("accountForm", NEW_ACCOUNT);
        model.put("accountErrors", Map.of());
        model.put("done", done != null && DONE.contains(done) ? done : null);
        return model;
    }

    private Map<String, Object> municipalityModel(Viewer viewer, MunicipalitySummary municipality,
                                                  @Nullable String done) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("municipality", municipality);
        model.put("accounts", staff.accounts(municipality.id()));
        model.put("languages", staff.offeredLanguages());
        model.put("roles", MUNICIPALITY_ROLES);
        Map<String, String> renameForm = new HashMap<>();
        renameForm.put("name", municipality.name());
        model.put("renameForm", renameForm);
        model.put("renameErrors", Map.of());
        model.put("accountForm", NEW_ACCOUNT);
        model.put("accountErrors", Map.of());
        model.put("done", done != null && DONE.contains(done) ? done : null);
        return model;
    }

    private MunicipalitySummary found(Viewer viewer, String id) {
        try {
            return staff.municipality(id);
        } catch (ProblemException e) {
            throw PageException.notFound(viewer);
        }
    }

    private StaffAccount account(Viewer viewer, String id) {
        try {
            return staff.account(id);
        } catch (ProblemException e) {
            throw PageException.notFound(viewer);
        }
    }

    private URI codePage(Viewer viewer, AccountWithCode issued) {
        String ticket = handover.keep(viewer.caller().userId(), issued.account().id(), issued.signInCode());
        return UriBuilder.of(HOME).path("users").path(issued.account().id()).path("code")
                .queryParam("ticket", ticket).build();
    }

    /** Where an account is listed: its municipality's page, or the home page for administrators. */
    private static URI accountPlace(StaffAccount account, @Nullable String done) {
        return account.municipalityId() == null
                ? home(done, "account-" + account.id())
                : municipalityPage(account.municipalityId(), done, "account-" + account.id());
    }

    private static URI home(@Nullable String done, @Nullable String fragment) {
        UriBuilder uri = UriBuilder.of(HOME);
        if (done != null) {
            uri.queryParam("done", done);
        }
        return fragment == null ? uri.build() : uri.fragment(fragment).build();
    }

    private static URI municipalityPage(String id, @Nullable String done, @Nullable String fragment) {
        UriBuilder uri = UriBuilder.of(HOME).path("municipalities").path(id);
        if (done != null) {
            uri.queryParam("done", done);
        }
        return fragment == null ? uri.build() : uri.fragment(fragment).build();
    }

    /** The link as the staff member will open it: on this server, as the browser reached it. */
    private static String absolute(HttpRequest<?> request, String path) {
        String host = request.getHeaders().get("Host");
        if (host == null || host.isBlank()) {
            return path;
        }
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        return (https ? "https://" : "http://") + host.trim() + path;
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
