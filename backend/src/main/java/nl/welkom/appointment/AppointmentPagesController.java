package nl.welkom.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.place.Place;
import nl.welkom.place.LocalPlaces;
import nl.welkom.problem.ProblemException;

/**
 * Booking an appointment from the dashboard ({@code appointment/new}): a plain form for the
 * household's officers and its matched family friend; the day and times are Dutch time. A form with
 * errors comes back with status 400, the values kept and each error beside its field.
 */
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AppointmentPagesController {
    private static final ZoneId AMSTERDAM = ZoneId.of(AppointmentCalendar.ZONE);
    private static final List<String> FIELDS = List.of("type", "purpose", "date", "from", "to", "placeId", "address",
            "byPhone", "bring");

    private final Dashboard dashboard;
    private final Pages pages;
    private final HouseholdScope scope;
    private final AppointmentService service;
    private final LocalPlaces places;
    private final MessageSource messages;
    private final Clock clock;

    AppointmentPagesController(Dashboard dashboard, Pages pages, HouseholdScope scope, AppointmentService service,
                               LocalPlaces places, MessageSource messages, Clock clock) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.scope = scope;
        this.service = service;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
    }

    /** One field's error, for the summary at the top. */
    record FieldError(String field, String message) {
    }

    @Get("/households/{id}/appointments/new")
    HttpResponse<?> form(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.viewer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        Map<String, String> values = new HashMap<>();
        values.put("type", AppointmentType.OFFICER.name());
        return render(viewer, request, HttpStatus.OK, household, values, new LinkedHashMap<>());
    }

    @Post(value = "/households/{id}/appointments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> book(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.viewer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        Map<String, String> errors = new LinkedHashMap<>();
        AppointmentType type = null;
        try {
            type = AppointmentType.valueOf(value(form, "type"));
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("type", word(viewer, "appointment.error.type"));
        }
        String purpose = value(form, "purpose");
        if (purpose == null || purpose.length() > AppointmentService.MAX_PURPOSE) {
            errors.put("purpose", word(viewer, "appointment.error.purpose"));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(String.valueOf(value(form, "date")));
        } catch (DateTimeParseException e) {
            errors.put("date", word(viewer, "appointment.error.date"));
        }
        LocalTime from = time(form, "from", viewer, errors);
        LocalTime to = time(form, "to", viewer, errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.put("to", word(viewer, "appointment.error.order"));
        }
        if (date != null && from != null && date.atTime(from).atZone(AMSTERDAM).toInstant()
                .isBefore(clock.instant().minusSeconds(24 * 3600))) {
            errors.put("date", word(viewer, "appointment.error.past"));
        }
        boolean byPhone = value(form, "byPhone") != null;
        if (byPhone && (value(form, "placeId") != null || value(form, "address") != null)) {
            errors.put("byPhone", word(viewer, "appointment.error.phone"));
        }
        if (!errors.isEmpty()) {
            return render(viewer, request, HttpStatus.BAD_REQUEST, household, kept(form), errors);
        }
        service.create(viewer.caller(), household.id(), new AppointmentCommand(type, purpose,
                date.atTime(from).atZone(AMSTERDAM).toInstant().toString(),
                date.atTime(to).atZone(AMSTERDAM).toInstant().toString(), List.of(), value(form, "placeId"),
                value(form, "address"), byPhone, value(form, "bring"), null, null));
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), "appointments"));
    }

    /** A service's problem (out of scope) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private HttpResponse<?> render(Viewer viewer, HttpRequest<?> request, HttpStatus status, HouseholdEntity household,
                                   Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("household", household);
        model.put("action", UriBuilder.of("/dashboard/households").path(household.id()).path("appointments")
                .build().toString());
        model.put("back", Dashboard.householdPage(household.id(), "appointments").toString());
        model.put("values", values);
        model.put("errors", errors);
        List<FieldError> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(new FieldError(field, message)));
        model.put("summary", summary);
        model.put("types", Arrays.stream(AppointmentType.values()).map(Enum::name).toList());
        List<Place> choices = places.places(household.municipalityId(), List.of("nl")).places();
        model.put("places", choices);
        return pages.render(status, "appointment/new", model, request);
    }

    private LocalTime time(Map<String, String> form, String field, Viewer viewer, Map<String, String> errors) {
        try {
            return LocalTime.parse(String.valueOf(value(form, field)));
        } catch (DateTimeParseException e) {
            errors.put(field, word(viewer, "appointment.error.time"));
            return null;
        }
    }

    private static Map<String, String> kept(Map<String, String> form) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(field -> values.put(field, form.get(field)));
        return values;
    }

    private static String value(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String word(Viewer viewer, String key) {
        return messages.getMessage(key, viewer.locale()).orElse(key);
    }
}
