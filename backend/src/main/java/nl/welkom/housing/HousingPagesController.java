package nl.welkom.housing;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Display;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.problem.ProblemException;

/**
 * Housing's dashboard pages, for officers only (anyone else gets the 403 page): the quota overview
 * with what is late ({@code /dashboard/housing}), a period with its households, its edit form and
 * the link form, and the form to add or change a household's housing offer. Forms post back and
 * answer 303 on success; a wrong field shows the form again (400) with the values kept and the
 * message beside the field.
 */
@Hidden
@Controller("/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HousingPagesController {
    private static final String OVERVIEW = "/dashboard/housing";
    private static final String[] PERIOD_FIELDS = {"label", "startsOn", "endsOn", "targetPersons"};
    private static final String[] OFFER_FIELDS = {"street", "houseNumber", "postcode", "city", "offeredOn", "rooms",
        "status", "declineReason", "note", "moveInOn"};

    private final Dashboard dashboard;
    private final Pages pages;
    private final HousingQuota quota;
    private final HousingOffers offers;
    private final GroupSettlement groups;
    private final HouseholdScope scope;
    private final MessageSource messages;

    HousingPagesController(Dashboard dashboard, Pages pages, HousingQuota quota, HousingOffers offers,
                           GroupSettlement groups, HouseholdScope scope, MessageSource messages) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.quota = quota;
        this.offers = offers;
        this.groups = groups;
        this.scope = scope;
        this.messages = messages;
    }

    /** Every period with its fill, and what is late. */
    @Get("/housing")
    HttpResponse<?> overview(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        Display display = viewer.display();
        List<HousingView.PeriodRow> rows = new ArrayList<>();
        List<HousingView.LateRow> late = new ArrayList<>();
        for (PeriodState state : quota.board(viewer.caller())) {
            rows.add(HousingView.PeriodRow.of(state, display));
            for (PeriodState.Linked linked : state.households()) {
                if (linked.late()) {
                    HouseholdFacts household = linked.household();
                    late.add(new HousingView.LateRow(household.id(), household.reference(), household.displayName(),
                            state.period().label(), HousingView.Arrival.of(household, display)));
                }
            }
        }
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("periods", rows);
        model.put("behind", rows.stream().filter(HousingView.PeriodRow::behind).toList());
        model.put("late", late);
        return pages.ok("housing/overview", model, request);
    }

    /** The form for a new period, filled in with the half-year after the last period (or this half-year). */
    @Get("/housing/periods/new")
    HttpResponse<?> newPeriod(HttpRequest<?> request, Authentication authentication) {
        Viewer viewer = dashboard.officer(authentication, request);
        LocalDate day = quota.today();
        for (PeriodState state : quota.board(viewer.caller())) {
            if (!state.period().end().isBefore(day)) {
                day = state.period().end().plusDays(1);
            }
        }
        return periodForm(viewer, request, HttpStatus.OK, halfYear(day), List.of());
    }

    @Post(value = "/housing/periods", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createPeriod(HttpRequest<?> request, Authentication authentication,
                                 @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            QuotaPeriod period = quota.create(viewer.caller(), checkPeriod(form));
            return HttpResponse.seeOther(periodPage(period.id(), null));
        } catch (InvalidInput invalid) {
            return periodForm(viewer, request, HttpStatus.BAD_REQUEST, kept(form, PERIOD_FIELDS), invalid.errors());
        }
    }

    /** A period: its fill, its households (late ones marked, with group suggestions), and its forms. */
    @Get("/housing/periods/{id}")
    HttpResponse<?> period(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        return periodPage(viewer, request, HttpStatus.OK, id, null, null, List.of());
    }

    @Post(value = "/housing/periods/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updatePeriod(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            quota.update(viewer.caller(), id, checkPeriod(form));
            return HttpResponse.seeOther(periodPage(id, null));
        } catch (InvalidInput invalid) {
            return periodPage(viewer, request, HttpStatus.BAD_REQUEST, id, "edit", kept(form, PERIOD_FIELDS),
                    invalid.errors());
        }
    }

    @Post(value = "/housing/periods/{id}/delete",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> deletePeriod(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            quota.delete(viewer.caller(), id);
            return HttpResponse.seeOther(URI.create(OVERVIEW));
        } catch (InvalidInput invalid) {
            return periodPage(viewer, request, HttpStatus.BAD_REQUEST, id, "delete", null, invalid.errors());
        }
    }

    @Post(value = "/housing/periods/{id}/households", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        String householdId = form.get("householdId");
        try {
            if (householdId == null || householdId.isBlank()) {
                throw InvalidInput.of("householdId", "housing.error.required");
            }
            quota.link(viewer.caller(), id, householdId.trim());
            return HttpResponse.seeOther(periodPage(id, "household-" + householdId.trim()));
        } catch (InvalidInput invalid) {
            return periodPage(viewer, request, HttpStatus.BAD_REQUEST, id, "link", null, invalid.errors());
        }
    }

    @Post(value = "/housing/periods/{id}/households/{householdId}/unlink",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> unlink(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                           @PathVariable String householdId) {
        Viewer viewer = dashboard.officer(authentication, request);
        quota.unlink(viewer.caller(), id, householdId);
        return HttpResponse.seeOther(periodPage(id, "households"));
    }

    /** The form for a new housing offer. */
    @Get("/households/{id}/housing-offers/new")
    HttpResponse<?> newOffer(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = dashboard.officer(authentication, request);
        HouseholdEntity household = household(viewer, id);
        Map<String, String> values = new HashMap<>();
        values.put("offeredOn", quota.today().toString());
        values.put("status", OfferStatus.OFFERED.name());
        return offerForm(viewer, request, HttpStatus.OK, household, null, values, List.of());
    }

    @Post(value = "/households/{id}/housing-offers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createOffer(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            HousingOffer offer = offers.create(viewer.caller(), id, checkOffer(form));
            return HttpResponse.seeOther(Dashboard.householdPage(offer.householdId(), "housing"));
        } catch (InvalidInput invalid) {
            return offerForm(viewer, request, HttpStatus.BAD_REQUEST, household(viewer, id), null,
                    kept(form, OFFER_FIELDS), invalid.errors());
        }
    }

    /** The form to change an offer. */
    @Get("/households/{id}/housing-offers/{offerId}")
    HttpResponse<?> editOffer(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @PathVariable String offerId) {
        Viewer viewer = dashboard.officer(authentication, request);
        HousingOffer offer = offers.get(viewer.caller(), id, offerId);
        Map<String, String> values = new HashMap<>();
        values.put("street", offer.street());
        values.put("houseNumber", offer.houseNumber());
        values.put("postcode", offer.postcode());
        values.put("city", offer.city());
        values.put("offeredOn", offer.offeredOn());
        values.put("rooms", offer.rooms() == null ? null : offer.rooms().toString());
        values.put("status", offer.status().name());
        values.put("declineReason", offer.declineReason() == null ? null : offer.declineReason().name());
        values.put("note", offer.note());
        values.put("moveInOn", offer.moveInOn());
        return offerForm(viewer, request, HttpStatus.OK, household(viewer, id), offer.id(), values, List.of());
    }

    @Post(value = "/households/{id}/housing-offers/{offerId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateOffer(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @PathVariable String offerId, @Body Map<String, String> form) {
        Viewer viewer = dashboard.officer(authentication, request);
        try {
            HousingOffer offer = offers.update(viewer.caller(), id, offerId, checkOffer(form));
            return HttpResponse.seeOther(Dashboard.householdPage(offer.householdId(), "housing"));
        } catch (InvalidInput invalid) {
            // the offer must still exist and be the household's before its form is shown again
            offers.get(viewer.caller(), id, offerId);
            return offerForm(viewer, request, HttpStatus.BAD_REQUEST, household(viewer, id), offerId,
                    kept(form, OFFER_FIELDS), invalid.errors());
        }
    }

    /** A service's problem (out of scope, not linked) as the matching page. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }

    private HttpResponse<?> periodForm(Viewer viewer, HttpRequest<?> request, HttpStatus status,
                                       Map<String, String> values, List<InvalidInput.FieldError> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("values", values);
        putErrors(model, viewer, errors);
        return pages.render(status, "housing/period-new", model, request);
    }

    private HttpResponse<?> periodPage(Viewer viewer, HttpRequest<?> request, HttpStatus status, String id,
                                       @Nullable String open, @Nullable Map<String, String> values,
                                       List<InvalidInput.FieldError> errors) {
        Caller caller = viewer.caller();
        Display display = viewer.display();
        PeriodState state = quota.period(caller, id);
        List<HouseholdFacts> unhoused = state.households().stream()
                .filter(linked -> linked.accepted() == null)
                .map(PeriodState.Linked::household)
                .toList();
        Map<String, List<GroupSettlement.Suggestion>> suggestions = unhoused.isEmpty() ? Map.of()
                : groups.suggestionsFor(caller, unhoused, quota.households(caller), display);
        List<HousingView.LinkedRow> rows = state.households().stream()
                .map(linked -> HousingView.LinkedRow.of(linked,
                        suggestions.getOrDefault(linked.household().id(), List.of()).stream()
                                .map(HousingView.SuggestionRow::of).toList(),
                        display))
                .toList();
        List<HousingView.Choice> choices = quota.unlinked(caller).stream()
                .map(household -> new HousingView.Choice(household.id(),
                        household.reference() + " — " + household.displayName()))
                .toList();
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("period", HousingView.PeriodRow.of(state, display));
        model.put("households", rows);
        model.put("choices", choices);
        model.put("open", open);
        model.put("values", values != null ? values : periodValues(state.period()));
        putErrors(model, viewer, errors);
        return pages.render(status, "housing/period", model, request);
    }

    private HttpResponse<?> offerForm(Viewer viewer, HttpRequest<?> request, HttpStatus status,
                                      HouseholdEntity household, @Nullable String offerId, Map<String, String> values,
                                      List<InvalidInput.FieldError> errors) {
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("household", household);
        model.put("offerId", offerId);
        model.put("action", offerId == null
                ? UriBuilder.of("/dashboard/households").path(household.id()).path("housing-offers").build().toString()
                : UriBuilder.of("/dashboard/households").path(household.id()).path("housing-offers").path(offerId)
                        .build().toString());
        model.put("back", Dashboard.householdPage(household.id(), "housing").toString());
        model.put("values", values);
        model.put("statuses", List.of(OfferStatus.values()));
        model.put("reasons", List.of(DeclineReason.values()));
        putErrors(model, viewer, errors);
        return pages.render(status, "housing/offer", model, request);
    }

    private HouseholdEntity household(Viewer viewer, String id) {
        HousingQuota.requireOfficer(viewer.caller());
        return scope.requireVisible(viewer.caller(), id);
    }

    /** {@code errors}: field → message, for beside each field; {@code summary}: the same in form order, for the top. */
    private void putErrors(Map<String, Object> model, Viewer viewer, List<InvalidInput.FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<HousingView.FieldMessage> summary = new ArrayList<>();
        for (InvalidInput.FieldError error : errors) {
            String message = messages.getMessage(error.key(), viewer.locale(), error.arguments().toArray())
                    .orElse(error.key());
            byField.put(error.field(), message);
            summary.add(new HousingView.FieldMessage(error.field(), message));
        }
        model.put("errors", byField);
        model.put("summary", summary);
    }

    private static PeriodValues checkPeriod(Map<String, String> form) {
        return PeriodValues.check(form.get("label"), form.get("startsOn"), form.get("endsOn"), form.get("targetPersons"));
    }

    private static OfferValues checkOffer(Map<String, String> form) {
        return OfferValues.check(form.get("street"), form.get("houseNumber"), form.get("postcode"), form.get("city"),
                form.get("offeredOn"), form.get("rooms"), form.get("status"), form.get("declineReason"),
                form.get("note"), form.get("moveInOn"));
    }

    /** The submitted values of the form's own fields, to show again. */
    private static Map<String, String> kept(Map<String, String> form, String[] fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            values.put(field, form.get(field));
        }
        return values;
    }

    private static Map<String, String> periodValues(QuotaPeriod period) {
        Map<String, String> values = new HashMap<>();
        values.put("label", period.label());
        values.put("startsOn", period.startsOn());
        values.put("endsOn", period.endsOn());
        values.put("targetPersons", Integer.toString(period.targetPersons()));
        return values;
    }

    /** The half-year holding {@code day}: label {@code 2027-1} (January to June) or {@code 2027-2}. */
    static Map<String, String> halfYear(LocalDate day) {
        boolean first = day.getMonthValue() <= 6;
        LocalDate start = LocalDate.of(day.getYear(), first ? 1 : 7, 1);
        Map<String, String> values = new HashMap<>();
        values.put("label", day.getYear() + (first ? "-1" : "-2"));
        values.put("startsOn", start.toString());
        values.put("endsOn", start.plusMonths(6).minusDays(1).toString());
        values.put("targetPersons", "");
        return values;
    }

    private static URI periodPage(String id, @Nullable String fragment) {
        UriBuilder builder = UriBuilder.of("/dashboard/housing/periods").path(id);
        if (fragment != null) {
            builder.fragment(fragment);
        }
        return builder.build();
    }
}
