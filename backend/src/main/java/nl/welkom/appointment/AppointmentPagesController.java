package nl.welkom.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
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
import nl.welkom.dashboard.PageException;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.place.Place;
import nl.welkom.place.LocalPlaces;
import nl.welkom.problem.ProblemException;

/**
 * Booking, moving and cancelling an appointment from the dashboard ({@code appointment/new} for
 * booking and moving, {@code appointment/cancel} to confirm a cancellation): plain forms for the
 * household's officers and its matched family friend; the day and times are Dutch time. A form with
 * errors comes back with status 400, the values kept and each error beside its field.
 */
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AppointmentPagesController {
    private static final ZoneId AMSTERDAM = ZoneId.of(AppointmentCalendar.ZONE);
    private static final List<String> FIELDS = List.of("type", "purpose", "date", "from", "to", "placeId", "address",
            "byPhone", "bring", "interpreter");
    private static final String MEMBER = "member-";
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final Dashboard dashboard;
    private final Pages pages;
    private final HouseholdScope scope;
    private final AppointmentService service;
    private final LocalPlaces places;
    private final AppointmentRepository appointments;
    private final MemberRepository memberRepository;
    private final MessageSource messages;
    private final Clock clock;

    AppointmentPagesController(Dashboard dashboard, Pages pages, HouseholdScope scope, AppointmentService service,
                               LocalPlaces places, AppointmentRepository appointments, MemberRepository memberRepository,
                               MessageSource messages, Clock clock) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.scope = scope;
        this.service = service;
        this.places = places;
        this.appointments = appointments;
        this.memberRepository = memberRepository;
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
        return render(viewer, request, HttpStatus.OK, household, null, values, new LinkedHashMap<>());
    }

    @Post(value = "/households/{id}/appointments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> book(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.viewer(authentication, request);
        HouseholdEntity household = scope.requireVisible(viewer.caller(), id);
        Map<String, String> errors = new LinkedHashMap<>();
        AppointmentCommand command = command(viewer, household, form, errors);
        if (command == null) {
            return render(viewer, request, HttpStatus.BAD_REQUEST, household, null, kept(form), errors);
        }
        service.create(viewer.caller(), household.id(), command);
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), "appointments"));
    }

    @Get("/appointments/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.viewer(authentication, request);
        AppointmentEntity appointment = changeable(viewer, service.read(viewer.caller(), id));
        HouseholdEntity household = scope.requireVisible(viewer.caller(), appointment.householdId());
        return render(viewer, request, HttpStatus.OK, household, appointment, values(appointment), new LinkedHashMap<>());
    }

    @Post(value = "/appointments/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.viewer(authentication, request);
        AppointmentEntity appointment = changeable(viewer, service.read(viewer.caller(), id));
        HouseholdEntity household = scope.requireVisible(viewer.caller(), appointment.householdId());
        Map<String, String> errors = new LinkedHashMap<>();
        AppointmentCommand command = command(viewer, household, form, errors);
        if (command == null) {
            return render(viewer, request, HttpStatus.BAD_REQUEST, household, appointment, kept(form), errors);
        }
        service.update(viewer.caller(), appointment.id(), command);
        return HttpResponse.seeOther(Dashboard.householdPage(household.id(), "appointments"));
    }

    @Get("/appointments/{id}/cancel")
    HttpResponse<?> cancelForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.viewer(authentication, request);
        AppointmentEntity appointment = changeable(viewer, service.read(viewer.caller(), id));
        HouseholdEntity household = scope.requireVisible(viewer.caller(), appointment.householdId());
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("household", household);
        model.put("appointment", appointment);
        model.put("when", viewer.display().dateTime(appointment.startsAt()));
        model.put("action", UriBuilder.of("/dashboard/appointments").path(appointment.id()).path("cancel").build()
                .toString());
        model.put("back", Dashboard.householdPage(household.id(), "appointments").toString());
        return pages.ok("appointment/cancel", model, request);
    }

    @Post(value = "/appointments/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.viewer(authentication, request);
        Appointment cancelled = service.cancel(viewer.caller(), id);
        return HttpResponse.seeOther(Dashboard.householdPage(cancelled.householdId(), "appointments"));
    }

    /** A service's problem (out of scope) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    /**
     * The form as a command, or null when a field is wrong: then each error is in {@code errors}
     * under its field's name. Ticked members are {@code member-<id>}; no member ticked = everyone.
     */
    @Nullable
    private AppointmentCommand command(Viewer viewer, HouseholdEntity household, Map<String, String> form,
                                       Map<String, String> errors) {
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
        Set<String> known = members(household).stream().map(MemberEntity::id).collect(Collectors.toSet());
        List<String> chosen = form.keySet().stream().filter(key -> key.startsWith(MEMBER))
                .map(key -> key.substring(MEMBER.length())).sorted().toList();
        if (!known.containsAll(chosen)) {
            errors.put("members", word(viewer, "appointment.error.members"));
        }
        String interpreter = value(form, "interpreter");
        if (interpreter != null && !appointments.languageCodes().contains(interpreter)) {
            errors.put("interpreter", word(viewer, "appointment.error.interpreter"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        // Members in the household's order, so the stored list does not depend on the form's.
        List<String> memberIds = members(household).stream().map(MemberEntity::id).filter(chosen::contains).toList();
        return new AppointmentCommand(type, purpose, date.atTime(from).atZone(AMSTERDAM).toInstant().toString(),
                date.atTime(to).atZone(AMSTERDAM).toInstant().toString(), memberIds, value(form, "placeId"),
                value(form, "address"), byPhone, value(form, "bring"), interpreter, null);
    }

    /** A cancelled appointment cannot be moved or cancelled again: 400 page. */
    private static AppointmentEntity changeable(Viewer viewer, AppointmentEntity appointment) {
        if (appointment.status() == AppointmentStatus.CANCELLED) {
            throw PageException.badRequest(viewer);
        }
        return appointment;
    }

    /** The stored appointment as form values, the times in Dutch time. */
    private static Map<String, String> values(AppointmentEntity appointment) {
        ZonedDateTime start = Instant.ofEpochMilli(appointment.startsAt()).atZone(AMSTERDAM);
        ZonedDateTime end = Instant.ofEpochMilli(appointment.endsAt()).atZone(AMSTERDAM);
        Map<String, String> values = new HashMap<>();
        values.put("type", appointment.type().name());
        values.put("purpose", appointment.purpose());
        values.put("date", start.toLocalDate().toString());
        values.put("from", start.toLocalTime().format(HOURS_MINUTES));
        values.put("to", end.toLocalTime().format(HOURS_MINUTES));
        values.put("placeId", appointment.placeId());
        values.put("address", appointment.address());
        values.put("byPhone", appointment.byPhone() ? "on" : null);
        values.put("bring", appointment.bring());
        values.put("interpreter", appointment.interpreterLanguage());
        appointment.members().forEach(member -> values.put(MEMBER + member, "on"));
        return values;
    }

    /** A member as the form offers it. */
    record MemberChoice(String field, String name) {
    }

    /** A language as the interpreter choice offers it. */
    record LanguageChoice(String code, String name) {
    }

    private List<MemberEntity> members(HouseholdEntity household) {
        return memberRepository.findByHouseholdIdInOrderBySortOrder(List.of(household.id()));
    }

    private HttpResponse<?> render(Viewer viewer, HttpRequest<?> request, HttpStatus status, HouseholdEntity household,
                                   @Nullable AppointmentEntity editing, Map<String, String> values,
                                   Map<String, String> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("household", household);
        model.put("editing", editing != null);
        model.put("action", editing == null
                ? UriBuilder.of("/dashboard/households").path(household.id()).path("appointments").build().toString()
                : UriBuilder.of("/dashboard/appointments").path(editing.id()).build().toString());
        model.put("back", Dashboard.householdPage(household.id(), "appointments").toString());
        model.put("values", values);
        model.put("errors", errors);
        List<FieldError> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(new FieldError(field, message)));
        model.put("summary", summary);
        model.put("types", Arrays.stream(AppointmentType.values()).map(Enum::name).toList());
        List<Place> choices = places.places(household.municipalityId(), List.of("nl")).places();
        model.put("places", choices);
        model.put("members", members(household).stream()
                .map(member -> new MemberChoice(MEMBER + member.id(), member.displayName())).toList());
        model.put("languages", appointments.languageCodes().stream()
                .map(code -> new LanguageChoice(code, viewer.display().language(code))).toList());
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
        form.keySet().stream().filter(key -> key.startsWith(MEMBER)).forEach(key -> values.put(key, "on"));
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
