package nl.welkom.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.buddy.BuddyMatchService;
import nl.welkom.buddy.EndReason;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.BuddyMatch;
import nl.welkom.household.BuddyMatchRepository;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.problem.ProblemException;

/**
 * The family-friend part's forms (officers): match a suggestion ("Koppelen"), end a match with a
 * reason after a confirmation page ({@code matching/end}), and record the household's wish. Every
 * POST answers with a redirect to the household page (post-redirect-get); the end form with an
 * error comes back with status 400, the values kept and the error beside its field.
 */
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MatchingPagesController {
    private static final String FRAGMENT = "family-friend";

    private final Dashboard dashboard;
    private final Pages pages;
    private final HouseholdScope scope;
    private final BuddyMatchService buddyMatches;
    private final BuddyMatchRepository matches;
    private final MatchingService matching;
    private final AppUserRepository users;
    private final MessageSource messages;

    MatchingPagesController(Dashboard dashboard, Pages pages, HouseholdScope scope, BuddyMatchService buddyMatches,
                            BuddyMatchRepository matches, MatchingService matching, AppUserRepository users,
                            MessageSource messages) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.scope = scope;
        this.buddyMatches = buddyMatches;
        this.matches = matches;
        this.matching = matching;
        this.users = users;
        this.messages = messages;
    }

    @Post(value = "/households/{id}/buddy-matches", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> match(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                          @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        String buddyUserId = form.get("buddyUserId");
        if (buddyUserId == null || buddyUserId.isBlank()) {
            throw PageException.badRequest(viewer);
        }
        buddyMatches.start(viewer.caller(), household.id(), buddyUserId);
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), FRAGMENT));
    }

    @Post(value = "/households/{id}/buddy-preference", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> preference(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        matching.setPreference(viewer.caller(), household.id(), form.get("prefers"));
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), FRAGMENT));
    }

    @Get("/buddy-matches/{id}/end")
    HttpResponse<?> endForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        BuddyMatch match = activeMatch(viewer, id);
        return render(viewer, request, HttpStatus.OK, match, new HashMap<>(), new LinkedHashMap<>());
    }

    @Post(value = "/buddy-matches/{id}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                        @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        BuddyMatch match = activeMatch(viewer, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String reason = form.get("reason");
        if (reason == null || Arrays.stream(EndReason.values()).noneMatch(r -> r.name().equals(reason))) {
            errors.put("reason", word(viewer, "matching.end.error.reason"));
        }
        String note = form.getOrDefault("note", "");
        if (note.strip().codePointCount(0, note.strip().length()) > EndReason.MAX_NOTE) {
            errors.put("note", word(viewer, "matching.end.error.note"));
        }
        if (!errors.isEmpty()) {
            return render(viewer, request, HttpStatus.BAD_REQUEST, match, form, errors);
        }
        buddyMatches.end(viewer.caller(), match.id(), EndReason.valueOf(reason), note);
        return HttpResponse.seeOther(Dashboard.householdPage(match.householdId(), FRAGMENT));
    }

    /** A service's problem (out of scope, already matched, not active) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private BuddyMatch activeMatch(Viewer viewer, String id) {
        BuddyMatch match = matches.findById(id)
                .filter(found -> scope.canSee(viewer.caller(), found.householdId()))
                .orElseThrow(() -> PageException.notFound(viewer));
        if (match.endedAt() != null) {
            throw PageException.notFound(viewer);
        }
        return match;
    }

    private HttpResponse<?> render(Viewer viewer, HttpRequest<?> request, HttpStatus status, BuddyMatch match,
                                   Map<String, String> values, Map<String, String> errors) {
        HouseholdEntity household = scope.requireVisible(viewer.caller(), match.householdId());
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("household", household);
        model.put("buddyName", users.findById(match.buddyUserId()).map(AppUser::displayName).orElse(""));
        model.put("reasons", List.of(EndReason.values()).stream().map(Enum::name).toList());
        model.put("values", values);
        model.put("errors", errors);
        model.put("action", "/dashboard/buddy-matches/" + match.id() + "/end");
        model.put("back", Dashboard.householdPage(household.id(), FRAGMENT).toString());
        return pages.render(status, "matching/end", model, request);
    }

    private String word(Viewer viewer, String key) {
        return messages.getMessage(key, viewer.locale()).orElse(key);
    }
}
