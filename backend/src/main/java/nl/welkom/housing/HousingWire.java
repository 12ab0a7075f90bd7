package nl.welkom.housing;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON of housing's API ({@code docs/housing.md}): commands in, views out. Dates are ISO strings. */
final class HousingWire {
    private HousingWire() {
    }

    /** Body of {@code POST /api/housing/periods} and {@code PUT /api/housing/periods/{id}}. */
    @Serdeable
    record PeriodCommand(@Nullable String label, @Nullable String startsOn, @Nullable String endsOn,
                         @Nullable Integer targetPersons) {
        PeriodValues check() {
            return PeriodValues.check(label, startsOn, endsOn, targetPersons == null ? null : targetPersons.toString());
        }
    }

    /**
     * A period with its counts today.
     *
     * @param phase PAST, CURRENT or UPCOMING
     */
    @Serdeable
    record PeriodInfo(String id, String label, String startsOn, String endsOn, int targetPersons, String phase,
                      int linkedHouseholds, int linkedPersons, int housedHouseholds, int housedPersons,
                      int fillPercent, boolean behind) {
        static PeriodInfo of(PeriodState state) {
            QuotaPeriod period = state.period();
            return new PeriodInfo(period.id(), period.label(), period.startsOn(), period.endsOn(),
                    period.targetPersons(), state.phase().name(), state.linkedHouseholds(), state.linkedPersons(),
                    state.housedHouseholds(), state.housedPersons(), state.fillPercent(), state.behind());
        }
    }

    /** A period with the households counted towards it. */
    @Serdeable
    record PeriodDetail(PeriodInfo period, List<LinkedHouseholdInfo> households) {
        static PeriodDetail of(PeriodState state) {
            return new PeriodDetail(PeriodInfo.of(state),
                    state.households().stream().map(LinkedHouseholdInfo::of).toList());
        }
    }

    /**
     * A household counted towards a period.
     *
     * @param housed          it counts as housed for the period
     * @param late            no accepted offer while it arrived or arrives within four weeks
     * @param acceptedOfferId its accepted offer, if any
     */
    @Serdeable
    record LinkedHouseholdInfo(String householdId, String reference, String displayName, int persons,
                               @Nullable String expectedArrival, @Nullable String arrivedOn, boolean housed,
                               boolean late, @Nullable String acceptedOfferId, @Nullable String moveInOn) {
        static LinkedHouseholdInfo of(PeriodState.Linked linked) {
            HouseholdFacts household = linked.household();
            HousingOffer accepted = linked.accepted();
            return new LinkedHouseholdInfo(household.id(), household.reference(), household.displayName(),
                    household.persons(), household.expectedArrival(), household.arrivedOn(), linked.housed(),
                    linked.late(), accepted == null ? null : accepted.id(), accepted == null ? null : accepted.moveInOn());
        }
    }

    /** Body of {@code POST /api/housing/periods/{id}/households}. */
    @Serdeable
    record LinkCommand(@Nullable String householdId) {
    }

    /** Body of {@code POST} and {@code PUT /api/households/{id}/housing-offers}. */
    @Serdeable
    record OfferCommand(@Nullable String street, @Nullable String houseNumber, @Nullable String postcode,
                        @Nullable String city, @Nullable String offeredOn, @Nullable Integer rooms,
                        @Nullable String status, @Nullable String declineReason, @Nullable String note,
                        @Nullable String moveInOn) {
        OfferValues check() {
            return OfferValues.check(street, houseNumber, postcode, city, offeredOn,
                    rooms == null ? null : rooms.toString(), status, declineReason, note, moveInOn);
        }
    }

    /** An offer as stored; {@code updatedAt} is an ISO instant. */
    @Serdeable
    record OfferInfo(String id, String householdId, String street, String houseNumber, String postcode, String city,
                     String offeredOn, @Nullable Integer rooms, String status, @Nullable String declineReason,
                     @Nullable String note, @Nullable String moveInOn, String updatedAt) {
        static OfferInfo of(HousingOffer offer) {
            return new OfferInfo(offer.id(), offer.householdId(), offer.street(), offer.houseNumber(), offer.postcode(),
                    offer.city(), offer.offeredOn(), offer.rooms(), offer.status().name(),
                    offer.declineReason() == null ? null : offer.declineReason().name(), offer.note(),
                    offer.moveInOn(), Instant.ofEpochMilli(offer.updatedAt()).toString());
        }
    }

    /**
     * A household to settle near the one being placed.
     *
     * @param reason  why, in words, in the request's language (Dutch unless English is asked for)
     * @param housing where it lives or will live (its accepted offer), or null
     */
    @Serdeable
    record SuggestionInfo(String householdId, String reference, String displayName, int persons,
                          String nationality, String campOfOrigin, @Nullable String arrivedOn,
                          @Nullable String expectedArrival, String reason, @Nullable Address housing) {
        static SuggestionInfo of(GroupSettlement.Suggestion suggestion) {
            HouseholdFacts household = suggestion.household();
            HousingOffer accepted = suggestion.accepted();
            return new SuggestionInfo(household.id(), household.reference(), household.displayName(),
                    household.persons(), household.nationality(), household.campOfOrigin(), household.arrivedOn(),
                    household.expectedArrival(), suggestion.reason(), accepted == null ? null : Address.of(accepted));
        }
    }

    /** The address of an accepted offer. */
    @Serdeable
    record Address(String street, String houseNumber, String postcode, String city, @Nullable String moveInOn) {
        static Address of(HousingOffer offer) {
            return new Address(offer.street(), offer.houseNumber(), offer.postcode(), offer.city(), offer.moveInOn());
        }
    }
}
