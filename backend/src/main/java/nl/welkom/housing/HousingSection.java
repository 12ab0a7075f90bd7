package nl.welkom.housing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;

/**
 * The housing part of a household's page ({@code housing/section}), for officers only — a family
 * friend sees no offers, addresses or quota: the period the household counts towards, its housing
 * offers with a link to add or change one, and its group-settlement suggestions. Reading the
 * offers and the suggestions is audited.
 */
@Singleton
final class HousingSection implements HouseholdSection {
    private final HousingQuota quota;
    private final HousingOffers offers;
    private final GroupSettlement groups;
    private final HouseholdScope scope;

    HousingSection(HousingQuota quota, HousingOffers offers, GroupSettlement groups, HouseholdScope scope) {
        this.quota = quota;
        this.offers = offers;
        this.groups = groups;
        this.scope = scope;
    }

    @Override
    public String template() {
        return "housing/section";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (!viewer.officer()) {
            return Optional.empty();
        }
        Caller caller = viewer.caller();
        HouseholdEntity household = scope.requireVisible(caller, householdId);
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", household.id());
        quota.periodOf(caller, household.id()).ifPresent(period -> {
            model.put("periodId", period.id());
            model.put("periodLabel", period.label());
        });
        model.put("offers", offers.list(caller, household.id()).stream()
                .map(offer -> HousingView.OfferRow.of(offer, viewer.display()))
                .toList());
        model.put("offersPath", UriBuilder.of("/dashboard/households").path(household.id()).path("housing-offers")
                .build().toString());
        model.put("comparable", household.nationality() != null
                && GroupSettlement.campKey(household.campOfOrigin()) != null);
        List<HousingView.SuggestionRow> suggestions = groups.suggestions(caller, household.id(), viewer.display())
                .stream()
                .map(HousingView.SuggestionRow::of)
                .toList();
        model.put("suggestions", suggestions);
        return Optional.of(model);
    }
}
