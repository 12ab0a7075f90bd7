package nl.welkom.volunteer;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Pages;

/**
 * The public page where anyone applies to become a family friend ({@value #PATH}), no account
 * needed: a plain form (no script) that comes back with its values and a message at each wrong
 * field (400), a thank-you page after a good one (303, post-redirect-get). Abuse: a hidden field
 * people leave empty (a filled one is thanked and dropped), the per-address limit of
 * {@link ApplicationLimiter} (429 page with Retry-After), and the dashboard's same-origin check of
 * {@code PageFilter}, which covers this path too.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApplicationPagesController {
    static final String PATH = "/vrijwilliger-worden";
    static final String THANKS = PATH + "/bedankt";
    static final String HONEYPOT = "website";
    static final int LANGUAGE_ROWS = VolunteerService.MAX_LANGUAGES;

    private final VolunteerService service;
    private final ApplicationLimiter limiter;
    private final Dashboard dashboard;
    private final Pages pages;

    ApplicationPagesController(VolunteerService service, ApplicationLimiter limiter, Dashboard dashboard, Pages pages) {
        this.service = service;
        this.limiter = limiter;
        this.dashboard = dashboard;
        this.pages = pages;
    }

    @Get(PATH)
    HttpResponse<?> form(HttpRequest<?> request) {
        Map<String, String> form = new HashMap<>();
        form.put("lang1", "nl");
        form.put("maxHouseholds", "1");
        form.put("gender", "UNSAID");
        return pages.ok("volunteer/apply", model(request, form, Map.of()), request);
    }

    @Post(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> apply(HttpRequest<?> request, @Body Map<String, String> form) {
        OptionalLong retryAfter = limiter.attempt(request);
        if (retryAfter.isPresent()) {
            Map<String, Object> model = new HashMap<>();
            model.put("display", dashboard.display(request));
            model.put("here", PATH);
            return pages.render(HttpStatus.TOO_MANY_REQUESTS, "volunteer/too-many", model, request)
                    .header("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        String honeypot = form.get(HONEYPOT);
        if (honeypot != null && !honeypot.isBlank()) {
            return HttpResponse.seeOther(URI.create(THANKS));
        }
        try {
            service.apply(application(form));
            return HttpResponse.seeOther(URI.create(THANKS));
        } catch (InvalidApplication invalid) {
            return pages.render(HttpStatus.BAD_REQUEST, "volunteer/apply", model(request, form, invalid.fields()),
                    request);
        }
    }

    @Get(THANKS)
    HttpResponse<?> thanks(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("display", dashboard.display(request));
        return pages.ok("volunteer/thanks", model, request);
    }

    private Map<String, Object> model(HttpRequest<?> request, Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("display", dashboard.display(request));
        model.put("form", form);
        model.put("errors", errors);
        model.put("municipalities", service.municipalities());
        model.put("languages", service.offeredLanguages());
        model.put("rows", java.util.stream.IntStream.rangeClosed(1, LANGUAGE_ROWS).boxed().toList());
        model.put("levels", Volunteer.Level.values());
        model.put("preferences", Volunteer.Preference.values());
        model.put("genders", Volunteer.Gender.values());
        model.put("here", PATH);
        return model;
    }

    /** The form's fields as an application; a number that is not one becomes 0 (out of range, so refused). */
    static VolunteerApplication application(Map<String, String> form) {
        List<String> prefers = new ArrayList<>();
        for (Volunteer.Preference preference : Volunteer.Preference.values()) {
            if (form.containsKey("prefers." + preference.name())) {
                prefers.add(preference.name());
            }
        }
        List<VolunteerApplication.LanguageLine> languages = new ArrayList<>();
        for (int row = 1; row <= LANGUAGE_ROWS; row++) {
            languages.add(new VolunteerApplication.LanguageLine(form.get("lang" + row), form.get("level" + row)));
        }
        return new VolunteerApplication(form.get("municipalityId"), form.get("firstName"), form.get("lastName"),
                form.get("email"), form.get("phone"), form.get("postcode"), number(form.get("hoursPerWeek")),
                form.get("interests"), prefers, form.get("gender"), number(form.get("maxHouseholds")), languages,
                form.containsKey("consent"));
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
