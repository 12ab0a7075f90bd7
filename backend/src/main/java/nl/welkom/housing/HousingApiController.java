package nl.welkom.housing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.model.Problem;
import nl.welkom.problem.Problems;

/**
 * Housing's API, for officers only (buddies, phones, editors and administrators get 403): the quota
 * periods of the officer's municipality with their counts, the households linked to them, a
 * household's housing offers and its group-settlement suggestions. Out of scope is 404; bad input
 * a 400 problem whose {@code detail} names each wrong field, and nothing is stored.
 */
@SecurityRequirement(name = "bearer")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
final class HousingApiController {
    private final HousingQuota quota;
    private final HousingOffers offers;
    private final GroupSettlement groups;
    private final Dashboard dashboard;
    private final MessageSource messages;

    HousingApiController(HousingQuota quota, HousingOffers offers, GroupSettlement groups, Dashboard dashboard,
                         MessageSource messages) {
        this.quota = quota;
        this.offers = offers;
        this.groups = groups;
        this.dashboard = dashboard;
        this.messages = messages;
    }

    /** The municipality's periods with their counts today, earliest first. */
    @Get("/housing/periods")
    List<HousingWire.PeriodInfo> periods(Authentication authentication) {
        return quota.board(Caller.of(authentication)).stream().map(HousingWire.PeriodInfo::of).toList();
    }

    /** Creates a period (201). */
    @Post("/housing/periods")
    HttpResponse<HousingWire.PeriodDetail> createPeriod(Authentication authentication,
                                                        @Body HousingWire.PeriodCommand command) {
        Caller caller = Caller.of(authentication);
        QuotaPeriod period = quota.create(caller, command.check());
        return HttpResponse.created(HousingWire.PeriodDetail.of(quota.period(caller, period.id())));
    }

    /** A period with its linked households. */
    @Get("/housing/periods/{id}")
    HousingWire.PeriodDetail period(Authentication authentication, @PathVariable String id) {
        return HousingWire.PeriodDetail.of(quota.period(Caller.of(authentication), id));
    }

    /** Changes a period's label, dates or target. */
    @Put("/housing/periods/{id}")
    HousingWire.PeriodDetail updatePeriod(Authentication authentication, @PathVariable String id,
                                          @Body HousingWire.PeriodCommand command) {
        Caller caller = Caller.of(authentication);
        quota.update(caller, id, command.check());
        return HousingWire.PeriodDetail.of(quota.period(caller, id));
    }

    /** Removes a period that no household is linked to (204). */
    @Delete("/housing/periods/{id}")
    HttpResponse<Void> deletePeriod(Authentication authentication, @PathVariable String id) {
        quota.delete(Caller.of(authentication), id);
        return HttpResponse.noContent();
    }

    /** Counts a household towards the period: 201, or 200 when it was linked there already. */
    @Post("/housing/periods/{id}/households")
    HttpResponse<HousingWire.PeriodDetail> link(Authentication authentication, @PathVariable String id,
                                                @Body HousingWire.LinkCommand command) {
        Caller caller = Caller.of(authentication);
        if (command.householdId() == null || command.householdId().isBlank()) {
            throw InvalidInput.of("householdId", "housing.error.required");
        }
        boolean created = quota.link(caller, id, command.householdId().trim());
        HousingWire.PeriodDetail detail = HousingWire.PeriodDetail.of(quota.period(caller, id));
        return created ? HttpResponse.created(detail) : HttpResponse.ok(detail);
    }

    /** Stops counting the household towards the period (204; 404 when it was not linked there). */
    @Delete("/housing/periods/{id}/households/{householdId}")
    HttpResponse<Void> unlink(Authentication authentication, @PathVariable String id,
                              @PathVariable String householdId) {
        quota.unlink(Caller.of(authentication), id, householdId);
        return HttpResponse.noContent();
    }

    /** The household's housing offers, newest first. */
    @Get("/households/{id}/housing-offers")
    List<HousingWire.OfferInfo> offers(Authentication authentication, @PathVariable String id) {
        return offers.list(Caller.of(authentication), id).stream().map(HousingWire.OfferInfo::of).toList();
    }

    /** Records an offer (201). */
    @Post("/households/{id}/housing-offers")
    HttpResponse<HousingWire.OfferInfo> createOffer(Authentication authentication, @PathVariable String id,
                                                    @Body HousingWire.OfferCommand command) {
        return HttpResponse.created(HousingWire.OfferInfo.of(offers.create(Caller.of(authentication), id,
                command.check())));
    }

    @Get("/households/{id}/housing-offers/{offerId}")
    HousingWire.OfferInfo offer(Authentication authentication, @PathVariable String id, @PathVariable String offerId) {
        return HousingWire.OfferInfo.of(offers.get(Caller.of(authentication), id, offerId));
    }

    /** Replaces an offer's fields (all of them: a field left out is cleared or refused). */
    @Put("/households/{id}/housing-offers/{offerId}")
    HousingWire.OfferInfo updateOffer(Authentication authentication, @PathVariable String id,
                                      @PathVariable String offerId, @Body HousingWire.OfferCommand command) {
        return HousingWire.OfferInfo.of(offers.update(Caller.of(authentication), id, offerId, command.check()));
    }

    /** Households of the same nationality and camp in the municipality, with the reason in words. */
    @Get("/households/{id}/group-suggestions")
    List<HousingWire.SuggestionInfo> groupSuggestions(HttpRequest<?> request, Authentication authentication,
                                                      @PathVariable String id) {
        return groups.suggestions(Caller.of(authentication), id, dashboard.display(request)).stream()
                .map(HousingWire.SuggestionInfo::of)
                .toList();
    }

    /** Wrong fields as one 400 problem: {@code "targetPersons: Fill in a whole number from 1 to 100000."}. */
    @Error(exception = InvalidInput.class)
    HttpResponse<Problem> invalid(InvalidInput exception) {
        String detail = exception.errors().stream()
                .map(error -> error.field() + ": " + messages.getMessage(error.key(), Locale.ENGLISH,
                        error.arguments().toArray()).orElse(error.key()))
                .collect(Collectors.joining(" "));
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", detail));
    }
}
